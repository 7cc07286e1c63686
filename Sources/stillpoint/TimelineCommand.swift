import ArgumentParser
import Foundation
import StillpointScript

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print the resolved timeline: every sound with its start and end.")

    @Argument(help: "The script.")
    var script: String

    @Flag(help: "Print JSON (frames are the truth; seconds are frames / rate).")
    var json = false

    @Flag(help: "Accept missing clips, timing them from their transcripts.")
    var draft = false

    @Option(help: "The length to lay the script out at (such as 20m): its ranged pauses stretch to fill it.")
    var length: String?

    func validate() throws {
        _ = try lengthOption(length)
    }

    func run() throws {
        let options = ResolveOptions(draft: draft, length: try lengthOption(length))
        guard let timeline = Loading.timeline(Loading.url(script), options: options) else {
            throw ExitCode.failure
        }
        print(json ? timeline.json() : timeline.text(), terminator: json ? "\n" : "")
    }
}
