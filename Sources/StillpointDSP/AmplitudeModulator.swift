import Foundation

/// The gain of an `am R depth D` modulation (the script's `AmplitudeModulation`):
/// g(n) = 1 − D·(1 − cos 2πφ(n))/2, φ the phase of a `PhaseCurve` of the rate, so
/// the throb starts at full gain with the sound and a gliding rate stays smooth.
/// A function of the frame alone, like every gain of `GainEnvelope`.
public struct AmplitudeModulator: Sendable {
    private let phase: PhaseCurve
    private let depth: Double

    /// - Parameters:
    ///   - frequency: the throb's rate (Hz), which may glide.
    ///   - depth: 0 (steady) to 1 (down to silence).
    ///   - rate: the track's sample rate.
    public init(frequency: Glide, depth: Double, rate: Int) {
        phase = PhaseCurve(frequency, rate: rate)
        self.depth = depth
    }

    func apply(from n: Int64, count: Int, to gain: UnsafeMutablePointer<Float>) {
        for i in 0..<count {
            let cycles = phase.cycles(at: n + Int64(i)).truncatingRemainder(dividingBy: 1)
            gain[i] *= Float(1 - depth * (1 - cos(2 * Double.pi * cycles)) / 2)
        }
    }
}
