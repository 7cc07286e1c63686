import Foundation

/// How a looping recording wraps: the first pass plays it from its start, every
/// later pass from `restart`, so that the stretch before `restart` can be the one
/// crossfaded into the recording's end (see `LoopSeam.prepare`) and the seam never
/// clicks.
public struct LoopSeam: Sendable {
    public let restart: Int
    public let frames: Int

    /// The buffer position of local frame `n` and how many frames follow it before
    /// the next wrap.
    public func position(of n: Int64) -> (Int, Int) {
        if n < Int64(frames) { return (Int(n), frames - Int(n)) }
        let period = Int64(frames - restart)
        let position = restart + Int((n - Int64(frames)) % period)
        return (position, frames - position)
    }

    /// Crossfades the recording's first `overlap` frames into its last ones (equal
    /// power), so that playing on from frame `overlap` after the end is seamless.
    /// `channels` (planar, all the same length) is changed in place; returns its
    /// seam. Recordings too short to crossfade loop as they are.
    public static func prepare(_ channels: inout [[Float]], rate: Int) -> LoopSeam {
        let frames = channels.first?.count ?? 0
        let overlap = min(rate / 10, frames / 4)
        guard overlap > 1 else { return LoopSeam(restart: 0, frames: max(frames, 1)) }
        let tail = frames - overlap
        for c in channels.indices {
            for i in 0..<overlap {
                let t = (Double(i) + 0.5) / Double(overlap)
                let fadeOut = Float(cos(t * .pi / 2)), fadeIn = Float(sin(t * .pi / 2))
                channels[c][tail + i] = channels[c][tail + i] * fadeOut + channels[c][i] * fadeIn
            }
        }
        return LoopSeam(restart: overlap, frames: frames)
    }
}
