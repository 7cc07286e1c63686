import Foundation

/// 4× oversampling for true-peak detection, as ITU-R BS.1770 describes it: a
/// polyphase windowed-sinc interpolator with 12 taps per phase (Kaiser window,
/// β = 5), each phase normalised to unit gain at DC.
struct TruePeakInterpolator: Sendable {
    static let taps = 12
    static let phases = 4
    /// Coefficients of phases 1…3 (phase 0 is the sample itself) by tap, for both
    /// channels at once: tap t weighs sample c − 5 + t for the point c + k/4;
    /// lanes 0–2 hold phases 1–3 for the left channel, lanes 4–6 the same for
    /// the right, lanes 3 and 7 are 0.
    let stereoTaps: [SIMD8<Float>]
    /// The largest sum of absolute coefficients of any phase: no interpolated
    /// point can exceed the largest nearby sample by more than this factor.
    let largestGain: Float

    init() {
        var coefficients: [Float] = []
        var largest: Float = 1
        let halfWidth = Double(Self.taps / 2)
        for k in 1..<Self.phases {
            var phase: [Double] = []
            for t in 0..<Self.taps {
                let tau = halfWidth - 1 + Double(k) / Double(Self.phases) - Double(t)
                let sinc = sin(Double.pi * tau) / (Double.pi * tau)
                phase.append(sinc * Self.kaiser(tau / halfWidth, beta: 5))
            }
            let sum = phase.reduce(0, +)
            let normalised = phase.map { Float($0 / sum) }
            largest = max(largest, normalised.reduce(0) { $0 + abs($1) })
            coefficients += normalised
        }
        stereoTaps = (0..<Self.taps).map { t in
            var lanes = SIMD8<Float>()
            for k in 0..<(Self.phases - 1) {
                lanes[k] = coefficients[k * Self.taps + t]
                lanes[4 + k] = coefficients[k * Self.taps + t]
            }
            return lanes
        }
        largestGain = largest
    }

    /// Kaiser window at x in (−1, 1).
    private static func kaiser(_ x: Double, beta: Double) -> Double {
        besselI0(beta * (1 - x * x).squareRoot()) / besselI0(beta)
    }

    private static func besselI0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0, k = 1.0
        while term > 1e-12 * sum {
            term *= (x / (2 * k)) * (x / (2 * k))
            sum += term
            k += 1
        }
        return sum
    }

    /// The peak magnitude over both channels of the segment from sample c to c + 1,
    /// where `l` and `r` point at sample c − 5 and the 12 samples up to c + 6 are
    /// readable: the largest of |x[c]| and the three interpolated points between,
    /// in either channel. The three phases of both channels are summed in the
    /// lanes of one vector (a mono signal passes the same pointer twice).
    @inline(__always)
    func segmentPeak(_ l: UnsafePointer<Float>, _ r: UnsafePointer<Float>) -> Float {
        stereoTaps.withUnsafeBufferPointer { h in
            var sum = SIMD8<Float>()
            for t in 0..<Self.taps {
                sum += h[t] * SIMD8(lowHalf: SIMD4(repeating: l[t]), highHalf: SIMD4(repeating: r[t]))
            }
            let m = sum.replacing(with: sum * -1, where: sum .< 0)
            let centre = Self.taps / 2 - 1
            return max(abs(l[centre]), abs(r[centre]), max(m[0], m[1], m[2]), max(m[4], m[5], m[6]))
        }
    }
}
