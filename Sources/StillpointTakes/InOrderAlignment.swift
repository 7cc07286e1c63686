import Foundation

/// Places phrases on a take's stretches of speech in the order of the sheet,
/// without hearing the words: dynamic programming over how long each phrase
/// should take (its words at a calm 130 a minute) and the pauses between the
/// stretches. Used for scripts the recogniser cannot hear (other languages,
/// words its dictionary lacks) and with `--in-order`.
///
/// A phrase may span several stretches (read in two breaths), costing each
/// inner pause past 0.3 s; a stretch may be left out (a stumble, a cough) and a
/// phrase may be missing from the take, each at a fixed cost. An assignment's
/// confidence falls with its own cost, so a phrase squeezed onto the wrong
/// stretch is reported as unsure rather than written silently.
enum InOrderAlignment {
    struct Item {
        var phrase: Int
        var expected: Double
    }

    struct Assignment {
        var phrase: Int
        /// Indices into the stretches given.
        var stretches: Range<Int>
        var confidence: Double
    }

    static let wordsPerMinute = 130.0
    static let skipStretch = 1.0
    static let missPhrase = 3.0
    static let mostStretches = 4

    static func expectedSeconds(words: Int) -> Double { Double(max(words, 1)) * 60 / wordsPerMinute }

    static func align(_ stretches: [Stretch], rate: Int, items: [Item]) -> [Assignment] {
        let m = stretches.count, n = items.count
        guard m > 0, n > 0 else { return [] }
        let seconds = { (frames: Int64) in Double(frames) / Double(rate) }
        func cost(_ item: Item, _ range: Range<Int>) -> Double {
            let length = seconds(stretches[range.upperBound - 1].end - stretches[range.lowerBound].start)
            var c = 2 * pow(log(max(length, 0.05) / item.expected), 2)
            for i in range.dropLast() {
                c += 2 * max(0, seconds(stretches[i + 1].start - stretches[i].end) - 0.3)
            }
            return c
        }
        enum Step { case start, skipStretch, missPhrase, assign(Int) }
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: m + 1)
        var step = [[Step]](repeating: [Step](repeating: .start, count: n + 1), count: m + 1)
        best[0][0] = 0
        for i in 0 ... m {
            for k in 0 ... n where best[i][k] < .infinity {
                let here = best[i][k]
                if i < m, here + skipStretch < best[i + 1][k] {
                    best[i + 1][k] = here + skipStretch
                    step[i + 1][k] = .skipStretch
                }
                if k < n, here + missPhrase < best[i][k + 1] {
                    best[i][k + 1] = here + missPhrase
                    step[i][k + 1] = .missPhrase
                }
                guard k < n, i < m else { continue }
                for j in i + 1 ... min(m, i + mostStretches) {
                    let total = here + cost(items[k], i ..< j)
                    if total < best[j][k + 1] {
                        best[j][k + 1] = total
                        step[j][k + 1] = .assign(i)
                    }
                }
            }
        }
        var result: [Assignment] = []
        var (i, k) = (m, n)
        while i > 0 || k > 0 {
            switch step[i][k] {
            case .start: return result.reversed()
            case .skipStretch: i -= 1
            case .missPhrase: k -= 1
            case .assign(let from):
                let c = cost(items[k - 1], from ..< i)
                result.append(Assignment(phrase: items[k - 1].phrase, stretches: from ..< i, confidence: exp(-c)))
                (i, k) = (from, k - 1)
            }
        }
        return result.reversed()
    }
}
