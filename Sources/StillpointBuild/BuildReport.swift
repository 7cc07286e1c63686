import Foundation
import StillpointScript

/// What became of one script in a build.
public struct TrackResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case upToDate
        case rendered(RenderReceipt)
        /// `--dry-run`: it is stale and would be rendered.
        case wouldRender
        /// Planning, hashing, rendering or recording failed; the diagnostics say
        /// why (for a script with errors, its own; else the error that stopped it).
        case failed([Diagnostic])
    }

    /// The script's path relative to the library.
    public var script: String
    /// The output file; nil when the script could not be planned.
    public var output: URL?
    /// Why it was (or would be) rendered; empty when up to date.
    public var reasons: [StaleReason]
    public var status: Status
    /// Which length of the script this is (`10m`); nil for a script of one length.
    public var version: String?

    public init(script: String, output: URL?, reasons: [StaleReason], status: Status, version: String? = nil) {
        self.script = script
        self.output = output
        self.reasons = reasons
        self.status = status
        self.version = version
    }
}

public struct BuildFailure: Sendable, Equatable {
    /// The script's path relative to the library.
    public var script: String
    public var diagnostics: [Diagnostic]

    public init(script: String, diagnostics: [Diagnostic]) {
        self.script = script
        self.diagnostics = diagnostics
    }
}

/// An output whose script is gone from the library.
public struct Orphan: Sendable, Equatable {
    /// The script it was rendered from (relative to the library), or nil for a file
    /// a track left behind when its output changed name (a change of format).
    public var script: String?
    /// Files relative to the output folder.
    public var outputs: [String]

    public init(script: String?, outputs: [String]) {
        self.script = script
        self.outputs = outputs
    }
}

/// The outcome of a build: every script's result in order of path, and the
/// outputs without scripts.
public struct BuildReport: Sendable, Equatable {
    public var tracks: [TrackResult]
    /// Outputs whose scripts were deleted (listed; removed only with `prune`).
    public var orphans: [Orphan]
    /// Files removed by `prune`, relative to the output folder.
    public var pruned: [String]
    /// Temporary files of an earlier, interrupted build that were removed.
    public var leftoversRemoved: [String]
    /// How many files had to be read to hash them (the rest were known unchanged).
    public var filesHashed: Int

    public var rendered: [TrackResult] {
        tracks.filter { if case .rendered = $0.status { true } else { false } }
    }

    public var wouldRender: [TrackResult] { tracks.filter { $0.status == .wouldRender } }

    /// Scripts skipped because they are up to date.
    public var upToDate: [String] { tracks.filter { $0.status == .upToDate }.map(\.script) }

    public var failed: [BuildFailure] {
        tracks.compactMap {
            if case .failed(let diagnostics) = $0.status { BuildFailure(script: $0.script, diagnostics: diagnostics) } else { nil }
        }
    }

    /// Whether every track is now up to date (or, in a dry run, could be rendered):
    /// the CLI's exit status.
    public var succeeded: Bool { failed.isEmpty }
}

/// Progress of a build as it happens, for the terminal. Events about different
/// tracks arrive from several threads in any order.
public enum BuildEvent: Sendable, Equatable {
    case found(scripts: Int)
    case leftoverRemoved(String)
    /// The build record could not be used (`reason`); every track renders again.
    case recordDiscarded(URL, reason: String)
    case orphaned(Orphan)
    case upToDate(script: String)
    /// The track is stale and rendering starts (or, in a dry run, would start).
    case stale(script: String, reasons: [StaleReason])
    case rendered(script: String, output: URL, seconds: Double)
    case failed(script: String, diagnostics: [Diagnostic])
    case pruned(output: String)
}
