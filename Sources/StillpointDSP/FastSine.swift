/// Sine of a phase given in cycles, the way every generator here computes it.
///
/// Phases are kept in `Double` cycles as a closed form of the absolute frame index
/// (so a 12-hour track stays exact and block size never matters); only the
/// fraction below one cycle goes to `Float`, where a short odd polynomial is far
/// cheaper than `sin` and within 1.7e-7 of it (−135 dB; the cosine 2.3e-7, as
/// measured by `FastSineTests`).
///
/// Each function has a scalar form and a form over `Lanes` (8 frames at once) that
/// does the same IEEE operations lane by lane, so both give identical samples. The
/// generators render through `fill`, eight frames at a time: explicit vectors make
/// the compiler keep eight independent polynomial chains in flight, which the
/// scalar loops (even auto-vectorised) did not, about 3× faster.
enum FastSine {
    /// Eight frames' samples.
    typealias Lanes = SIMD8<Float>
    /// Eight frames' phases (or frame indices) in `Double`.
    typealias Phases = SIMD8<Double>

    /// 0, 1, …, 7: the frame offsets of the lanes.
    @inline(__always)
    static var laneOffsets: Phases { Phases(0, 1, 2, 3, 4, 5, 6, 7) }

    /// Fills `out[0..<count]` with the samples of frames `n ..< n + count`, eight
    /// at a time: `lanes(f)` returns the samples of frames f … f + 7. The last
    /// group is computed whole and stored only as far as `count`; since every lane
    /// depends on its own frame alone, block size never changes a sample.
    @inline(__always)
    static func fill(_ out: UnsafeMutablePointer<Float>, from n: Int64, count: Int, _ lanes: (Int64) -> Lanes) {
        let width = Lanes.scalarCount
        let raw = UnsafeMutableRawPointer(out)
        var i = 0
        while i + width <= count {
            raw.storeBytes(of: lanes(n + Int64(i)), toByteOffset: i * MemoryLayout<Float>.stride, as: Lanes.self)
            i += width
        }
        if i < count {
            let last = lanes(n + Int64(i))
            for j in 0..<(count - i) { out[i + j] = last[j] }
        }
    }

    /// `fill` for two outputs at once (the two ears of a binaural beat).
    @inline(__always)
    static func fill(
        _ left: UnsafeMutablePointer<Float>, _ right: UnsafeMutablePointer<Float>, from n: Int64, count: Int,
        _ lanes: (Int64) -> (Lanes, Lanes)
    ) {
        let width = Lanes.scalarCount
        let rawLeft = UnsafeMutableRawPointer(left), rawRight = UnsafeMutableRawPointer(right)
        var i = 0
        while i + width <= count {
            let (l, r) = lanes(n + Int64(i))
            rawLeft.storeBytes(of: l, toByteOffset: i * MemoryLayout<Float>.stride, as: Lanes.self)
            rawRight.storeBytes(of: r, toByteOffset: i * MemoryLayout<Float>.stride, as: Lanes.self)
            i += width
        }
        if i < count {
            let (l, r) = lanes(n + Int64(i))
            for j in 0..<(count - i) {
                left[i + j] = l[j]
                right[i + j] = r[j]
            }
        }
    }

    /// 1.5·2^52: adding and subtracting it rounds a Double to the nearest integer.
    static let roundingMagic = 6_755_399_441_055_744.0

    /// The Taylor series of sin(2π·v) for v in [0, 0.25] as a polynomial in v²
    /// (highest power first), times v; shared by the scalar and the 8-lane sine.
    static let series: (Float, Float, Float, Float, Float, Float) = (
        -15.094642576822984, 42.058693944897634, -76.70585975306136,
        81.60524927607504, -41.341702240399755, 6.283185307179586)

    /// The frame indices f … f + 7 as `Double` (exact below 2^53).
    @inline(__always)
    static func frames(from f: Int64) -> Phases { Double(f) + laneOffsets }

    @inline(__always)
    static func wrap(_ cycles: Phases) -> Lanes {
        let rounded = (cycles + roundingMagic) - roundingMagic
        return Lanes(cycles - rounded)
    }

    @inline(__always)
    static func sin(wrapped y: Lanes) -> Lanes {
        let negative = y .< 0
        // |y|, with −0 made +0 as `abs` does.
        var a = y.replacing(with: -y, where: negative)
        a.replace(with: 0, where: a .== 0)
        let b = 0.5 - a
        let v = a.replacing(with: b, where: b .< a)
        let z = v * v
        var p = Lanes(repeating: series.0)
        p = p * z + series.1
        p = p * z + series.2
        p = p * z + series.3
        p = p * z + series.4
        p = p * z + series.5
        let s = p * v
        // Not `-s`: SIMD negation is 0 − s, which loses the sign of a zero.
        return s.replacing(with: s * -1, where: negative)
    }

    @inline(__always)
    static func sin(cycles: Phases) -> Lanes { sin(wrapped: wrap(cycles)) }

    @inline(__always)
    static func cos(wrapped y: Lanes) -> Lanes {
        let shifted = y + 0.25
        return sin(wrapped: shifted.replacing(with: shifted - 1, where: shifted .> 0.5))
    }

    /// `x − round(x)`, in [−0.5, 0.5]: adding and subtracting 1.5·2^52 rounds to the
    /// nearest integer with two plain additions (no libm call, vectorisable).
    @inline(__always)
    static func wrap(_ cycles: Double) -> Float {
        let rounded = (cycles + roundingMagic) - roundingMagic
        return Float(cycles - rounded)
    }

    /// sin(2π·y) for y in [−0.5, 0.5], folded to a quarter cycle and evaluated by
    /// the Taylor series to the 11th power (error below 6e-8 at the fold).
    @inline(__always)
    static func sin(wrapped y: Float) -> Float {
        let a = abs(y)
        let v = min(a, 0.5 - a)
        let z = v * v
        var p = series.0
        p = p * z + series.1
        p = p * z + series.2
        p = p * z + series.3
        p = p * z + series.4
        p = p * z + series.5
        let s = p * v
        return y < 0 ? -s : s
    }

    /// sin(2π·cycles) for any phase in cycles.
    @inline(__always)
    static func sin(cycles: Double) -> Float { sin(wrapped: wrap(cycles)) }

    /// cos(2π·y) for y in [−0.5, 0.5] (a quarter cycle ahead of the sine).
    @inline(__always)
    static func cos(wrapped y: Float) -> Float {
        let shifted = y + 0.25
        return sin(wrapped: shifted > 0.5 ? shifted - 1 : shifted)
    }
}
