import ArgumentParser
import Foundation
import StillpointScript

struct ClipsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clips",
        abstract: "List the phrases a script or library uses, with their transcripts.",
        discussion: """
            With --missing, only the phrases not yet recorded: a recording sheet. With --tsv, \
            one line a phrase for other programs. Missing clips are not an error here.
            """)

    @Argument(help: "A script or a library folder.")
    var path = "scripts-library"

    @Flag(help: "Only the phrases still to record.")
    var missing = false

    @Flag(help: "One line a phrase: name, clips folder and transcript, separated by tabs.")
    var tsv = false

    func run() throws {
        let sheet = try PhraseSheet(at: path)
        let shown = sheet.entries.filter { !missing || $0.phrase.file == nil }
        if tsv {
            for entry in shown {
                let fields = [entry.phrase.clip, Terminal.path(entry.clipsFolder), entry.phrase.text ?? ""]
                print(fields.map(Self.tsvField).joined(separator: "\t"))
            }
        } else {
            printSheet(shown.map(\.phrase), into: sheet.clipsFolder)
        }
        if sheet.failed { throw ExitCode.failure }
    }

    /// The listing a person reads: each phrase, its recording, transcript and uses.
    private func printSheet(_ shown: [Phrase], into folder: URL?) {
        if missing {
            print(shown.isEmpty
                ? "Every phrase is recorded."
                : "Recording sheet: \(Terminal.count(shown.count, "phrase")) to record" + (folder.map { " into \(Terminal.path($0))/" } ?? ""))
        }
        for phrase in shown {
            let uses = phrase.uses.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
            let status = missing ? "" : "  [" + (phrase.file.map { $0.lastPathComponent } ?? "not recorded") + "]"
            print("\(phrase.clip)\(status)\n    \(phrase.text.map { "\"\($0)\"" } ?? "(no transcript)")\n    used at \(uses)")
        }
    }

    /// A field of `--tsv`: backslash, tab, newline and carriage return written as
    /// `\\`, `\t`, `\n`, `\r`, so every phrase is one line of exactly three fields
    /// (bash's `printf %b` undoes it).
    static func tsvField(_ text: String) -> String {
        // Scalar by scalar: "\r\n" is one Character, and both halves need escaping.
        text.unicodeScalars.map { tsvEscapes[$0] ?? String($0) }.joined()
    }

    private static let tsvEscapes: [Unicode.Scalar: String] = ["\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"]
}
