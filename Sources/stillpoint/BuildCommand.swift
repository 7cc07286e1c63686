import ArgumentParser
import Foundation
import StillpointBuild
import StillpointScript

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Bring every track of a library up to date.",
        discussion: """
            A track is rendered again only when something it depends on changed: its
            script, an included part, a clip or sound file it uses, library.defaults,
            its output settings, or the version of Stillpoint. A build that is stopped
            leaves every finished track in place; the next build finishes the job.
            """)

    @Argument(help: "The library folder.")
    var library = "scripts-library"

    @Option(help: "Where the tracks go.")
    var output = "output"

    /// Optional, so that the help names the default rather than this machine's count.
    @Option(name: .customShort("j"), help: ArgumentHelp(
        "Tracks rendered at once (default: the number of processor cores).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "List what would be rendered and why, and render nothing.")
    var dryRun = false

    @Flag(help: "Render every track, up to date or not.")
    var force = false

    @Flag(help: "Render even when clips are missing (see `render --draft`).")
    var draft = false

    @Flag(help: "Remove outputs whose scripts are gone.")
    var prune = false

    @Flag(help: "Also write WebVTT subtitles beside every track.")
    var subtitles = false

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("-j needs at least 1") }
    }

    func run() async throws {
        Interruption.install()
        let root = Loading.url(library)
        let build = LibraryBuild(
            library: root, output: Loading.url(output),
            options: BuildOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, dryRun: dryRun, force: force, prune: prune, rendererVersion: rendererVersion),
            planner: ScriptPlanner(libraryRoot: root, draft: draft, subtitles: subtitles),
            renderer: AudioTrackRenderer(subtitles: subtitles))
        let report = try await BuildProgress.run(build, dryRun: dryRun, prune: prune)
        if !report.succeeded { throw ExitCode.failure }
    }
}
