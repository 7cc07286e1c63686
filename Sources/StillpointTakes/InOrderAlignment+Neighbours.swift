import Foundation

extension InOrderAlignment {
    /// A phrase placed in order: where its speech lies in the take, and how sure.
    struct Placed {
        var phrase: Int
        var speech: Range<Int64>
        var confidence: Double
    }

    /// Places `items` (phrases the recogniser cannot hear, in the sheet's order)
    /// on the `free` stretches of a take (indices into `stretches`, in time order)
    /// in which the phrases of `anchors` were recognised at those frames.
    ///
    /// Each run of items between two recognised phrases of the sheet is first
    /// placed among the free stretches between where those two fell: one
    /// alignment over every free stretch let an unheard phrase read late take an
    /// earlier unheard phrase's stretch, and that one the next. What finds no
    /// place in its window (read elsewhere), and runs whose neighbours were read
    /// in another order, are then placed in order among the stretches still
    /// free. With no anchors (`--in-order`, or nothing recognised) that is one
    /// alignment over every free stretch.
    static func align(
        _ stretches: [Stretch], free: [Int], rate: Int, items: [Item], between anchors: [Int: Range<Int64>]
    ) -> [Placed] {
        var free = free
        var placed: [Placed] = []
        func place(_ run: [Item], within window: Range<Int64>?) {
            let candidates = free.filter { index in
                window.map { stretches[index].start >= $0.lowerBound && stretches[index].end <= $0.upperBound } ?? true
            }
            for assignment in align(candidates.map { stretches[$0] }, rate: rate, items: run) {
                let first = candidates[assignment.stretches.lowerBound], last = candidates[assignment.stretches.upperBound - 1]
                placed.append(Placed(phrase: assignment.phrase, speech: stretches[first].start ..< stretches[last].end,
                                     confidence: assignment.confidence))
                free.removeAll { (first ... last).contains($0) }
            }
        }
        let recognised = anchors.keys.sorted()
        var runs: [(window: Range<Int64>, items: [Item])] = []
        for item in items where !recognised.isEmpty {
            let before = recognised.last { $0 < item.phrase }, after = recognised.first { $0 > item.phrase }
            let lower = before.flatMap { anchors[$0]?.upperBound } ?? 0
            let upper = after.flatMap { anchors[$0]?.lowerBound } ?? .max
            guard lower <= upper else { continue }
            if runs.last?.window == lower ..< upper { runs[runs.count - 1].items.append(item) } else { runs.append((lower ..< upper, [item])) }
        }
        for run in runs { place(run.items, within: run.window) }
        let placedPhrases = Set(placed.map(\.phrase))
        place(items.filter { !placedPhrases.contains($0.phrase) }, within: nil)
        return placed
    }
}
