import ArgumentParser
import Foundation
import StillpointAudio
import StillpointBuild
import StillpointPublish
import StillpointScript

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Build the library, then write a private listening page and podcast feed for clients.",
        discussion: """
            Brings every track up to date exactly as `build` does, then writes a static
            site (default output/site/) to upload to any web host. The top-level scripts
            form a public page; each top-level folder gets its own page and feed under a
            private link, kept in publish-links.json in the library. --new-link FOLDER
            replaces a folder's link, so the old one stops working once uploaded.
            """)

    @Argument(help: "The library folder.")
    var library = "scripts-library"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site will be online, such as https://example.com/practice/.", valueName: "url"))
    var baseURL: String

    @Option(help: "Where the tracks go.")
    var output = "output"

    @Option(help: "Where the site goes (default: <output>/site).")
    var site: String?

    @Option(name: .customLong("new-link"), help: ArgumentHelp("Give this top-level folder a new private link, ending the old one (repeatable).", valueName: "folder"))
    var newLinks: [String] = []

    @Option(help: ArgumentHelp("Copy the site there with rsync: a folder, or user@host:path.", valueName: "dest"))
    var to: String?

    /// Optional, so that the help names the default rather than this machine's count.
    @Option(name: .customShort("j"), help: ArgumentHelp(
        "Tracks rendered at once (default: the number of processor cores).", valueName: "n"))
    var jobs: Int?

    /// A track built with subtitles is a different build from one without, so
    /// someone who builds with `--subtitles` publishes with it too, and neither
    /// command renders the other's tracks again.
    @Flag(help: "Also write WebVTT subtitles beside every track in the output folder, as `build --subtitles` does.")
    var subtitles = false

    func validate() throws {
        guard SiteURL(baseURL) != nil else {
            throw ValidationError("--base-url \(baseURL): give the site's address, starting with https:// (or http://), such as https://example.com/practice/")
        }
        guard (jobs ?? 1) >= 1 else { throw ValidationError("-j needs at least 1") }
    }

    func run() async throws {
        Interruption.install()
        if to != nil, !Rsync.isInstalled { throw PublishError.rsyncMissing }
        let root = Loading.url(library)
        let outputFolder = Loading.url(output)
        let siteFolder = site.map(Loading.url) ?? outputFolder.appendingPathComponent("site")
        let planned = PlannedTimelines()
        let build = LibraryBuild(
            library: root, output: outputFolder,
            options: BuildOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, rendererVersion: rendererVersion),
            planner: planned.recording(ScriptPlanner(libraryRoot: root, draft: false, subtitles: subtitles)),
            renderer: AudioTrackRenderer(subtitles: subtitles))
        let built = try await BuildProgress.run(build, dryRun: false, prune: false)
        guard built.succeeded else {
            Terminal.say("publish: the site is left as it was; fix the tracks that failed and publish again")
            throw ExitCode.failure
        }
        let tracks = built.tracks.compactMap { result -> PublishedTrack? in
            guard let main = result.output, let timeline = planned[root.appendingPathComponent(result.script)] else { return nil }
            let files = timeline.settings.formats.map { format in
                TrackFile(format: format, url: main.deletingPathExtension().appendingPathExtension(format.fileExtension))
            }
            return PublishedTrack(script: result.script, timeline: timeline, files: files)
        }
        // Held while the site is written, so that neither another publish nor a
        // build (which clears temporary files below the output folder) runs meanwhile.
        let lock = try BuildLock(outputFolder: outputFolder)
        let report = try withExtendedLifetime(lock) {
            try SitePublisher(library: root, site: siteFolder, baseURL: SiteURL(baseURL)!).publish(tracks, newLinks: newLinks)
        }
        for token in report.revoked { Terminal.say("revoked the link …/\(token.prefix(6))…/: its folder is removed from the site") }
        for collection in report.collections where collection.tracks > 0 {
            let name = collection.folder.map { "\($0) (private link)" } ?? "top-level tracks (public)"
            var line = "published \(name): \(Terminal.count(collection.tracks, "track")) → \(collection.page)"
            if let feed = collection.feed { line += "\n    feed: \(feed)" }
            Terminal.say(line)
        }
        Terminal.say("site: \(Terminal.path(siteFolder))")
        if let to {
            try Rsync.upload(site: siteFolder, to: to)
            Terminal.say("copied the site to \(to)")
        }
    }
}

/// The timelines the build's planner resolved, by script, so that the site is
/// made from exactly what was rendered without reading any script twice.
final class PlannedTimelines: @unchecked Sendable {
    private let lock = NSLock()
    private var timelines: [String: Timeline] = [:]

    subscript(script: URL) -> Timeline? {
        lock.withLock { timelines[script.standardizedFileURL.path] }
    }

    func recording(_ planner: ScriptPlanner) -> some TrackPlanner { Recorder(inner: planner, store: self) }

    private struct Recorder: TrackPlanner {
        let inner: ScriptPlanner
        let store: PlannedTimelines

        func plan(script: URL) -> TrackPlan {
            let plan = inner.plan(script: script)
            if case .ready(let track) = plan, let timeline = track.timeline {
                store.lock.withLock { store.timelines[script.standardizedFileURL.path] = timeline }
            }
            return plan
        }
    }
}
