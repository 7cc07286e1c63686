import Foundation

/// `noise COLOUR spin R`: the noise of `NoiseVoice`, panned round the head: its
/// pan position follows sin(2π·φ(n)), full left to full right and back R times a
/// second (φ the phase of a `PhaseCurve`, so a gliding rate stays smooth), with
/// the constant-power law of `GainEnvelope.panGains`, so the noise's power is
/// the same at every moment and the centre is 0 dB in each ear.
///
/// SBaGen's own `spin:` delays the noise between the ears rather than panning
/// it; a pan gives the same circling, on headphones or speakers, and has no
/// width to set (docs/sbagen.md).
struct SpinningNoiseVoice: Sendable {
    private var noise: NoiseVoice
    private let phase: PhaseCurve

    init(color: NoiseSpectrum, spin: Glide, rate: Int, seed: UInt64) {
        noise = NoiseVoice(color: color, rate: rate, seed: seed)
        phase = PhaseCurve(spin, rate: rate)
    }

    mutating func render(
        from n: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?
    ) {
        noise.render(from: n, count: count, into: left)
        guard let right else { return }
        for i in 0..<count {
            let position = sin(2 * Double.pi * phase.cycles(at: n + Int64(i)).truncatingRemainder(dividingBy: 1))
            let (l, r) = GainEnvelope.panGains(position)
            right[i] = left[i] * r
            left[i] *= l
        }
    }
}
