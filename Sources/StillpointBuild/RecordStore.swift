import Foundation
import StillpointFiles
import SystemPackage

/// The build record shared by the worker threads. Each finished track is written
/// to disk at once (atomically), so a build killed midway keeps what it finished
/// and the next build does only the rest.
final class RecordStore: @unchecked Sendable {
    private let lock = NSLock()
    private var record: BuildRecord
    private let file: URL
    /// What the file on disk holds (as far as this build knows), to skip rewriting it.
    private var written: Data?

    init(folder: URL, record: BuildRecord) {
        self.file = folder.appendingPathComponent(BuildRecord.fileName)
        self.record = record
        self.written = try? record.encoded()
    }

    var snapshot: BuildRecord { lock.withLock { record } }

    func entry(for script: String) -> TrackRecord? {
        lock.withLock { record.tracks[script] }
    }

    /// Changes the record and writes it, unless the change left it as last written.
    func update(_ change: (inout BuildRecord) -> Void) throws(BuildError) {
        lock.lock()
        defer { lock.unlock() }
        change(&record)
        let data: Data
        do {
            data = try record.encoded()
        } catch {
            throw BuildError.outputNotWritable(file, reason: "\(error)")
        }
        guard data != written else { return }
        do {
            try AtomicReplacement.write(data, to: FilePath(file.path))
        } catch {
            throw BuildError(error)
        }
        written = data
    }

    /// Drops the record's tracks of `script` other than `keys` (versions no longer
    /// listed, or the single track of a script that now has versions, or the other
    /// way round); their outputs become strays, pruned like orphans.
    func retire(tracksOf script: String, keeping keys: Set<String>) throws(BuildError) {
        try update { record in
            for (key, entry) in record.tracks
            where LibraryPaths.script(ofRecordKey: key) == script && !keys.contains(key) {
                record.strays += entry.allOutputs.filter { !record.strays.contains($0) }
                record.tracks[key] = nil
            }
        }
    }

    /// Records a freshly rendered track; outputs the previous render wrote that the
    /// new one did not (another format, no subtitles any more) become strays.
    func trackRendered(_ script: String, entry: TrackRecord, stamps: [String: FileStamp]) throws(BuildError) {
        try update { record in
            if let previous = record.tracks[script] {
                let kept = Set(entry.allOutputs)
                record.strays += previous.allOutputs.filter { !kept.contains($0) && !record.strays.contains($0) }
            }
            record.strays.removeAll { entry.allOutputs.contains($0) }
            record.tracks[script] = entry
            record.files.merge(stamps) { _, new in new }
        }
    }
}
