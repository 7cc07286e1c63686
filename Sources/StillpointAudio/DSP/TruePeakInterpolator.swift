import Foundation

/// 4× oversampling for true-peak detection, as ITU-R BS.1770 describes it: a
/// polyphase windowed-sinc interpolator with 12 taps per phase (Kaiser window,
/// β = 5), each phase normalised to unit gain at DC.
struct TruePeakInterpolator: Sendable {
    static let taps = 12
    static let phases = 4
    /// Coefficients of phases 1…3 (phase 0 is the sample itself), 12 each; tap t
    /// weighs sample c − 5 + t for the point c + k/4.
    let coefficients: [Float]
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
        self.coefficients = coefficients
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

    /// The peak magnitude of the segment from sample c to c + 1, where `x` points at
    /// sample c − 5 and the 12 samples up to c + 6 are readable: the larger of |x[c]|
    /// and the three interpolated points between.
    @inline(__always)
    func segmentPeak(_ x: UnsafePointer<Float>) -> Float {
        coefficients.withUnsafeBufferPointer { h in
            var peak = abs(x[Self.taps / 2 - 1])
            for k in 0..<(Self.phases - 1) {
                let base = k * Self.taps
                var sum: Float = 0
                for t in 0..<Self.taps { sum += h[base + t] * x[t] }
                peak = max(peak, abs(sum))
            }
            return peak
        }
    }
}
