import Foundation

/// Broadband noise reduction by spectral gating: each bin of a short-time
/// spectrum is turned down by how much of it the take's own pause noise
/// explains. Mild by design (at most −14 dB), and smoothed across neighbouring
/// bins and over time, opening fast and closing a little more slowly, so that the leftover
/// noise stays a steady hush rather than the warbling "musical noise" of a
/// plain gate.
///
/// Frames of 20–40 ms with a √Hann window for analysis and synthesis at half
/// overlap, which add back to the input exactly where no bin is turned down.
struct SpectralGate {
    let size: Int
    /// The noise's mean power in each bin, from `learn`.
    let noise: [Float]

    /// How far below the noise a bin must stay to be left alone (over-subtraction).
    static let oversubtraction: Float = 3
    /// The lowest gain: −14 dB, noise made quieter, not removed.
    static let floorGain: Float = 0.2

    static func size(for rate: Int) -> Int {
        var size = 256
        while Double(size) < Double(rate) * 0.02 { size *= 2 }
        return size
    }

    static func window(_ size: Int) -> [Float] {
        (0 ..< size).map { Float(sin(Double.pi * Double($0) / Double(size))) }
    }

    /// The mean power spectrum of `pauses` (already high-passed and notched).
    static func learn(from pauses: [[Float]], rate: Int) -> SpectralGate? {
        let size = size(for: rate)
        // Less than a few frames of pause would be a guess, not a profile.
        guard pauses.reduce(0, { $0 + $1.count }) >= 3 * size,
            let power = RealFFT(size: size).meanPower(of: pauses, window: window(size))
        else { return nil }
        return SpectralGate(size: size, noise: power.map { Float($0) })
    }

    /// `samples` with the noise turned down; the same length.
    func apply(_ samples: [Float]) -> [Float] {
        let hop = size / 2
        let fft = RealFFT(size: size)
        let window = Self.window(size)
        let bins = fft.bins
        // Frames start half a frame before the first sample, so every sample is
        // covered by two frames.
        let padded = [Float](repeating: 0, count: hop) + samples + [Float](repeating: 0, count: size)
        var output = [Float](repeating: 0, count: padded.count)
        var smoothedPower = [Float](repeating: 0, count: bins)
        var gains = [Float](repeating: 1, count: bins)
        var raw = [Float](repeating: 1, count: bins)
        var power = [Float](repeating: 0, count: bins)
        let scale = 1 / Float(size)
        var at = 0
        var first = true
        while at + size <= padded.count {
            for i in 0 ..< size { fft.time[i] = padded[at + i] * window[i] }
            fft.forward()
            for k in 0 ..< bins { power[k] = fft.power(k) }
            for k in 0 ..< bins {
                let across = (power[max(0, k - 1)] + power[k] + power[min(bins - 1, k + 1)]) / 3
                smoothedPower[k] = first ? across : 0.5 * smoothedPower[k] + 0.5 * across
                let explained = Self.oversubtraction * noise[k] / max(smoothedPower[k], 1e-20)
                raw[k] = max(Self.floorGain, 1 - explained)
            }
            for k in 0 ..< bins {
                let target = (raw[max(0, k - 1)] + 2 * raw[k] + raw[min(bins - 1, k + 1)]) / 4
                // Open quickly for a word's onset, close slowly after it.
                gains[k] = first ? target : gains[k] + (target > gains[k] ? 0.7 : 0.5) * (target - gains[k])
                fft.scale(k, by: gains[k])
            }
            first = false
            fft.inverse()
            for i in 0 ..< size { output[at + i] += fft.time[i] * window[i] * scale }
            at += hop
        }
        return Array(output[hop ..< hop + samples.count])
    }
}
