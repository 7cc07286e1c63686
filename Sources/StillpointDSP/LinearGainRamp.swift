import Foundation

/// A level glide that moves linearly in amplitude (`glide linear`), as SBaGen
/// slides a tone's level: g(n) = a0 + (a1 − a0)·n / glide, with a0 and a1 the
/// amplitudes of the start and end levels in dB. Each gain is a closed form of the
/// frame, so block size never changes a sample.
struct LinearGainRamp {
    private let startGain: Double
    private let step: Double

    init(_ level: Glide) {
        startGain = pow(10, level.start / 20)
        step = (pow(10, level.end / 20) - startGain) / Double(max(level.frames, 1))
    }

    /// Writes the gains of frames `frames` (all inside the glide) to `gain[0..<frames.count]`.
    func fill(_ frames: Range<Int64>, into gain: UnsafeMutablePointer<Float>) {
        for (i, frame) in frames.enumerated() {
            gain[i] = Float(startGain + step * Double(frame))
        }
    }
}
