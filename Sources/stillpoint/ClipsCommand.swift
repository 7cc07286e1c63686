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
        var phrases: [String: Phrase] = [:]
        var order: [String] = []
        var folder: URL?
        var folders: [String: URL] = [:]
        var failed = false
        for script in try Loading.scripts(at: path) {
            let result = Loading.loader.phrases(in: script)
            // Missing clips are what this command is for; other errors still fail it.
            Terminal.report(result.diagnostics.filter(\.isError))
            failed = failed || result.hasErrors
            folder = folder ?? result.clipsFolder
            for phrase in result.phrases {
                if var known = phrases[phrase.clip] {
                    known.uses += phrase.uses
                    known.text = known.text ?? phrase.text
                    phrases[phrase.clip] = known
                } else {
                    phrases[phrase.clip] = phrase
                    folders[phrase.clip] = result.clipsFolder
                    order.append(phrase.clip)
                }
            }
        }
        let shown = order.compactMap { phrases[$0] }.filter { !missing || $0.file == nil }
        if tsv {
            for phrase in shown {
                let fields = [phrase.clip, folders[phrase.clip].map(Terminal.path) ?? "", phrase.text ?? ""]
                print(fields.map(Self.tsvField).joined(separator: "\t"))
            }
        } else {
            printSheet(shown, into: folder)
        }
        if failed { throw ExitCode.failure }
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
