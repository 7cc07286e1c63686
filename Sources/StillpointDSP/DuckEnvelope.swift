import Foundation

/// The `duck` gain for beds, plays and tones, driven by the timeline rather than a
/// detector: it is known in advance when every voice clip plays.
///
/// Before each voice clip the gain ramps from 0 dB down to `depth` over `attack`
/// frames, so that the dip is complete on the clip's first frame; after the clip
/// it ramps back over `release` frames. Ramps are linear in dB, which sounds even
/// to the ear. When the gap between two clips is shorter than release + attack
/// the gain stays down through it. The gain is a function of the track frame
/// alone (block size never matters); a cursor over the merged dips makes a block
/// cost only its own frames, and a render that jumps back finds its place again
/// by binary search.
public struct DuckEnvelope: Sendable {
    /// The format page's ramps: down over 300 ms, back over 1 s.
    static let attackSeconds = 0.3
    static let releaseSeconds = 1.0

    /// dB, ≤ 0.
    let depth: Double
    let attack: Int64
    let release: Int64
    /// Fully dipped spans (track frames), sorted, with gaps of at least
    /// attack + release between them.
    let dips: [Range<Int64>]
    private var cursor = 0
    private var lastFrame: Int64 = .min

    /// - Parameters:
    ///   - depth: the `duck` setting in dB (0 is off; positive values are treated as 0).
    ///   - voices: the track frames where voice clips play, in any order.
    init(depth: Double, voices: [Range<Int64>], attack: Int64, release: Int64) {
        self.depth = min(depth, 0)
        self.attack = max(attack, 0)
        self.release = max(release, 0)
        var merged: [Range<Int64>] = []
        for voice in voices.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, voice.lowerBound - self.attack < last.upperBound + self.release {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, voice.upperBound)
            } else {
                merged.append(voice)
            }
        }
        dips = merged
    }

    /// The format page's ramps (300 ms down, 1 s back) at `rate`.
    public init(depth: Double, voices: [Range<Int64>], rate: Int) {
        self.init(
            depth: depth, voices: voices,
            attack: Int64((Self.attackSeconds * Double(rate)).rounded()),
            release: Int64((Self.releaseSeconds * Double(rate)).rounded()))
    }

    /// Whether the envelope ever moves from 0 dB.
    public var isActive: Bool { depth < 0 && !dips.isEmpty }

    /// Fills the gain for track frames `[t, t + count)`.
    public mutating func fill(from t: Int64, count: Int, into gain: UnsafeMutablePointer<Float>) {
        guard isActive else {
            gain.update(repeating: 1, count: count)
            return
        }
        if t < lastFrame {
            cursor = firstDip(endingAfter: t)
        }
        lastFrame = t
        var frame = t
        let end = t + Int64(count)
        let dipped = Float(pow(10, depth / 20))
        while frame < end {
            while cursor < dips.count, dips[cursor].upperBound + release <= frame { cursor += 1 }
            let out = gain.advanced(by: Int(frame - t))
            guard cursor < dips.count else {
                out.update(repeating: 1, count: Int(end - frame))
                return
            }
            let dip = dips[cursor]
            let rampStart = dip.lowerBound - attack
            let segmentEnd: Int64
            if frame < rampStart {
                segmentEnd = min(end, rampStart)
                out.update(repeating: 1, count: Int(segmentEnd - frame))
            } else if frame < dip.lowerBound {
                segmentEnd = min(end, dip.lowerBound)
                DecibelRamp(start: 0, slope: depth / Double(attack), origin: rampStart)
                    .fill(frame..<segmentEnd, into: out)
            } else if frame < dip.upperBound {
                segmentEnd = min(end, dip.upperBound)
                out.update(repeating: dipped, count: Int(segmentEnd - frame))
            } else {
                segmentEnd = min(end, dip.upperBound + release)
                DecibelRamp(start: depth, slope: -depth / Double(release), origin: dip.upperBound)
                    .fill(frame..<segmentEnd, into: out)
            }
            frame = segmentEnd
        }
    }

    /// Index of the first dip whose release ends after frame t.
    private func firstDip(endingAfter t: Int64) -> Int {
        var low = 0, high = dips.count
        while low < high {
            let mid = (low + high) / 2
            if dips[mid].upperBound + release <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
