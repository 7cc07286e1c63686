import Foundation

/// How one pass of the resolver lays out a script whose length is chosen
/// (`length:`, a version, `--length`). `ScriptLoader` first measures the script
/// with every range at its shortest, then passes again with the extra time
/// shared out (`shares`) and, last, with the length decided (`length`).
struct Layout {
    /// Extra frames for each ranged duration, in the order the walk meets them;
    /// those past the end of the list get none.
    var shares: [Int64] = []
    /// The track's length once decided: `at end -D` is placed from it, and what
    /// runs past it is cut, as at `end T`. nil while measuring: `at end -D` then
    /// follows the spine, and the length is what the script lasts so, or more
    /// if a `D` reaches further.
    var length: Int64?

    /// `extra` frames shared among ranges in proportion to their sizes, exact to
    /// the frame: range k gets ⌊extra·C(k)/R⌋ − ⌊extra·C(k−1)/R⌋, where C is the
    /// running sum of the ranges and R their total. The shares add up to `extra`,
    /// and none exceeds its range while `extra` ≤ R.
    static func shares(of extra: Int64, among ranges: [Int64]) -> [Int64] {
        let total = ranges.reduce(0, +)
        guard total > 0, extra > 0 else { return [] }
        var shares: [Int64] = []
        shares.reserveCapacity(ranges.count)
        var running: Int64 = 0, given: Int64 = 0
        for range in ranges {
            running += range
            // extra · running can pass 2^63 for very long scripts: multiply at full width.
            let upTo = total.dividingFullWidth(extra.multipliedFullWidth(by: running)).quotient
            shares.append(upTo - given)
            given = upTo
        }
        return shares
    }
}

extension Resolver {
    /// A duration that may stretch, in frames: its shortest plus this layout's
    /// share of its range. Every range met is counted in `ranges`, in order.
    func stretched(_ value: StretchValue) -> (frames: Int64, range: ClosedRange<Int64>?) {
        let shortest = frames(value.shortest.seconds)
        guard let longest = value.longest.map({ frames($0.seconds) }) else { return (shortest, nil) }
        let share = ranges.count < layout.shares.count ? layout.shares[ranges.count] : 0
        ranges.append(longest - shortest)
        return (shortest + share, shortest...longest)
    }

    /// `at end -D`: `D` before the decided length. While measuring, the spine
    /// goes on, and the track must last at least `D` beyond it (`anchorReach`),
    /// so that once the length is decided the jump is never back.
    func placeBeforeEnd(_ offset: DurationValue, _ context: FileContext) {
        placesBeforeEnd = true
        guard let length = layout.length else {
            anchorReach = max(anchorReach, spine + frames(offset.seconds))
            return
        }
        let start = length - frames(offset.seconds)
        guard start >= 0 else {
            report(context, offset.spot, .beforeTrackStart(offset: offset.seconds, length: Double(length) / Double(rate)))
            return
        }
        spine = start
    }
}
