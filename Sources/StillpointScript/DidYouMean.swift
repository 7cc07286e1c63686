import Foundation

/// The candidate closest to `word`, if it is close enough to be a likely slip:
/// a difference of case only, or an edit distance of at most a third of the
/// word's length (at least 1). Used for keywords, settings, clip and sound names.
public func didYouMean(_ word: String, among candidates: [String]) -> String? {
    let lowered = word.lowercased()
    if let sameButCase = candidates.first(where: { $0 != word && $0.lowercased() == lowered }) {
        return sameButCase
    }
    let limit = max(1, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
        let distance = editDistance(lowered, candidate.lowercased(), limit: limit)
        if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.candidate
}

/// Edit distance counting a swap of neighbours as one edit (optimal string
/// alignment: `sya` is one slip from `say`), giving up early (returning `limit + 1`) once it is
/// certainly above `limit`, so that long lists stay cheap.
func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let a = Array(a), b = Array(b)
    if abs(a.count - b.count) > limit { return limit + 1 }
    var beforePrevious = Array(0...b.count)
    var previous = beforePrevious
    var current = previous
    for i in stride(from: 1, through: a.count, by: 1) {
        current[0] = i
        var rowMinimum = current[0]
        for j in stride(from: 1, through: b.count, by: 1) {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
            rowMinimum = min(rowMinimum, current[j])
        }
        if rowMinimum > limit { return limit + 1 }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}
