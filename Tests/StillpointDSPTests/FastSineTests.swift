import Foundation
@testable import StillpointDSP
import Testing

/// `FastSine` against libm's `sin`/`cos` (in Double) over the phases the generators
/// give it, and its 8-lane form against its scalar form, sample for sample. The
/// tolerance covers the series' own error (below 6e-8) plus a few Float
/// roundings; measured: 1.7e-7 for the sine, 2.3e-7 for the cosine.
struct FastSineTests {
    static let tolerance = 2.5e-7

    /// Deterministic, evenly spread test points: a SplitMix64 stream scaled to `range`.
    static func points(_ count: Int, in range: ClosedRange<Double>, seed: UInt64 = 7) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return range.lowerBound + (range.upperBound - range.lowerBound) * Double(z >> 11) / Double(1 << 53)
        }
    }

    /// The edges of the fold and of the wrap, where a polynomial sine goes wrong first.
    static let edges: [Float] = [
        0, -0.0, 0.5, -0.5, 0.25, -0.25, 0.125, -0.375, 1e-30, -1e-30, .leastNonzeroMagnitude,
        Float(0.25).nextUp, Float(0.25).nextDown, Float(0.5).nextDown, Float(-0.5).nextUp, 1e-4, -0.4999,
    ]

    @Test func theWrappedSineIsWithinToleranceOfLibmOverAWholeCycle() {
        let ys = Self.points(200_000, in: -0.5...0.5).map { Float($0) } + Self.edges
        var worst = 0.0, at: Float = 0
        for y in ys {
            let error = abs(Double(FastSine.sin(wrapped: y)) - sin(2 * Double.pi * Double(y)))
            if error > worst { (worst, at) = (error, y) }
        }
        #expect(worst < Self.tolerance, "max error \(worst) at y = \(at)")
        // A bound far above the real error would pass anything: the polynomial is
        // not libm, so some error must show.
        #expect(worst > 1e-9)
    }

    @Test func theWrappedCosineIsWithinToleranceOfLibm() {
        var worst = 0.0
        for y in Self.points(100_000, in: -0.5...0.5).map({ Float($0) }) + Self.edges {
            worst = max(worst, abs(Double(FastSine.cos(wrapped: y)) - cos(2 * Double.pi * Double(y))))
        }
        #expect(worst < Self.tolerance, "max error \(worst)")
    }

    /// Phases in cycles as the generators make them: the first cycles of a tone,
    /// a minute into a bass tone, and the far end of a 12-hour track at 20 kHz
    /// (8.6e8 cycles), where only the `Double` phase keeps the fraction exact.
    @Test(arguments: [0.0...4, 5_000...5_100, 43_200 * 20_000 - 100...43_200 * 20_000.0])
    func theSineOfAPhaseInCyclesIsWithinToleranceOfLibm(range: ClosedRange<Double>) {
        var worst = 0.0
        for x in Self.points(50_000, in: range) {
            let fraction = x - x.rounded()
            worst = max(worst, abs(Double(FastSine.sin(cycles: x)) - sin(2 * Double.pi * fraction)))
        }
        #expect(worst < Self.tolerance, "max error \(worst) over \(range)")
    }

    /// The 8-lane sine and cosine do the scalar forms' IEEE operations lane by lane,
    /// so every lane equals the scalar result bit for bit (the sign of zero too).
    @Test func eightLanesEqualTheScalarSampleForSample() {
        let ys = Self.points(80_000, in: -0.5...0.5).map { Float($0) } + Self.edges + Self.edges.reversed()
        let width = FastSine.Lanes.scalarCount
        var mismatches: [Float] = []
        for start in stride(from: 0, to: ys.count - width + 1, by: width) {
            var lanes = FastSine.Lanes()
            for j in 0..<width { lanes[j] = ys[start + j] }
            let sines = FastSine.sin(wrapped: lanes), cosines = FastSine.cos(wrapped: lanes)
            for j in 0..<width {
                let y = ys[start + j]
                if sines[j].bitPattern != FastSine.sin(wrapped: y).bitPattern
                    || cosines[j].bitPattern != FastSine.cos(wrapped: y).bitPattern { mismatches.append(y) }
            }
        }
        #expect(mismatches.isEmpty, "lanes differ from the scalar at \(mismatches.prefix(5))")
    }

    /// The same for phases in cycles, including the wrap (`x − round(x)`) done in
    /// eight `Double` lanes.
    @Test(arguments: [-3.0...3, 43_200 * 20_000 - 10...43_200 * 20_000.0])
    func eightLanesOfPhasesEqualTheScalarSampleForSample(range: ClosedRange<Double>) {
        let xs = Self.points(40_000, in: range, seed: 11) + [-0.5, 0.5, 1.5, -2.5, 0, 0.25, 1.75, 2.5]
        let width = FastSine.Phases.scalarCount
        var mismatches = 0
        for start in stride(from: 0, to: xs.count - width + 1, by: width) {
            var phases = FastSine.Phases()
            for j in 0..<width { phases[j] = xs[start + j] }
            let lanes = FastSine.sin(cycles: phases), wrapped = FastSine.wrap(phases)
            for j in 0..<width where lanes[j].bitPattern != FastSine.sin(cycles: xs[start + j]).bitPattern
                || wrapped[j].bitPattern != FastSine.wrap(xs[start + j]).bitPattern {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }
}
