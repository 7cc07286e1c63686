import Foundation
import StillpointAudio
import StillpointBuild
import StillpointScript

/// The build's planner: the script parser. Warnings are printed as they are
/// found; errors become the track's failure message.
struct ScriptPlanner: TrackPlanner {
    let libraryRoot: URL
    let draft: Bool
    let subtitles: Bool

    func plan(script: URL) -> TrackPlan {
        // Shown as the user would type it, as `check` and `render` show it.
        let script = Loading.url(Terminal.path(script))
        let result = Loading.loader.load(script, libraryRoot: libraryRoot, options: .init(draft: draft))
        guard let timeline = result.timeline else {
            return .failed(result.diagnostics)
        }
        Terminal.report(result.diagnostics)
        guard !result.versions.isEmpty else { return .ready(track(timeline, result)) }
        // A script in several lengths is one track a length; the load above is its first.
        var tracks = [track(timeline, result)]
        for length in result.versions.dropFirst() {
            let version = Loading.loader.load(script, libraryRoot: libraryRoot, options: .init(draft: draft, length: length))
            guard let timeline = version.timeline else { return .failed(version.diagnostics) }
            tracks.append(track(timeline, version))
        }
        return .versions(tracks)
    }

    private func track(_ timeline: Timeline, _ result: LoadResult) -> ReadyTrack {
        // A draft depends on which phrases are still missing: recording one
        // changes the fingerprint, so the track is rendered again with it.
        let missing = result.phrases.filter { $0.file == nil }.map(\.clip).sorted()
        let draftMark = draft ? ";draft:" + missing.joined(separator: ",") : ""
        return ReadyTrack(timeline: timeline, extraFingerprint: draftMark + (subtitles ? ";vtt" : ""))
    }
}

/// The build's renderer: the audio engine, one track at a time per worker.
struct AudioTrackRenderer: StillpointBuild.TrackRenderer {
    let subtitles: Bool

    func render(_ track: ReadyTrack, script: URL, to destination: URL) throws -> RenderReceipt {
        guard let timeline = track.timeline else {
            throw CommandError.noTimeline(script: script.relativePath)
        }
        let report = try Renderer().render(timeline, to: destination, options: RenderOptions(subtitles: subtitles))
        for warning in report.warnings { Terminal.say(warning) }
        return RenderReceipt(
            extraOutputs: report.otherFormats + (report.subtitles.map { [$0] } ?? []),
            note: OutputChoice.details(report))
    }
}

/// What a build shows while it works and when it ends.
enum BuildProgress {
    /// Runs `build`, showing its progress and then its summary, as `build` and
    /// `publish` both do; a build that cannot start throws (`Terminal.fail` prints it).
    static func run(_ build: LibraryBuild, dryRun: Bool, prune: Bool) async throws -> BuildReport {
        let report = try await build.run(progress: show)
        Terminal.endProgress()
        summarise(report, dryRun: dryRun, prune: prune)
        return report
    }

    @Sendable static func show(_ event: BuildEvent) {
        switch event {
        case .found(let scripts):
            Terminal.progress("found \(Terminal.count(scripts, "script"))")
        case .stale(let script, let reasons):
            Terminal.progress("rendering \(script) (\(reasons.map(\.description).joined(separator: ", ")))")
        case .rendered(let script, let output, let seconds):
            Terminal.say("rendered \(script) → \(Terminal.path(output)) in \(TimeFormat.seconds.string(seconds))")
        case .failed(let script, let diagnostics):
            Terminal.say("failed \(script):\n" + Terminal.format(diagnostics))
        case .pruned(let output):
            Terminal.say("removed \(output)")
        case .recordDiscarded(let file, let reason):
            Terminal.say("warning: the build record \(Terminal.path(file)) is set aside: \(reason); every track is rendered again")
        case .upToDate, .orphaned, .leftoverRemoved:
            break
        }
    }

    static func summarise(_ report: BuildReport, dryRun: Bool, prune: Bool) {
        if dryRun {
            for track in report.wouldRender {
                Terminal.say("would render \(track.script): \(track.reasons.map(\.description).joined(separator: ", "))")
            }
        }
        if prune && dryRun {
            for output in report.orphans.flatMap(\.outputs) { Terminal.say("would remove \(output)") }
        } else if !prune {
            for orphan in report.orphans {
                let owner = orphan.script.map { "its script \($0) is gone" } ?? "left behind by a change of format or of versions"
                Terminal.say("outdated: \(orphan.outputs.joined(separator: ", ")) (\(owner); --prune removes it)")
            }
        }
        var parts = [dryRun ? "\(report.wouldRender.count) to render" : "\(report.rendered.count) rendered",
                     "\(report.upToDate.count) up to date"]
        if !report.failed.isEmpty { parts.append("\(report.failed.count) failed: " + report.failed.map(\.script).joined(separator: ", ")) }
        Terminal.say("build: " + parts.joined(separator: ", "))
    }
}
