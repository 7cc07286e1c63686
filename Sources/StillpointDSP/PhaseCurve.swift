import Foundation

/// The phase, in cycles, of an oscillator whose frequency follows a `Glide`, as a
/// closed form of the frame index: the integral of the frequency, so a glide is
/// phase-continuous and any frame can be computed without the ones before it.
///
/// A glide between two positive frequencies is exponential in time (even in
/// pitch): f(n) = f0·e^(k·n), whose integral is f0·(e^(k·n) − 1)/k (`expm1` keeps
/// it exact for tiny k), evaluated as expm1(k·a)·e^(k·j) + expm1(k·j) with a = n
/// rounded down to a multiple of `span` and j = n − a, from tables of the two
/// factors, so a glide costs one `expm1` per eight frames rather than one per
/// frame (and still depends on n alone). After the glide the final frequency
/// holds. A glide that
/// touches zero or changes sign, or one whose curve is `.linear`, is linear in Hz.
struct PhaseCurve: Sendable {
    /// Cycles per frame at the start and at the end of the glide.
    let startRate: Double
    let endRate: Double
    /// Glide length in frames (0: constant).
    let glide: Int64
    /// Exponential rate per frame, or nil for a linear (or no) glide.
    private let growth: Double?
    /// Phase reached at the end of the glide.
    let glideCycles: Double
    /// For an exponential glide, e^(k·j) and expm1(k·j) for j in 0..<`span`.
    private let spanGrowth: [Double]
    private let spanCycles: [Double]
    static let span: Int64 = 256
    /// The phase at frame 0, in cycles (`Glide.phase`).
    let offset: Double

    /// - Parameters:
    ///   - hertz: the frequency (Hz) and its glide.
    ///   - ratio: multiplies the frequency (a partial's ratio, or ±½ for a beat).
    init(_ hertz: Glide, rate: Int, ratio: Double = 1) {
        offset = hertz.phase
        startRate = hertz.start * ratio / Double(rate)
        endRate = (hertz.isConstant ? hertz.start : hertz.end) * ratio / Double(rate)
        glide = hertz.isConstant ? 0 : max(hertz.frames, 0)
        let g = Double(glide)
        // An even glide keeps its sign (a negative beat glides evenly in size too);
        // a linear one (`glide linear`), or one through zero, is linear in Hz.
        if glide > 0, hertz.curve == .even, hertz.start * hertz.end > 0 {
            let k = log(hertz.end / hertz.start) / g
            growth = k
            glideCycles = startRate * expm1(k * g) / k
            spanGrowth = (0..<Self.span).map { exp(k * Double($0)) }
            spanCycles = (0..<Self.span).map { expm1(k * Double($0)) }
        } else {
            growth = nil
            glideCycles = (startRate + endRate) * g / 2
            spanGrowth = []
            spanCycles = []
        }
    }

    /// Phase in cycles at frame `n` (n ≥ 0), from `offset` at frame 0.
    @inline(__always)
    func cycles(at n: Int64) -> Double {
        offset + rising(at: n)
    }

    /// Phase in cycles at frame `n`, from 0 at frame 0.
    @inline(__always)
    private func rising(at n: Int64) -> Double {
        if n >= glide {
            return glideCycles + endRate * Double(n - glide)
        }
        if let k = growth {
            let j = Int(n % Self.span)
            return startRate * (expm1(k * Double(n - Int64(j))) * spanGrowth[j] + spanCycles[j]) / k
        }
        let x = Double(n)
        return startRate * x + (endRate - startRate) * x * x / (2 * Double(glide))
    }

    /// The highest frequency of the curve, in cycles per frame.
    var highestRate: Double { max(startRate, endRate) }

    /// Phases of frames n … n + 7, exactly as `cycles(at:)` gives them. Past the
    /// glide, the common case, this is one vector expression (`n − glide` plus the
    /// lane offsets is exact in `Double` below 2^53); during it each lane is
    /// computed on its own.
    @inline(__always)
    func cycles(lanesFrom n: Int64) -> FastSine.Phases {
        offset + rising(lanesFrom: n)
    }

    @inline(__always)
    private func rising(lanesFrom n: Int64) -> FastSine.Phases {
        if n >= glide {
            return glideCycles + endRate * (Double(n - glide) + FastSine.laneOffsets)
        }
        let width = FastSine.Phases.scalarCount
        let j = Int(n % Self.span)
        if let k = growth, j + width <= Int(Self.span) {
            // All eight frames share one anchor (and `cycles(at:)`'s arithmetic).
            let anchor = expm1(k * Double(n - Int64(j)))
            return spanGrowth.withUnsafeBufferPointer { growth in
                spanCycles.withUnsafeBufferPointer { cycles in
                    let g = UnsafeRawPointer(growth.baseAddress! + j).loadUnaligned(as: FastSine.Phases.self)
                    let c = UnsafeRawPointer(cycles.baseAddress! + j).loadUnaligned(as: FastSine.Phases.self)
                    let x = startRate * (anchor * g + c) / k
                    return x.replacing(with: glideCycles + endRate * (Double(n - glide) + FastSine.laneOffsets),
                                       where: Double(n) + FastSine.laneOffsets .>= Double(glide))
                }
            }
        }
        var x = FastSine.Phases()
        for j in 0..<FastSine.Phases.scalarCount { x[j] = rising(at: n + Int64(j)) }
        return x
    }
}
