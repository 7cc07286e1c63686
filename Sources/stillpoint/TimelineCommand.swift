import ArgumentParser
import Foundation
import StillpointFiles
import StillpointPicture
import StillpointScript
import SystemPackage

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print the resolved timeline: every sound with its start and end.",
        discussion: "With --svg, draw it instead: one SVG picture of the session, minutes along the bottom.")

    @Argument(help: "The script.")
    var script: String

    @Flag(help: "Print JSON (frames are the truth; seconds are frames / rate).")
    var json = false

    @Option(help: ArgumentHelp("Draw the timeline as an SVG picture into this file.", valueName: "file"))
    var svg: String?

    @Flag(help: "Accept missing clips, timing them from their transcripts.")
    var draft = false

    @Option(help: "The length to lay the script out at (such as 20m): its ranged pauses stretch to fill it.")
    var length: String?

    func validate() throws {
        _ = try lengthOption(length)
        if json, svg != nil { throw ValidationError("--json and --svg: give one of them") }
    }

    func run() throws {
        let options = ResolveOptions(draft: draft, length: try lengthOption(length))
        guard let timeline = Loading.timeline(Loading.url(script), options: options) else {
            throw ExitCode.failure
        }
        if let svg {
            // Written whole or not at all, so a picture open in a browser is never half a file.
            try AtomicReplacement.write(Array(TimelinePicture(timeline).svg().utf8), to: FilePath(svg))
            Terminal.say("wrote \(svg)")
            return
        }
        print(json ? timeline.json() : timeline.text(), terminator: json ? "\n" : "")
    }
}
