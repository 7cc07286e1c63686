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
        var phrases: [String: Phrase] = [:]
        var order: [String] = []
        var folder: URL?
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
                    order.append(phrase.clip)
                }
            }
        }
        let shown = order.compactMap { phrases[$0] }.filter { !missing || $0.file == nil }
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
