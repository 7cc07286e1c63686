import ArgumentParser
import Foundation
import StillpointScript
import StillpointTakes

struct TakesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "takes",
        abstract: "Cut the phrases still to record out of whole recordings (takes).",
        discussion: """
            Read the recording sheet (`stillpoint clips PATH --missing`) into a phone or a \
            microphone in one go, then give the recording here: each phrase found is cleaned \
            and written into the clips folder under the name `say` expects. Takes are never \
            changed, and a recording already there is kept unless --replace.
            """)

    @Argument(help: "A script or a library folder.")
    var path: String

    @Argument(help: "One or more recordings (WAV, FLAC, Ogg, Opus, MP3, AIFF; .m4a with ffmpeg).")
    var takes: [String]

    @Flag(help: "Look for every phrase, not only those still to record.")
    var all = false

    @Flag(help: "Place the phrases in the order of the sheet, by length, without the speech recogniser.")
    var inOrder = false

    @Flag(help: "Say what would be written, and write nothing.")
    var dryRun = false

    @Flag(help: "Replace recordings already there (the old ones are moved into .replaced/ in the clips folder).")
    var replace = false

    @Flag(inversion: .prefixedNo, help: "Clean the clips (hum, rumble and noise).")
    var clean = true

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let sheet = try PhraseSheet(at: path)
        // A script with errors could name the wrong clips: nothing is written.
        if sheet.failed { throw ExitCode.failure }
        let phrases = sheet.entries.map {
            WantedPhrase(clip: $0.phrase.clip, text: $0.phrase.text, folder: $0.clipsFolder, wanted: all || $0.phrase.file == nil)
        }
        let session = TakesSession(
            phrases: phrases, takes: takes.map(Loading.url),
            options: TakesOptions(inOrder: inOrder, dryRun: dryRun, replace: replace, clean: clean))
        // Ctrl-C or SIGTERM: the clip being written (and ffmpeg's decode, the
        // recogniser's dictionary) are removed; clips already written stay.
        Interruption.install()
        // A TakesError prints through `Terminal.fail` like every other failure.
        let report = try session.run(progress: Terminal.progress)
        Terminal.endProgress()
        if json {
            try printJSON(report)
        } else if !phrases.contains(where: \.wanted) {
            print("Every phrase is recorded; nothing to look for (--all looks for every phrase).")
        } else {
            printTable(report)
        }
    }

    private func printJSON(_ report: TakesReport) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    private func printTable(_ report: TakesReport) {
        for note in report.notes { Terminal.say("note: " + note) }
        let rows = [["phrase", "take", "in the take", "length", "sure", ""]] + report.found.map { found in
            [found.phrase, found.take, "\(TakesSession.time(found.start))–\(TakesSession.time(found.end))",
             String(format: "%.2fs", found.length), "\(Int((found.confidence * 100).rounded())) %", outcome(found)]
        }
        if report.found.isEmpty {
            print("No phrase found.")
        } else {
            let widths = (0 ..< 5).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = (0 ..< 5).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                print((cells + [row[5]]).joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
        if !report.notFound.isEmpty {
            print("Not found (\(report.notFound.count)):")
            for missing in report.notFound { print("  \(missing.phrase): \(missing.reason)") }
        }
    }

    private func outcome(_ found: TakesReport.Found) -> String {
        let file = Terminal.path(URL(fileURLWithPath: found.file))
        switch found.action {
        case "kept": return "kept \(file) (already recorded; --replace replaces it)"
        case "would write": return "would write \(file)"
        default: return "wrote \(file)" + (found.replaced.map { ", the old one moved to \(Terminal.path(URL(fileURLWithPath: $0)))" } ?? "")
        }
    }
}
