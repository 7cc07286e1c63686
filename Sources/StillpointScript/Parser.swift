import Foundation

/// Turns a file's lines into statements. The language is one instruction a
/// line, so recovery is simple and thorough: a line with a problem is reported
/// and skipped, and every other line is still read, so one run reports
/// everything. `repeat` blocks follow Python's indentation rule.
///
/// This file holds the blocks and their indentation; `Parser+Statements.swift`
/// reads one line into a statement and `Parser+Cues.swift` the cues, generators
/// and options on it.
struct Parser {
    private let source: SourceText
    private var lines: [LexedLine] = []
    private var index = 0
    /// How many `repeat` blocks enclose the line being read.
    private var depth = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Deeper nesting is surely a mistake, and would only grow the stack.
    static let maximumNesting = 100

    static func parse(_ source: SourceText, url: URL) -> (SyntaxFile, [Diagnostic]) {
        var parser = Parser(source: source)
        let statements = parser.parseFile()
        return (SyntaxFile(url: url, source: source, statements: statements), source.problems + parser.diagnostics)
    }

    private init(source: SourceText) {
        self.source = source
    }

    private mutating func parseFile() -> [Statement] {
        // A line that is not valid UTF-8 is reported once, not read further.
        let undecodable = Set(source.problems.compactMap(\.location?.line))
        for (offset, text) in source.lines.enumerated() where !undecodable.contains(offset + 1) {
            let line = Lexer.lex(text, number: offset + 1)
            if !line.isBlank { lines.append(line) }
        }
        var statements: [Statement] = []
        while index < lines.count {
            statements += parseBlock(level: 1)
            // A line indented deeper than the top level that no `repeat` opened.
            if index < lines.count {
                let line = lines[index]
                report(line, line.indentColumn, .indentedOutsideRepeat(atTop: true))
                skipDeeper(than: 1)
            }
        }
        return statements
    }

    /// The lines at indentation `level`, until a line less indented.
    private mutating func parseBlock(level: Int) -> [Statement] {
        var statements: [Statement] = []
        var kind: LexedLine.Indent?
        var afterBlock = false
        while index < lines.count {
            let line = lines[index]
            if line.indentColumn < level { break }
            if line.indentColumn > level {
                report(line, line.indentColumn, afterBlock ? .indentationMatchesNoBlock : .indentedOutsideRepeat(atTop: false))
                skipDeeper(than: level)
                continue
            }
            index += 1
            afterBlock = false
            if line.indent == .mixed {
                report(line, 1, .lineMixesTabsAndSpaces)
            } else if let kind, kind != line.indent {
                report(line, 1, .blockMixesTabsAndSpaces)
            }
            kind = kind ?? line.indent
            if let problem = line.problems.first {
                report(line, problem.column, problem.problem)
                skipDeeper(than: level)
                continue
            }
            do throws(LineError) {
                let statement = try parseLine(line)
                if case .repeatBlock(let count, _, let spot) = statement {
                    guard index < lines.count, lines[index].indentColumn > level else {
                        report(line, line.endColumn, .repeatNeedsBody)
                        continue
                    }
                    guard depth < Self.maximumNesting else {
                        report(line, spot.column, .repeatNestsTooDeep(limit: Self.maximumNesting))
                        skipDeeper(than: level)
                        continue
                    }
                    depth += 1
                    let body = parseBlock(level: lines[index].indentColumn)
                    depth -= 1
                    statements.append(.repeatBlock(count: count, body: body, spot: spot))
                    afterBlock = true
                } else {
                    statements.append(statement)
                }
            } catch {
                report(line, error.column, error.problem)
                skipDeeper(than: level)
            }
        }
        return statements
    }

    /// After a broken line, the block it might have opened is skipped too.
    private mutating func skipDeeper(than level: Int) {
        while index < lines.count, lines[index].indentColumn > level { index += 1 }
    }

    private mutating func report(_ line: LexedLine, _ column: Int, _ problem: ScriptProblem) {
        diagnostics.append(Diagnostic(
            at: source.location(line: line.number, column: column), problem, sourceLine: line.text))
    }
}

/// The most a `repeat` (or `breathe … times`) may repeat.
let maximumRepeat = 10_000

let cueKeywords = ["say", "pause", "breathe", "play", "tone", "bed", "stop"]
let structureKeywords: Set<String> = ["sound", "repeat", "include", "chapter", "end", "every"]
let lineKeywords = cueKeywords + ["sound", "repeat", "include", "chapter", "end", "every"]
let generatorKeywords = ["sine", "binaural", "isochronic", "noise", "bell", "drone", "file"]
let optionNames: Set<String> = ["level", "fade", "pan", "noduck", "trim", "from", "to", "loop", "times", "for", "glide", "am", "phase"]
