import Foundation

/// A problem found while reading one line; the parser turns it into a
/// diagnostic and moves on to the next line.
struct LineError: Error, Sendable {
    var column: Int
    var problem: ScriptProblem

    init(column: Int, _ problem: ScriptProblem) {
        self.column = column
        self.problem = problem
    }
}

/// Units a number may carry, by what it measures.
public enum Measure: Sendable, Equatable {
    case frequency, level, loudness, peak

    /// Unit (lowercased) → factor to the base unit.
    var units: [String: Double] {
        switch self {
        case .frequency: ["hz": 1, "khz": 1000]
        case .level: ["db": 1]
        case .loudness: ["lufs": 1]
        case .peak: ["dbtp": 1]
        }
    }

    var example: String {
        switch self {
        case .frequency: "432 Hz"
        case .level: "-20 dB"
        case .loudness: "-18 LUFS"
        case .peak: "-1 dBTP"
        }
    }

    var noun: String {
        switch self {
        case .frequency: "a frequency"
        case .level: "a level"
        case .loudness: "a loudness"
        case .peak: "a peak level"
        }
    }
}

/// The longest duration or time a script may write: the track limit.
let longestTrackSeconds = 12.0 * 3600

/// Reads the words of one line left to right, turning them into values.
struct LineCursor {
    let tokens: [Token]
    /// Column just after the line's last word, where "expected …" errors point.
    let endColumn: Int
    var index = 0
    let line: Int

    init(_ tokens: [Token], endColumn: Int, line: Int) {
        self.tokens = tokens
        self.endColumn = endColumn
        self.line = line
    }

    var atEnd: Bool { index >= tokens.count }
    var peek: Token? { index < tokens.count ? tokens[index] : nil }
    var peekSecond: Token? { index + 1 < tokens.count ? tokens[index + 1] : nil }
    var column: Int { peek?.column ?? endColumn }
    var spot: Spot { Spot(line: line, column: column) }

    mutating func next() -> Token? {
        defer { index += 1 }
        return peek
    }

    /// Consumes the word `keyword` (any case) if it comes next.
    mutating func accept(_ keyword: String) -> Bool {
        guard let token = peek, token.isWord(keyword) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ keyword: String, after what: ScriptProblem.KeywordContext) throws(LineError) {
        guard accept(keyword) else {
            throw LineError(column: column, .expectedKeyword(keyword, after: what))
        }
    }

    /// A name (clip, sound, bed): one word that is not a number.
    mutating func name(for what: ScriptProblem.Expected) throws(LineError) -> (String, Spot) {
        guard let token = peek else {
            throw LineError(column: endColumn, .expected(what))
        }
        guard token.kind == .word else {
            throw LineError(column: token.column, .expectedFound(what, found: token.text))
        }
        index += 1
        return (token.text, Spot(line: line, column: token.column))
    }

    /// A path: a quoted text or one word.
    mutating func path(for what: ScriptProblem.Expected) throws(LineError) -> (String, Spot) {
        guard let token = peek, token.kind == .word || token.kind == .string, !token.text.isEmpty else {
            throw LineError(column: column, .expected(what))
        }
        index += 1
        return (token.text, Spot(line: line, column: token.column))
    }

    mutating func integer(for what: ScriptProblem.Expected) throws(LineError) -> (Int, Spot) {
        guard let token = peek else { throw LineError(column: endColumn, .expected(what)) }
        guard token.kind == .word, let value = Int(token.text), value >= 0 else {
            throw LineError(column: token.column, .expectedWholeNumber(what, found: token.text))
        }
        index += 1
        return (value, Spot(line: line, column: token.column))
    }

    // MARK: Numbers with units

    /// A number at the start of `text`: sign, digits, optional fraction.
    static func leadingNumber(_ text: Substring) -> (value: Double, rest: Substring)? {
        var end = text.startIndex
        if end < text.endIndex, text[end] == "-" || text[end] == "+" { end = text.index(after: end) }
        var digits = 0
        var sawPoint = false
        while end < text.endIndex {
            let c = text[end]
            if c.isASCII, c.isNumber {
                digits += 1
            } else if c == ".", !sawPoint {
                sawPoint = true
            } else {
                break
            }
            end = text.index(after: end)
        }
        guard digits > 0, let value = Double(text[text.startIndex..<end]), value.isFinite else { return nil }
        return (value, text[end...])
    }

    /// A number followed by a unit, in the same word (`432Hz`) or the next (`432 Hz`).
    mutating func measured(_ measure: Measure) throws(LineError) -> (Double, Spot) {
        guard let token = peek, token.kind == .word else {
            throw LineError(column: column, .expected(.measure(measure)))
        }
        let spot = Spot(line: line, column: token.column)
        guard let (number, rest) = Self.leadingNumber(Substring(token.text)) else {
            throw LineError(column: token.column, .expectedFound(.measure(measure), found: token.text))
        }
        index += 1
        var unit = rest.lowercased()
        if unit.isEmpty, let following = peek, following.kind == .word,
            measure.units[following.lowercased] != nil
        {
            unit = following.lowercased
            index += 1
        }
        if unit.isEmpty, let following = peek, following.kind == .word, Self.isUnit(following.lowercased) {
            throw LineError(column: following.column, .notAUnitOf(following.text, measure))
        }
        guard let factor = measure.units[unit] else {
            throw LineError(column: token.column, unit.isEmpty ? .measureNeedsUnit(token.text, measure) : .notAUnitOf(unit, measure))
        }
        return (number * factor, spot)
    }

