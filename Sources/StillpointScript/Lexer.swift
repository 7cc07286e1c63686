import Foundation

/// One word of a line. The format is line-based and words are separated by
/// spaces, so the lexer only has to know about quotes, comments, `=` and `->`;
/// what a word means (a number with a unit, a time, a keyword) is decided by the
/// parser, which knows what it expects at that spot.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Any run of characters other than spaces, quotes, `#`, `=` and `->`.
        case word
        /// A quoted text with its escapes removed.
        case string
        case equals
        case arrow
    }

    var kind: Kind
    var text: String
    /// Column of the first character (1-based; tabs count to the next multiple of 4).
    var column: Int
    /// Column just after the last character.
    var endColumn: Int
    /// Character offsets in the line, for taking raw text such as a chapter title.
    var offsets: Range<Int> = 0..<0

    /// Whether this is the word `keyword`, in any case.
    func isWord(_ keyword: String) -> Bool {
        kind == .word && text.caseInsensitiveCompare(keyword) == .orderedSame
    }

    var lowercased: String { text.lowercased() }
}

/// The words of one line, with what leads them.
struct LexedLine: Sendable {
    enum Indent: Sendable, Equatable {
        case none, spaces, tabs, mixed
    }

    var number: Int
    var text: String
    /// Column of the first token; 1 for an unindented line.
    var indentColumn: Int
    var indent: Indent
    var tokens: [Token]
    /// Column where the line's text ends (before any comment), for "expected …" errors.
    var endColumn: Int
    var problems: [(column: Int, problem: ScriptProblem)]

    var isBlank: Bool { tokens.isEmpty && problems.isEmpty }
}

enum Lexer {
    static func lex(_ text: String, number: Int) -> LexedLine {
        lex(Array(text), text: text, number: number)
    }

    static func lex(_ characters: [Character], text: String, number: Int) -> LexedLine {
        var index = 0
        var column = 1
        var sawTab = false, sawSpace = false
        func advance() {
            column = characters[index] == "\t" ? ((column - 1) / 4 + 1) * 4 + 1 : column + 1
            index += 1
        }
        while index < characters.count, characters[index] == " " || characters[index] == "\t" {
            if characters[index] == "\t" { sawTab = true } else { sawSpace = true }
            advance()
        }
        let indentColumn = column
        let indent: LexedLine.Indent =
            sawTab && sawSpace ? .mixed : sawTab ? .tabs : sawSpace ? .spaces : .none
        var tokens: [Token] = []
        var problems: [(column: Int, problem: ScriptProblem)] = []
        var endColumn = column
        scan: while index < characters.count {
            let character = characters[index]
            let start = column
            let startIndex = index
            if character != "\t", let hidden = Self.invisible(character, inText: false) {
                problems.append((start, .invisibleCharacter(Self.characterName(hidden), inText: false)))
                advance()
                continue scan
            }
            switch character {
            case " ", "\t":
                advance()
                continue scan
            case "#":
                break scan
            case "=":
                advance()
                tokens.append(Token(kind: .equals, text: "=", column: start, endColumn: column, offsets: startIndex..<index))
            case "\"", "\u{201C}", "\u{201D}":
                if character != "\"" {
                    problems.append((start, .curlyQuotes))
                }
                advance()
                var value = ""
                var closed = false
                while index < characters.count {
                    let c = characters[index]
                    if c == "\\" {
                        let escapeColumn = column
                        advance()
                        if index < characters.count, characters[index] == "\"" || characters[index] == "\\" {
                            value.append(characters[index])
                            advance()
                        } else {
                            problems.append((escapeColumn, .unknownEscape))
                        }
                        continue
                    }
                    if c != "\t", let hidden = Self.invisible(c, inText: true) {
                        problems.append((column, .invisibleCharacter(Self.characterName(hidden), inText: true)))
                    }
                    advance()
                    if c == "\"" || c == "\u{201C}" || c == "\u{201D}" {
                        closed = true
                        break
                    }
                    value.append(c)
                }
                if !closed {
                    problems.append((start, .unclosedText))
                }
                tokens.append(Token(kind: .string, text: value, column: start, endColumn: column, offsets: startIndex..<index))
            default:
                if character == "-", index + 1 < characters.count, characters[index + 1] == ">" {
                    advance(); advance()
                    tokens.append(Token(kind: .arrow, text: "->", column: start, endColumn: column, offsets: startIndex..<index))
                    continue scan
                }
                var word = ""
                while index < characters.count {
                    let c = characters[index]
                    if c == " " || c == "\t" || c == "#" || c == "=" || c == "\"" { break }
                    if Self.invisible(c, inText: false) != nil { break }
                    if c == "-", index + 1 < characters.count, characters[index + 1] == ">" { break }
                    word.append(c)
                    advance()
                }
                tokens.append(Token(kind: .word, text: word, column: start, endColumn: column, offsets: startIndex..<index))
            }
            endColumn = column
        }
        return LexedLine(
            number: number, text: text, indentColumn: indentColumn, indent: indent,
            tokens: tokens, endColumn: endColumn, problems: problems)
    }

    // MARK: Invisible characters

    /// The first character of `character` that a reader cannot see, if any:
    /// outside quotes, any control, format (zero-width) or non-ASCII space
    /// character; inside quoted text only control characters (a tab is the
    /// caller's business), since a no-break space or a joiner is fine in words
    /// but a NUL cuts a tag short. Pasted from a web page or a word processor,
    /// such a character made `welcome` a different word with no visible cause.
    static func invisible(_ character: Character, inText: Bool) -> Unicode.Scalar? {
        character.unicodeScalars.first { scalar in
            switch scalar.properties.generalCategory {
            case .control: true
            case .format, .lineSeparator, .paragraphSeparator: !inText
            case .spaceSeparator: !inText && scalar != " "
            default: false
            }
        }
    }

    /// `U+00A0 NO-BREAK SPACE`; control characters, which have no Unicode name, by their usual one.
    static func characterName(_ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        let controls: [UInt32: String] = [
            0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
            0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
        ]
        guard let name = scalar.properties.name ?? controls[scalar.value] else { return code + " (a control character)" }
        return code + " " + name
    }
}
