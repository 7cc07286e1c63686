import Foundation
import StillpointTestSupport
import Testing

/// The examples of docs/errors.md, read from the page itself so that the page is
/// the test's table: every fenced block is either a transcript (`$ stillpoint …`
/// lines, each followed by what it printed), or what `stillpoint check
/// example.session` printed with its last line (`checked 1 script: …`) left out, or,
/// starting with an indented `hint:`, a part of such a message.
struct DocumentedExample: Sendable, CustomTestStringConvertible {
    enum Shown: Sendable {
        /// Everything the command printed.
        case whole
        /// Everything but the `checked 1 script: …` summary.
        case withoutSummary
        /// Lines that appear, in this order, somewhere in what it printed.
        case part
    }

    /// The line of docs/errors.md the block starts on.
    var line: Int
    /// What follows `stillpoint` on the command line.
    var arguments: [String]
    /// What the page says the command printed, each line ending in a newline.
    var printed: String
    var shown: Shown

    var testDescription: String { "errors.md:\(line): stillpoint \(arguments.joined(separator: " "))" }

    /// The first message with a place (`file:line:col: error: …`) and, when the page
    /// shows it, the source line under it: `example.session:2:1 title: Late`. It says
    /// which files the example needs, and does not change when a message is reworded.
    var firstSpot: (file: String, line: Int, key: String, source: String?)? {
        let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, text) in lines.enumerated() {
            let parts = text.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, parts[0].hasSuffix(".session"), let row = Int(parts[1]), Int(parts[2]) != nil,
                  parts[3].hasPrefix(" error") || parts[3].hasPrefix(" warning") else { continue }
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            let source = next.hasPrefix("    ") ? String(next.dropFirst(4)) : nil
            let spot = parts[0 ..< 3].joined(separator: ":")
            return (String(parts[0]), row, spot + (source.map { " " + $0.trimmingCharacters(in: .whitespaces) } ?? ""), source)
        }
        return nil
    }

    /// The exit status the page implies: 64 with a usage line, 1 with an error, else 0.
    var status: Int32? {
        if shown == .part { return nil }
        if printed.contains("\nUsage: ") || printed.hasPrefix("Usage: ") { return 64 }
        return printed.contains("error:") || printed.contains("Error:") ? 1 : 0
    }
}

enum ErrorsDocument {
    static let url = StillpointCommand.packageRoot.appendingPathComponent("docs/errors.md")

    /// Every fenced block of the page: its first line's number and its lines.
    static let blocks: [(line: Int, lines: [String])] = {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var blocks: [(line: Int, lines: [String])] = []
        var open: (line: Int, lines: [String])?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if let block = open { blocks.append(block); open = nil } else { open = (index + 2, []) }
            } else {
                open?.lines.append(line)
            }
        }
        return blocks
    }()

    static let examples: [DocumentedExample] = blocks.flatMap(examples(in:))

    static func examples(in block: (line: Int, lines: [String])) -> [DocumentedExample] {
        let joined = { (lines: ArraySlice<String>) in lines.map { $0 + "\n" }.joined() }
        guard block.lines.first?.hasPrefix("$ ") == true else {
            let part = block.lines.first?.hasPrefix(" ") == true
            return [DocumentedExample(line: block.line, arguments: ["check", "example.session"],
                                      printed: joined(block.lines[...]), shown: part ? .part : .withoutSummary)]
        }
        var examples: [DocumentedExample] = []
        var start = 0
        while start < block.lines.count {
            let end = block.lines[(start + 1)...].firstIndex { $0.hasPrefix("$ ") } ?? block.lines.count
            let words = block.lines[start].split(separator: " ").dropFirst().map(String.init)
            examples.append(DocumentedExample(
                line: block.line + start, arguments: Array(words.dropFirst()),
                printed: joined(block.lines[(start + 1) ..< end]), shown: .whole))
            start = end
        }
        return examples
    }
}
