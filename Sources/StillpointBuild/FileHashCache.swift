import Foundation
import StillpointFiles

/// Content hashes for one build, shared by all the tracks being checked at once:
/// a clip used by fifty tracks is read once, even when several tracks ask for it at
/// the same moment. Stamps from the previous build let an unchanged file (same
/// size, modification time and inode) skip the read altogether.
final class FileHashCache: @unchecked Sendable {
    /// One file's hash, computed by whichever thread asks first while the others
    /// wait on its lock.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<FileStamp, FileError>?
    }

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    private let paths: LibraryPaths
    private let previous: [String: FileStamp]
    private var readCount = 0

    /// `previous` holds the stamps recorded by the last build, by dependency key.
    init(paths: LibraryPaths, previous: [String: FileStamp]) {
        self.paths = paths
        self.previous = previous
    }

    /// The stamp of the file with the dependency `key`, hashing it at most once per build.
    func stamp(key: String) throws(FileError) -> FileStamp {
        let slot = lock.withLock {
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        let result = slot.result ?? compute(key: key)
        slot.result = result
        return try result.get()
    }

    /// Every stamp taken (or confirmed) this build, by dependency key.
    var stampsByKey: [String: FileStamp] {
        let all = lock.withLock { slots }
        return all.compactMapValues { slot in slot.lock.withLock { try? slot.result?.get() } }
    }

    /// How many files were actually read this build (the rest were vouched for by
    /// their previous stamp).
    var filesRead: Int { lock.withLock { readCount } }

    private func compute(key: String) -> Result<FileStamp, FileError> {
        let path = paths.absolutePath(forKey: key)
        if let old = previous[key], let now = FileIdentity.of(path: path), old.canVouch(for: now) {
            return .success(old)
        }
        lock.withLock { readCount += 1 }
        return Result { () throws(FileError) in try ContentHasher.stamp(path: path) }
    }
}
