import Foundation

/// How `stillpoint build` runs.
public struct BuildOptions: Sendable, Equatable {
    /// How many tracks are planned and rendered at once (`-j N`); at least 1.
    public var jobs: Int
    /// List what would render and why, render nothing and write nothing.
    public var dryRun: Bool
    /// Render every track, up to date or not.
    public var force: Bool
    /// Delete the outputs of scripts that no longer exist.
    public var prune: Bool
    /// The renderer's version; a track rendered by another version is re-rendered.
    public var rendererVersion: String

    public init(
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, dryRun: Bool = false,
        force: Bool = false, prune: Bool = false, rendererVersion: String
    ) {
        self.jobs = jobs
        self.dryRun = dryRun
        self.force = force
        self.prune = prune
        self.rendererVersion = rendererVersion
    }
}
