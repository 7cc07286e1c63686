import ArgumentParser
import Foundation

@main
struct Stillpoint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stillpoint",
        abstract: "Render guided-relaxation tracks from .session scripts.",
        discussion: """
            Write a session as a .session script, record its phrases into the clips
            folder, then `stillpoint build` renders every track of the library into
            output/ and, after an edit, only the tracks it changes.
            """,
        version: rendererVersion,
        subcommands: [
            CheckCommand.self, TimelineCommand.self, RenderCommand.self, WatchCommand.self, BuildCommand.self,
            PublishCommand.self, ClipsCommand.self, TakesCommand.self, NewCommand.self, ImportCommand.self,
        ])

    /// `AsyncParsableCommand.main` with one change: every error a command throws
    /// ends in `Terminal.fail`, which prints it and picks the exit status.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Terminal.fail(error)
        }
    }
}

/// The version of the tool, which is also the renderer version the build records:
/// a new version re-renders every track, since its sound may have changed.
let rendererVersion = "0.1.0"
