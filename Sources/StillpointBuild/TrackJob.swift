import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

/// Brings one script up to date: plan, hash what it depends on, compare with the
/// record, render when stale, record. Runs on a worker thread of its own, since
/// planning and rendering are long, blocking work.
struct TrackJob: Sendable {
    let paths: LibraryPaths
    let output: URL
    let options: BuildOptions
    let planner: any TrackPlanner
    let renderer: any TrackRenderer
    let hashes: FileHashCache
    let record: RecordStore
    let progress: @Sendable (BuildEvent) -> Void

    /// The results of the script's tracks: one, or one a version.
    func run(script: String) -> [TrackResult] {
        let scriptURL = paths.root.appendingPathComponent(script)
        let tracks: [ReadyTrack]
        switch planner.plan(script: scriptURL) {
        case .failed(let diagnostics):
            return [failure(script, output: nil, reasons: [], diagnostics)]
        case .ready(let ready):
            tracks = [ready]
        case .versions(let versions):
            tracks = versions
        }
        if !options.dryRun {
            let keys = Set(tracks.map { LibraryPaths.recordKey(script: script, version: $0.version) })
            do {
                try record.retire(tracksOf: script, keeping: keys)
            } catch {
                return [failure(script, output: nil, reasons: [], Diagnostic.describing(error))]
            }
        }
        return tracks.map { run($0, script: script, scriptURL: scriptURL) }
    }

    private func run(_ track: ReadyTrack, script: String, scriptURL: URL) -> TrackResult {
        let key = LibraryPaths.recordKey(script: script, version: track.version)
        let outputPath = LibraryPaths.outputPath(forScript: script, fileExtension: track.fileExtension, version: track.version)
        let destination = output.appendingPathComponent(outputPath)

        var stamps: [String: FileStamp] = [:]
        var clipNames: [String: String] = [:]
        do {
            for dependency in [scriptURL] + track.dependencies {
                let key = paths.key(for: dependency)
                stamps[key] = try hashes.stamp(key: key)
                if let name = track.clipNames[dependency] { clipNames[key] = name }
            }
        } catch {
            return failure(script, output: destination, reasons: [], Diagnostic.describing(error))
        }
        let entry = TrackRecord(
            output: outputPath, extraOutputs: [], rendererVersion: options.rendererVersion,
            fingerprint: track.fingerprint, dependencies: stamps.mapValues(\.hash))
        let previous = record.entry(for: key)
        let outputExists = previous?.output == outputPath
            && FileManager.default.fileExists(atPath: destination.path)
        var reasons = Staleness.reasons(
            now: entry, before: previous, outputExists: outputExists,
            script: paths.key(for: scriptURL), clipNames: clipNames,
            outputIdentity: FileIdentity.of(path: destination.path))
        if reasons.isEmpty {
            guard options.force else {
                progress(.upToDate(script: script))
                return TrackResult(script: script, output: destination, reasons: [], status: .upToDate, version: track.version)
            }
            reasons = [.forced]
        }
        progress(.stale(script: script, reasons: reasons))
        if options.dryRun {
            return TrackResult(script: script, output: destination, reasons: reasons, status: .wouldRender, version: track.version)
        }
        return render(track, script: script, to: destination, entry: entry, stamps: stamps, reasons: reasons)
    }

    private func render(
        _ track: ReadyTrack, script: String, to destination: URL, entry: TrackRecord,
        stamps: [String: FileStamp], reasons: [StaleReason]
    ) -> TrackResult {
        let started = Date()
        let receipt: RenderReceipt
        do {
            try Files.createFolder(FilePath(destination.deletingLastPathComponent().path))
            receipt = try renderer.render(track, script: paths.root.appendingPathComponent(script), to: destination)
        } catch {
            return failure(script, output: destination, reasons: reasons, Diagnostic.describing(error))
        }
        var entry = entry
        let outputs = LibraryPaths(library: output)
        entry.extraOutputs = receipt.extraOutputs.map { outputs.key(for: $0) }
        entry.outputIdentity = FileIdentity.of(path: destination.path)
        do {
            try record.trackRendered(LibraryPaths.recordKey(script: script, version: track.version), entry: entry, stamps: stamps)
        } catch {
            let reason = Diagnostic.describing(error).map(\.message).joined(separator: "; ")
            return failure(script, output: destination, reasons: reasons, Diagnostic.describing(BuildError.notRecorded(reason: reason)))
        }
        progress(.rendered(script: script, output: destination, seconds: Date().timeIntervalSince(started)))
        return TrackResult(script: script, output: destination, reasons: reasons, status: .rendered(receipt), version: track.version)
    }

    private func failure(
        _ script: String, output: URL?, reasons: [StaleReason], _ diagnostics: [Diagnostic]
    ) -> TrackResult {
        progress(.failed(script: script, diagnostics: diagnostics))
        return TrackResult(script: script, output: output, reasons: reasons, status: .failed(diagnostics))
    }
}
