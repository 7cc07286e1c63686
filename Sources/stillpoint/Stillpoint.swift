import ArgumentParser

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
        subcommands: [CheckCommand.self, TimelineCommand.self, RenderCommand.self, BuildCommand.self, ClipsCommand.self, TakesCommand.self])
}

/// The version of the tool, which is also the renderer version the build records:
/// a new version re-renders every track, since its sound may have changed.
let rendererVersion = "0.1.0"
