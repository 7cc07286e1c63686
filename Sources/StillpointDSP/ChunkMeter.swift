import Foundation

/// Measures a mix as BS.1770 hears it, 100 ms at a time, for a `LoudnessProfile`:
/// each channel goes through the K-weighting filter (a high shelf near 1.7 kHz
/// and a high-pass near 38 Hz), and every 100 ms chunk's mean square, summed over
/// the channels, is kept with the chunk's sample peak.
///
/// libebur128 does the same and is what the tests check this against (within
/// 0.05 LU); it is not used for the render's own passes because, measured on B60,
/// its per-sample double-precision code with a channel switch in the inner loop
/// took 39 % of the whole render. Here each channel is a tight loop over a block.
public struct ChunkMeter {
    /// One filter per channel (the second unused in mono).
    private var first: KWeighting, second: KWeighting
    private let chunkFrames: Int
    private var filled = 0
    private var sum = 0.0
    private var peak: Float = 0
    private var scratch: [Double]

    public init(channels: Int, rate: Int) {
        first = KWeighting(rate: rate)
        second = first
        chunkFrames = LoudnessProfile.chunkFrames(rate: rate)
        scratch = Array(repeating: 0, count: chunkFrames)
    }

    /// Adds `count` frames of planar audio (one or two channels); completed chunks go to `profile`
    /// unless `record` is false (a pre-roll that only warms the filters).
    public mutating func add(_ channels: [UnsafePointer<Float>], count: Int, to profile: inout LoudnessProfile, record: Bool = true) {
        var done = 0
        while done < count {
            let n = min(chunkFrames - filled, count - done)
            if channels.count == 2 {
                sum += KWeighting.meanSquareSum(&first, channels[0] + done, &second, channels[1] + done, count: n, peak: &peak)
            } else {
                sum += first.meanSquareSum(channels[0] + done, count: n, peak: &peak)
            }
            filled += n
            done += n
            if filled == chunkFrames {
                if record { profile.append(energy: sum / Double(chunkFrames), peak: peak) }
                filled = 0
                sum = 0
                peak = 0
            }
        }
    }

    /// Records the last, partial chunk.
    public mutating func finish(into profile: inout LoudnessProfile) {
        guard filled > 0 else { return }
        profile.append(energy: sum / Double(filled), peak: peak)
        filled = 0
        sum = 0
        peak = 0
    }
}
