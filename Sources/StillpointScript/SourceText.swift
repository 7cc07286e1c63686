import Foundation

/// A source file split into lines, as the lexer reads it: UTF-8 with an optional
/// BOM, LF, CRLF or CR line ends (old Mac editors save CR alone; read as one line,
/// such a script became a single title line). Invalid UTF-8 does not stop the reading: the bad
/// bytes become U+FFFD and a diagnostic points at the first one on each line.
struct SourceText: Sendable {
    /// The path as shown in diagnostics.
    var path: String
    /// Lines without their line ends; line n is `lines[n - 1]`.
    var lines: [String]
    var problems: [Diagnostic]

    /// The longest line read, in bytes: twice the longest tag a line can hold
    /// (50,000 bytes, `tagTooLong`), so that limit is still the one a long title
    /// meets, while a pasted file or a 10 MB line is refused without being lexed.
    static let maxLineBytes = 100_000

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
        for raw in LineEnds.split(bytes) {
            lineNumber += 1
            if raw.count > Self.maxLineBytes {
                // Kept as a blank line, so the lines after it keep their numbers.
                let shown = String(decoding: raw.prefix(60), as: UTF8.self) + "…"
                problems.append(Diagnostic(
                    at: SourceLocation(file: path, line: lineNumber, column: 1),
                    .lineTooLong(bytes: raw.count, limit: Self.maxLineBytes), sourceLine: shown))
                lines.append("")
                continue
            }
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

/// Where lines end, in a script and in an SBaGen schedule alike: LF, CRLF or a
/// lone CR, so a file saved by an old Mac editor is not read as one line.
public enum LineEnds {
    /// The lines of `bytes`, without their ends; a final line end leaves an
    /// empty last line.
    public static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(bytes[start..<index])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    /// The lines of `text`, as `split` cuts them.
    public static func lines(of text: String) -> [String] {
        split(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }
}