    /// A plain number (pan), with no unit.
    mutating func plain(for what: ScriptProblem.Expected) throws(LineError) -> (Double, Spot) {
        guard let token = peek, token.kind == .word,
            let (number, rest) = Self.leadingNumber(Substring(token.text)), rest.isEmpty
        else {
            throw LineError(column: column, .expected(what))
        }
        index += 1
        return (number, Spot(line: line, column: token.column))
    }

    /// A value that may glide: `V`, or `V -> V over D`.
    mutating func glide(_ read: (inout LineCursor) throws(LineError) -> (Double, Spot)) throws(LineError) -> GlideValue {
        let (start, spot) = try read(&self)
        var value = GlideValue(start, at: spot)
        guard peek?.kind == .arrow else { return value }
        index += 1
        let (end, endSpot) = try read(&self)
        try expect("over", after: .glide)
        value.end = end
        value.endSpot = endSpot
        value.over = try duration().seconds
        return value
    }

    mutating func glide(_ measure: Measure) throws(LineError) -> GlideValue {
        try glide { (cursor: inout LineCursor) throws(LineError) in try cursor.measured(measure) }
    }

    /// Whether `word` is a unit of anything, for "not a unit of …" messages.
    static func isUnit(_ word: String) -> Bool {
        durationUnits[word] != nil
            || [Measure.frequency, .level, .loudness, .peak].contains { $0.units[word] != nil }
    }

    // MARK: Durations and times

    static let durationUnits: [String: Double] = ["ms": 0.001, "s": 1, "m": 60, "h": 3600]

    /// Units as people spell them out, and the short form the format takes.
    static let spelledUnits: [String: String] = [
        "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "min": "m", "mins": "m", "minute": "m", "minutes": "m",
        "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
        "msec": "ms", "millisecond": "ms", "milliseconds": "ms",
    ]

    /// A duration such as `250ms`, `1.5s`, `1m30s`, `1h5m` or `4 s`.
    mutating func duration() throws(LineError) -> DurationValue {
        guard let token = peek, token.kind == .word else {
            throw LineError(column: column, .expected(.duration))
        }
        let spot = Spot(line: line, column: token.column)
        if token.text.hasPrefix("-") {
            throw LineError(column: token.column, .negativeDuration)
        }
        index += 1
        var text = Substring(token.text)
        var total = 0.0
        var pieces = 0
        while !text.isEmpty {
            let numeral = String(text.prefix { $0.isNumber || $0 == "." })
            guard let lead = text.first, lead.isASCII, lead.isNumber || lead == ".",
                let (number, rest) = Self.leadingNumber(text)
            else {
                throw LineError(column: token.column, .notADuration(token.text))
            }
            var unitEnd = rest.startIndex
            while unitEnd < rest.endIndex, rest[unitEnd].isLetter { unitEnd = rest.index(after: unitEnd) }
            var unit = rest[rest.startIndex..<unitEnd].lowercased()
            text = rest[unitEnd...]
            if unit.isEmpty, text.isEmpty, pieces == 0, let following = peek, following.kind == .word,
                Self.durationUnits[following.lowercased] != nil
            {
                unit = following.lowercased
                index += 1
            }
            guard let factor = Self.durationUnits[unit] else {
                // `4 sec`, `2 minutes`, `1hr`: name the short unit meant.
                let written = unit.isEmpty && text.isEmpty && pieces == 0 ? (peek.map { $0.kind == .word ? $0.lowercased : "" } ?? "") : unit
                let meant = Self.spelledUnits[written].map { numeral + $0 }
                throw LineError(
                    column: token.column,
                    unit.isEmpty ? .durationNeedsUnit(token.text, suggestion: meant) : .notAUnitOfTime(unit, suggestion: meant))
            }
            total += number * factor
            pieces += 1
        }
        guard total <= longestTrackSeconds else {
            throw LineError(column: token.column, .durationTooLong(token.text))
        }
        return DurationValue(seconds: total, spot: spot)
    }

    /// Whether `text` looks like a time on the track (`5:00`, `1:02:03.5`).
    static func looksLikeTime(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber else { return false }
        return text.contains(":")
    }

    /// A time on the track: `m:ss` or `h:mm:ss`, optional fraction.
    mutating func time() throws(LineError) -> DurationValue {
        guard let token = peek, token.kind == .word, Self.looksLikeTime(token.text) else {
            throw LineError(column: column, .expected(.trackTime))
        }
        index += 1
        let invalid = LineError(column: token.column, .notATrackTime(token.text))
        let parts = token.text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { throw invalid }
        var seconds = 0.0
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            let digitsOnly = part.allSatisfy { $0.isASCII && ($0.isNumber || (isLast && $0 == ".")) }
            guard !part.isEmpty, digitsOnly, let value = Double(part), value.isFinite else { throw invalid }
            if position > 0 {
                let whole = part.split(separator: ".", omittingEmptySubsequences: false)[0]
                guard whole.count == 2, value < 60 else {
                    throw LineError(column: token.column, .trackTimeBadDigits(token.text))
                }
            }
            seconds = seconds * 60 + value
        }
        guard seconds <= longestTrackSeconds else {
            throw LineError(column: token.column, .trackTimeTooLate(token.text))
        }
        return DurationValue(seconds: seconds, spot: Spot(line: line, column: token.column))
    }
}
