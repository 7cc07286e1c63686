import Foundation

/// A source file split into lines, as the lexer reads it: UTF-8 with an optional
/// BOM, LF or CRLF line ends. Invalid UTF-8 does not stop the reading: the bad
/// bytes become U+FFFD and a diagnostic points at the first one on each line.
struct SourceText: Sendable {
    /// The path as shown in diagnostics.
    var path: String
    /// Lines without their line ends; line n is `lines[n - 1]`.
    var lines: [String]
    var problems: [Diagnostic]

    init(path: String, lines: [String]) {
        self.path = path
        self.lines = lines
        self.problems = []
    }

    init(decoding data: Data, path: String) {
        self.path = path
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [String] = []
        var problems: [Diagnostic] = []
        var lineNumber = 0
        for var raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if raw.last == 0x0D { raw = raw.dropLast() }
            let text = String(decoding: raw, as: UTF8.self)
            if let bad = Self.firstInvalidByte(in: raw) {
                let prefix = String(decoding: raw[raw.startIndex..<bad], as: UTF8.self)
                let column = Self.column(after: prefix)
                problems.append(Diagnostic(
                    at: SourceLocation(file: path, line: lineNumber, column: column), .notUTF8, sourceLine: text))
            }
            lines.append(text)
        }
        // A final line end does not start another line.
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        if lines == [""] { lines = [] }
        self.lines = lines
        self.problems = problems
    }

    func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// Index of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// The column just after `prefix` (1-based, tabs to the next multiple of 4).
    static func column(after prefix: some StringProtocol) -> Int {
        var column = 1
        for character in prefix {
            column = character == "\t" ? ((column - 1) / 4 + 1) * 4 + 1 : column + 1
        }
        return column
    }

    /// The line with tabs replaced by spaces, so that columns line up on screen.
    static func expandTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var out = ""
        var column = 1
        for character in line {
            if character == "\t" {
                let next = ((column - 1) / 4 + 1) * 4 + 1
                out += String(repeating: " ", count: next - column)
                column = next
            } else {
                out.append(character)
                column += 1
            }
        }
        return out
    }
}
