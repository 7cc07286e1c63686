import Foundation

/// A stretch of speech in a take, in frames of the take: from the first loud
/// frame to the last, with short pauses inside (breaths, commas) kept in.
public struct Stretch: Sendable, Equatable {
    public var start: Int64
    public var end: Int64
    public var range: Range<Int64> { start ..< end }
}

/// Where a take has speech and where it pauses, from its own levels: frame
/// energies every 10 ms against a noise floor that follows the take (so a
/// fridge starting halfway does not turn into speech), with hysteresis and a
/// hangover so that a breath or a comma pause does not split a phrase.
///
/// Only the energies are kept (one Float per 10 ms: 240 KB for an hour).
struct SpeechMap {
    let rate: Int
    let hop: Int
    let frames: Int64
    /// Mean-square level of each 10 ms frame, in dBFS.
    let levels: [Float]
    let stretches: [Stretch]
    /// The take's mean sample value: its DC offset, which the cleaning removes.
    let mean: Float

    /// Pauses up to this long inside speech belong to it: breaths, commas.
    static let hangover = 0.5
    /// Louder than this above the local floor starts speech; the end is 4 dB lower.
    static let onset: Float = 10
    /// Shorter bursts are clicks and knocks, not words.
    static let shortest = 0.12

    init(_ take: TakeAudio) throws(TakesError) {
        rate = take.rate
        hop = max(1, take.rate / 100)
        var levels: [Float] = []
        var carry: [Float] = []
        var total: Int64 = 0
        var sum = 0.0
        let hop = self.hop
        try take.forEachBlock { block in
            total += Int64(block.count)
            sum += block.reduce(0.0) { $0 + Double($1) }
            carry += block
            var at = 0
            while at + hop <= carry.count {
                var sum: Float = 0
                for i in at ..< at + hop { sum += carry[i] * carry[i] }
                levels.append(10 * log10(max(sum / Float(hop), 1e-12)))
                at += hop
            }
            carry.removeFirst(at)
        }
        frames = total
        mean = total > 0 ? Float(sum / Double(total)) : 0
        self.levels = levels
        stretches = Self.find(levels, hop: hop, rate: rate, frames: total)
    }

    /// The noise floor at each frame: the 10th percentile of the levels in the
    /// 6 s before it and in the 6 s after it, whichever is higher (so a fridge
    /// starting or stopping moves the floor within a fraction of a second,
    /// from the side where it is already steady), sampled every quarter second;
    /// but never more than 6 dB above the take's own 30th percentile, so that a
    /// long phrase does not lift the floor into itself.
    static func floor(_ levels: [Float], framesPerSecond: Int) -> [Float] {
        guard !levels.isEmpty else { return [] }
        let cap = percentile(levels, 0.3) + 6
        let reach = 6 * framesPerSecond, overlap = framesPerSecond / 2, step = max(1, framesPerSecond / 4)
        var floor = [Float](repeating: cap, count: levels.count)
        for centre in stride(from: 0, to: levels.count, by: step) {
            let before = levels[max(0, centre - reach) ..< min(levels.count, centre + overlap)]
            let after = levels[max(0, centre - overlap) ..< min(levels.count, centre + reach)]
            let local = min(max(percentile(Array(before), 0.1), percentile(Array(after), 0.1)), cap)
            for i in centre ..< min(levels.count, centre + step) { floor[i] = local }
        }
        return floor
    }

    static func percentile(_ values: [Float], _ p: Double) -> Float {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    private static func find(_ levels: [Float], hop: Int, rate: Int, frames: Int64) -> [Stretch] {
        let perSecond = max(1, rate / hop)
        let floor = floor(levels, framesPerSecond: perSecond)
        var raw: [Range<Int>] = []
        var start: Int?
        for (i, level) in levels.enumerated() {
            // Never below -65 dBFS: digital silence between phrases has no floor to speak of.
            let on = max(floor[i] + onset, -65), off = on - 4
            if let s = start {
                if level < off { raw.append(s ..< i); start = nil }
            } else if level > on {
                start = i
            }
        }
        if let s = start { raw.append(s ..< levels.count) }
        var merged: [Range<Int>] = []
        let gap = Int(hangover * Double(perSecond))
        for r in raw {
            if let last = merged.last, r.lowerBound - last.upperBound <= gap {
                merged[merged.count - 1] = last.lowerBound ..< r.upperBound
            } else {
                merged.append(r)
            }
        }
        let shortest = Int(Self.shortest * Double(perSecond))
        return merged.filter { $0.count >= shortest }.map {
            Stretch(start: Int64($0.lowerBound * hop), end: min(frames, Int64($0.upperBound * hop)))
        }
    }

    /// Quiet stretches at least `minimum` seconds long, kept `margin` seconds
    /// away from speech: where the take's noise and hum are learned.
    func pauses(minimum: Double = 0.3, margin: Double = 0.1) -> [Range<Int64>] {
        let pad = Int64(margin * Double(rate))
        var result: [Range<Int64>] = []
        var previousEnd: Int64 = 0
        for edge in stretches.map(\.range) + [frames ..< frames] {
            let from = previousEnd == 0 ? 0 : previousEnd + pad
            let to = edge.lowerBound == frames ? frames : edge.lowerBound - pad
            if Double(to - from) >= minimum * Double(rate) { result.append(from ..< to) }
            previousEnd = edge.upperBound
        }
        return result
    }
}
