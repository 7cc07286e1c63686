import Foundation

/// `every D CUE [from T] [until T]`: interval bells and the like.
extension Parser {
    /// The cues `every` may repeat: those underneath, which never move the spine.
    static let everyCues = ["play", "tone"]

    func everyLine(_ cursor: inout LineCursor, spot: Spot) throws(LineError) -> Statement {
        let interval = try cursor.stretch()
        // `from` and `until` are `every`'s own words (neither `play` nor `tone`
        // takes them), so the cue is read from the words before the first of them.
        let tail = cursor.tokens[cursor.index...].firstIndex { $0.isWord("from") || $0.isWord("until") }
            ?? cursor.tokens.count
        var inner = LineCursor(
            Array(cursor.tokens[..<tail]), endColumn: tail < cursor.tokens.count ? cursor.tokens[tail].column : cursor.endColumn,
            line: cursor.line)
        inner.index = cursor.index
        guard let keywordToken = inner.peek, keywordToken.kind == .word else {
            throw LineError(column: inner.column, .expected(.everyCue))
        }
        let keyword = keywordToken.lowercased
        guard Self.everyCues.contains(keyword) else {
            if cueKeywords.contains(keyword) {
                throw LineError(column: keywordToken.column, .everyNeedsUnderneath(keyword))
            }
            let guess = didYouMean(keywordToken.text, among: Self.everyCues)
            throw LineError(column: keywordToken.column, .unknownInstruction(keywordToken.text, suggestion: guess))
        }
        let cueSpot = inner.spot
        _ = inner.next()
        let cue = try self.cue(keyword, &inner, prefix: nil, spot: cueSpot)
        cursor.index = tail
        var from: DurationValue?, until: DurationValue?, untilBeforeEnd: DurationValue?
        while let word = cursor.peek, word.isWord("from") || word.isWord("until") {
            _ = cursor.next()
            let isFrom = word.isWord("from")
            guard isFrom ? from == nil : until == nil && untilBeforeEnd == nil else {
                throw LineError(column: word.column, .optionTwice(word.lowercased))
            }
            if isFrom {
                from = try cursor.moment()
            } else if cursor.accept("end") {
                guard cursor.peek?.text.first == "-" else { throw LineError(column: cursor.column, .expected(.timeBeforeEnd)) }
                untilBeforeEnd = try cursor.signed("-") { (c: inout LineCursor) throws(LineError) in try c.duration() }
            } else {
                until = try cursor.moment()
            }
        }
        return .every(EverySyntax(
            interval: interval, cue: cue, from: from, until: until, untilBeforeEnd: untilBeforeEnd, spot: spot))
    }
}
