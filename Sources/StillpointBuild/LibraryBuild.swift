import Foundation
import StillpointFiles
import SystemPackage

/// `stillpoint build`: brings every track of a library up to date in an output
/// folder, rendering only what changed since the last build, several tracks at a
/// time.
///
/// A track is up to date when its script, every file it includes, every clip and
/// sound file it uses, `library.defaults`, its output settings and the renderer
/// version are all as they were when its output was rendered, compared by content
/// hash (never by modification time alone), and its output still exists.
public struct LibraryBuild: Sendable {
    /// The library's root: every script below it is a track.
    public let library: URL
    /// Where the tracks go, mirroring the library's folders; holds the build's
    /// record and lock file.
    public let output: URL
    public let options: BuildOptions
    public let planner: any TrackPlanner
    public let renderer: any TrackRenderer

    public init(
        library: URL, output: URL, options: BuildOptions, planner: any TrackPlanner,
        renderer: any TrackRenderer
    ) {
        self.library = library
        self.output = output.standardizedFileURL
        self.options = options
        self.planner = planner
        self.renderer = renderer
    }

    /// Runs the build. Throws only when the build cannot start (no library, output
    /// folder not writable, another build running) or is cancelled; a script that
    /// fails is reported in the result and the others go on.
    public func run(progress: @escaping @Sendable (BuildEvent) -> Void = { _ in }) async throws -> BuildReport {
        let scripts = try LibraryScanner.relativePaths(in: library)
        let paths = LibraryPaths(library: library)
        var lock: BuildLock?
        var leftovers: [String] = []
        if !options.dryRun {
            do {
                try Files.createFolder(FilePath(output.path))
            } catch {
                throw BuildError(error)
            }
            lock = try BuildLock(outputFolder: output)
            leftovers = OutputFolder(root: output).removeLeftovers()
            leftovers.forEach { progress(.leftoverRemoved($0)) }
        }
        progress(.found(scripts: scripts.count))

        let (loaded, discarded) = BuildRecord.load(from: output)
        if let discarded { progress(.recordDiscarded(output.appendingPathComponent(BuildRecord.fileName), reason: discarded)) }
        let record = RecordStore(folder: output, record: loaded)
        let known = record.snapshot
        let hashes = FileHashCache(paths: paths, previous: known.files)
        let job = TrackJob(
            paths: paths, output: output, options: options, planner: planner, renderer: renderer,
            hashes: hashes, record: record, progress: progress)
        let tracks = await Self.runAll(scripts, jobs: options.jobs, job: job)
        // Orphans are found after rendering: a track rendered again in a format it
        // had before takes its old file back from the strays, and must not be pruned.
        let orphans = OutputFolder(root: output).orphans(in: record.snapshot, scripts: Set(scripts))
        orphans.forEach { progress(.orphaned($0)) }

        var pruned: [String] = []
        if !options.dryRun {
            if options.prune {
                pruned = OutputFolder(root: output).prune(orphans, record: record)
                pruned.forEach { progress(.pruned(output: $0)) }
            }
            // Deleted scripts and strays whose outputs are gone too have nothing left to prune.
            let kept = Set(scripts), orphaned = Set(orphans.compactMap(\.script))
            let folder = OutputFolder(root: output)
            try record.update { record in
                record.tracks = record.tracks.filter {
                    kept.contains(LibraryPaths.script(ofRecordKey: $0.key)) || orphaned.contains($0.key)
                }
                record.strays = folder.existing(record.strays)
                record.keepStamps(of: hashes)
            }
        }
        withExtendedLifetime(lock) {}
        try Task.checkCancellation()
        return BuildReport(
            tracks: tracks, orphans: options.prune && !options.dryRun ? [] : orphans, pruned: pruned,
            leftoversRemoved: leftovers, filesHashed: hashes.filesRead)
    }

    /// Runs `job` for every script, at most `jobs` at once, each on a thread of its
    /// own (so long renders never hold up Swift's cooperative threads); stops
    /// starting new ones when the task is cancelled. Results in order of script
    /// (a script with versions has one a version).
    private static func runAll(_ scripts: [String], jobs: Int, job: TrackJob) async -> [TrackResult] {
        await withTaskGroup(of: [TrackResult].self) { group in
            var pending = scripts.makeIterator()
            var results: [[TrackResult]] = []
            func startNext() -> Bool {
                guard !Task.isCancelled, let script = pending.next() else { return false }
                group.addTask { await onOwnThread { job.run(script: script) } }
                return true
            }
            for _ in 0..<max(1, jobs) {
                if !startNext() { break }
            }
            while let result = await group.next() {
                results.append(result)
                _ = startNext()
            }
            // By script; a script's versions stay in the order it lists them.
            return results.sorted { ($0.first?.script ?? "") < ($1.first?.script ?? "") }.flatMap { $0 }
        }
    }
}

/// Runs blocking work on a new thread and waits for it without blocking a
/// cooperative thread.
private func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: work()) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

extension BuildRecord {
    /// Keeps the stamps of the files the recorded tracks depend on, refreshed from
    /// this build's hashes, and drops the rest, so the record does not grow with
    /// files no track uses any more.
    mutating func keepStamps(of hashes: FileHashCache) {
        let used = Set(tracks.values.flatMap(\.dependencies.keys))
        let fresh = hashes.stampsByKey
        files = Dictionary(
            uniqueKeysWithValues: used.compactMap { key in (fresh[key] ?? files[key]).map { (key, $0) } })
    }
}
