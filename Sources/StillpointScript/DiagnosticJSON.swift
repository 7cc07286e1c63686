import Foundation

/// Diagnostics as editors read them (`check --format json`): an editor's problem
/// pane underlines a span, so each problem also carries the column where the word
/// it points at ends. That needs the lexer, which is why this lives beside it.
extension Diagnostic {
    /// The column just after the word the caret points at (so `column..<endColumn`
    /// is the span to underline); one past `column` when the spot is not on a word,
    /// such as the end of a line where something is missing.
    /// nil for a problem of no line (a folder that cannot be written).
    public var endColumn: Int? {
        guard let location else { return nil }
        guard let sourceLine else { return location.column + 1 }
        let tokens = Lexer.lex(sourceLine, number: location.line).tokens
        return tokens.first { $0.column <= location.column && location.column < $0.endColumn }?.endColumn
            ?? location.column + 1
    }

    /// One JSON object, on one line, keys in a fixed order:
    /// `{"file": …, "line": …, "column": …, "endColumn": …, "severity": …, "message": …, "hints": […], "notes": […]}`;
    /// the first four are `null` for a problem of no line.
    public func json() -> String {
        func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let notes = notes.map { note in
            "{\"file\": \(jsonString(note.location.file)), \"line\": \(note.location.line), "
                + "\"column\": \(note.location.column), \"message\": \(jsonString(note.message))}"
        }
        return "{\"file\": \(location.map { jsonString($0.file) } ?? "null"), \"line\": \(number(location?.line)), "
            + "\"column\": \(number(location?.column)), \"endColumn\": \(number(endColumn)), \"severity\": \(jsonString(severity.rawValue)), "
            + "\"message\": \(jsonString(message)), \"hints\": [\(hints.map(jsonString).joined(separator: ", "))], "
            + "\"notes\": [\(notes.joined(separator: ", "))]}"
    }
}
