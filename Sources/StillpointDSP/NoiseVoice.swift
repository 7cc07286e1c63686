import Foundation

/// `noise white|pink|brown`, seeded and deterministic, scaled so that its long-term
/// RMS is that of a sine of peak 1 (1/√2, −3.01 dBFS).
///
/// White noise is a hash of (seed, frame): any frame can be computed on its own.
/// Pink is Paul Kellet's refined filter (−3 dB/octave within ±0.05 dB from about
/// 10 Hz up); brown is a leaky integrator with its corner at 40 Hz (−6 dB/octave
/// above it, finite and DC-free below it, so it never drifts). Their filter state
/// is per sample in `Double`; a render that does not continue the previous one
/// first runs the filter over the `warmUp` frames before it (or from frame 0), so
/// the result does not depend on where rendering started.
struct NoiseVoice: Sendable {
    let color: NoiseSpectrum
    private let key: UInt64
    private var gain: Double
    private let brownPole: Double
    private var state: (Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0)
    /// The frame the next render continues from, if any.
    private var next: Int64?
    /// Frames of filter history rebuilt before a render that starts afresh.
    let warmUp: Int64

    /// RMS of the hashed uniform samples in [−1, 1).
    private static let whiteRMS = 1 / 3.0.squareRoot()
    private static let sineRMS = 0.5.squareRoot()
    static let brownCorner = 40.0

    init(color: NoiseSpectrum, rate: Int, seed: UInt64) {
        self.color = color
        key = Self.mix(seed)
        brownPole = exp(-2 * Double.pi * Self.brownCorner / Double(rate))
        warmUp = Int64(rate / 2)
        gain = 1
        gain = Self.sineRMS / (Self.whiteRMS * impulseEnergy().squareRoot())
    }

    /// The filter's power gain on white noise: the energy of its impulse response,
    /// summed until the slowest section (pole 0.99886) has decayed below 1e-15.
    private func impulseEnergy() -> Double {
        var probe = self
        var energy = 0.0
        for k in 0..<40_000 {
            let h = probe.filter(k == 0 ? 1 : 0)
            energy += h * h
        }
        return energy
    }

    /// SplitMix64's finaliser: a strong 64-bit mix, used as a counter-based RNG.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform white sample in [−1, 1) for a frame.
    @inline(__always)
    private func white(_ frame: Int64) -> Double {
        let bits = Self.mix(key ^ UInt64(bitPattern: frame))
        return Double(Int32(truncatingIfNeeded: bits >> 32)) * (1.0 / 2_147_483_648.0)
    }

    mutating func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        if color != .white, next != n {
            state = (0, 0, 0, 0, 0, 0, 0)
            var frame = max(0, n - warmUp)
            while frame < n {
                _ = filter(white(frame))
                frame += 1
            }
        }
        switch color {
        case .white:
            for i in 0..<count { out[i] = Float(white(n + Int64(i)) * gain) }
        case .pink, .brown:
            for i in 0..<count { out[i] = Float(filter(white(n + Int64(i))) * gain) }
        }
        next = n + Int64(count)
    }

    /// Advances the filter by one frame of white input `w` and returns its output
    /// before scaling. Pink: Paul Kellet's refined filter, six one-pole sections plus
    /// a direct and a one-sample-delayed term (`state.6`); brown: `state.0`.
    @inline(__always)
    private mutating func filter(_ w: Double) -> Double {
        switch color {
        case .white:
            return w
        case .brown:
            state.0 = brownPole * state.0 + w
            return state.0
        case .pink:
            state.0 = 0.99886 * state.0 + w * 0.0555179
            state.1 = 0.99332 * state.1 + w * 0.0750759
            state.2 = 0.96900 * state.2 + w * 0.1538520
            state.3 = 0.86650 * state.3 + w * 0.3104856
            state.4 = 0.55000 * state.4 + w * 0.5329522
            state.5 = -0.7616 * state.5 - w * 0.0168980
            let y = state.0 + state.1 + state.2 + state.3 + state.4 + state.5 + state.6 + w * 0.5362
            state.6 = w * 0.115926
            return y
        }
    }
}
