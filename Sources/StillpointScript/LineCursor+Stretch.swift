import Foundation

/// The values of one script several lengths long: stretchable durations
/// (`2m..10m`), signed durations (`+4s`, `-3m`) and moments (`5:00` or `90s`).
extension LineCursor {
    /// A duration that may stretch, written as one word: `2m..10m`. Each side is
    /// an ordinary duration, reported at its own column.
    mutating func stretch() throws(LineError) -> StretchValue {
        guard let token = peek, token.kind == .word, let dots = token.text.range(of: "..") else {
            return StretchValue(shortest: try duration(), longest: nil)
        }
        let low = String(token.text[..<dots.lowerBound]), high = String(token.text[dots.upperBound...])
        guard !low.isEmpty, !high.isEmpty else {
            throw LineError(column: token.column, .notADuration(token.text))
        }
        let highColumn = token.column + token.text.distance(from: token.text.startIndex, to: dots.upperBound)
        let shortest = try Self.lone(Token(kind: .word, text: low, column: token.column, endColumn: highColumn - 2), line: line)
        let longest = try Self.lone(Token(kind: .word, text: high, column: highColumn, endColumn: token.endColumn), line: line)
        index += 1
        guard longest.seconds >= shortest.seconds else {
            throw LineError(column: token.column, .rangeBackwards(token.text, suggestion: high + ".." + low))
        }
        return StretchValue(shortest: shortest, longest: longest)
    }

    /// One word read as a whole duration (its unit cannot be the next word).
    private static func lone(_ token: Token, line: Int) throws(LineError) -> DurationValue {
        var cursor = LineCursor([token], endColumn: token.endColumn, line: line)
        return try cursor.duration()
    }

    /// What `read` reads after `sign`, written joined (`+4s`, `-3m`) or apart
    /// (`+ 4s`); the sign is consumed with it. Without the sign, just `read`.
    mutating func signed<T>(
        _ sign: Character, _ read: (inout LineCursor) throws(LineError) -> T
    ) throws(LineError) -> T {
        guard let first = peek, first.kind == .word, first.text.first == sign else { return try read(&self) }
        if first.text.count == 1 {
            index += 1
            return try read(&self)
        }
        var tokens = self.tokens
        tokens[index].text.removeFirst()
        tokens[index].column += 1
        var inner = LineCursor(tokens, endColumn: endColumn, line: line)
        inner.index = index
        let value = try read(&inner)
        index = inner.index
        return value
    }

    /// A moment on the track: a time (`5:00`) or a duration from the start (`90s`).
    mutating func moment() throws(LineError) -> DurationValue {
        guard let token = peek, token.kind == .word, Self.looksLikeTime(token.text) else { return try duration() }
        return try time()
    }
}
