import Foundation

/// One second-order IIR section (transposed direct form II, in Double so that
/// a narrow notch at 50 Hz stays exact at 48 kHz), with the designs the
/// cleaning uses, from the Audio EQ Cookbook (R. Bristow-Johnson).
struct Biquad {
    private var b0, b1, b2, a1, a2: Double
    private var z1 = 0.0, z2 = 0.0

    private init(b: (Double, Double, Double), a: (Double, Double, Double)) {
        (b0, b1, b2) = (b.0 / a.0, b.1 / a.0, b.2 / a.0)
        (a1, a2) = (a.1 / a.0, a.2 / a.0)
    }

    /// A high-pass section; two of them with Butterworth Qs make a 4th-order
    /// Butterworth (`highPass4`).
    static func highPass(_ frequency: Double, q: Double, rate: Int) -> Biquad {
        let w = 2 * Double.pi * frequency / Double(rate)
        let alpha = sin(w) / (2 * q), c = cos(w)
        return Biquad(b: ((1 + c) / 2, -(1 + c), (1 + c) / 2), a: (1 + alpha, -2 * c, 1 - alpha))
    }

    /// A 4th-order Butterworth high-pass: 24 dB an octave below `frequency`,
    /// flat (within 0.2 dB) half an octave above it.
    static func highPass4(_ frequency: Double, rate: Int) -> [Biquad] {
        [highPass(frequency, q: 0.541_196, rate: rate), highPass(frequency, q: 1.306_563, rate: rate)]
    }

    /// A notch `width` Hz wide (between its −3 dB points) at `frequency`.
    static func notch(_ frequency: Double, width: Double, rate: Int) -> Biquad {
        let w = 2 * Double.pi * frequency / Double(rate)
        let alpha = sin(w) / (2 * (frequency / width)), c = cos(w)
        return Biquad(b: (1, -2 * c, 1), a: (1 + alpha, -2 * c, 1 - alpha))
    }

    mutating func process(_ x: Double) -> Double {
        let y = b0 * x + z1
        z1 = b1 * x - a1 * y + z2
        z2 = b2 * x - a2 * y
        return y
    }

    /// Runs `sections` in series over `samples`, in place.
    static func run(_ sections: inout [Biquad], over samples: inout [Float]) {
        guard !sections.isEmpty else { return }
        for i in samples.indices {
            var x = Double(samples[i])
            for s in sections.indices { x = sections[s].process(x) }
            samples[i] = Float(x)
        }
    }
}
