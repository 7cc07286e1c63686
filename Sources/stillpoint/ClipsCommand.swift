import ArgumentParser
import Foundation
import StillpointScript

struct ClipsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clips",
        abstract: "List the phrases a script or library uses, with their transcripts.",
        discussion: "With --missing, only the phrases not yet recorded: a recording sheet. Missing clips are not an error here.")

    @Argument(help: "A script or a library folder.")
    var path = "scripts-library"

    @Flag(help: "Only the phrases still to record.")
    var missing = false

    func run() throws {
        let sheet = try PhraseSheet(at: path)
        let phrases = sheet.entries.map(\.phrase)
        let folder = sheet.clipsFolder
        let failed = sheet.failed
        let shown = phrases.filter { !missing || $0.file == nil }
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
        if failed { throw ExitCode.failure }
    }
}

/// The phrases of a script or library folder, each once, in order of first use,
/// with the clips folder of the first script that says it: what `clips` lists
/// and `takes` looks for. Script errors other than missing clips are printed
/// (`failed`); missing clips are what both commands are for.
struct PhraseSheet {
    struct Entry {
        var phrase: Phrase
        var clipsFolder: URL
    }

    private(set) var entries: [Entry] = []
    private(set) var failed = false
    /// The first script's clips folder, named in the sheet's heading.
    private(set) var clipsFolder: URL?

    init(at path: String) throws {
        var index: [String: Int] = [:]
        for script in try Loading.scripts(at: path) {
            let result = Loading.loader.phrases(in: script)
            Terminal.report(result.diagnostics.filter(\.isError))
            failed = failed || result.hasErrors
            clipsFolder = clipsFolder ?? result.clipsFolder
            for phrase in result.phrases {
                if let at = index[phrase.clip] {
                    entries[at].phrase.uses += phrase.uses
                    entries[at].phrase.text = entries[at].phrase.text ?? phrase.text
                } else {
                    index[phrase.clip] = entries.count
                    entries.append(Entry(phrase: phrase, clipsFolder: result.clipsFolder))
                }
            }
        }
    }
}
