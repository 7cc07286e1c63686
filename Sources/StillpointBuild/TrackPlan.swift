import Foundation
import StillpointScript

/// What the build needs to know about one script before deciding whether to render
/// it: made by a `TrackPlanner` (in the tool, the script parser).
public enum TrackPlan: Sendable {
    case ready(ReadyTrack)
    /// A script written in several lengths (`versions:`): one track per version,
    /// each with its `version` set.
    case versions([ReadyTrack])
    /// The script cannot be rendered; its diagnostics say why (the CLI prints them).
    case failed([Diagnostic])
}

/// A script that parsed and resolved: everything its output depends on.
public struct ReadyTrack: Sendable {
    /// Every file the output depends on, absolute: the script, its includes,
    /// `library.defaults`, clips and sound files (`Timeline.dependencies`). The
    /// script itself is always counted, listed here or not.
    public var dependencies: [URL]
    /// The clip name of each dependency that is a voice clip, so that a reason
    /// can say "clip `welcome` changed" instead of a path.
    public var clipNames: [URL: String]
    /// Everything else that changes the output bytes (format, bits, rate, draft
    /// mode, …) as one string; any difference re-renders.
    public var fingerprint: String
    /// The output file's extension, without the dot (`flac`).
    public var fileExtension: String
    /// The resolved timeline, carried to the renderer so that it need not parse again.
    public var timeline: Timeline?
    /// Which length of its script this track is (`10m`): it goes in the output's
    /// name (`sitting.10m.flac`) and the build record; nil for a script of one length.
    public var version: String?

    public init(
        dependencies: [URL], fingerprint: String, fileExtension: String,
        clipNames: [URL: String] = [:], timeline: Timeline? = nil, version: String? = nil
    ) {
        self.dependencies = dependencies
        self.fingerprint = fingerprint
        self.fileExtension = fileExtension
        self.clipNames = clipNames
        self.timeline = timeline
        self.version = version
    }

    /// A ready track taken from a resolved timeline: its dependencies, its clips'
    /// names, its settings as the fingerprint and its format's extension.
    /// `extraFingerprint` holds what the timeline does not show but changes the
    /// output (for instance `draft`).
    public init(timeline: Timeline, extraFingerprint: String = "") {
        var clipNames: [URL: String] = [:]
        for event in timeline.events {
            if case .clip(let clip) = event.source, let file = clip.file, let name = event.name {
                clipNames[file] = name
            }
        }
        let version = timeline.version?.label
        self.init(
            dependencies: timeline.dependencies,
            fingerprint: String(describing: timeline.settings) + extraFingerprint + (version.map { ";version:" + $0 } ?? ""),
            fileExtension: timeline.settings.format.fileExtension,
            clipNames: clipNames, timeline: timeline, version: version)
    }
}

/// Turns a script into a plan. Called from worker threads, several at once.
public protocol TrackPlanner: Sendable {
    func plan(script: URL) -> TrackPlan
}

/// Renders one track to its final place. The renderer writes to a temporary file
/// beside `destination` whose name starts with `.` and contains `.tmp` (so that a
/// later build can clean up after a killed one) and renames it into place when
/// complete. Called from worker threads, several at once.
public protocol TrackRenderer: Sendable {
    func render(_ track: ReadyTrack, script: URL, to destination: URL) throws -> RenderReceipt
}

/// What a renderer hands back about a finished track.
public struct RenderReceipt: Sendable, Equatable {
    /// Files written beside the track (subtitles), removed with it by `--prune`.
    public var extraOutputs: [URL]
    /// One line for the summary (length, loudness), if the renderer has one.
    public var note: String?

    public init(extraOutputs: [URL] = [], note: String? = nil) {
        self.extraOutputs = extraOutputs
        self.note = note
    }
}
