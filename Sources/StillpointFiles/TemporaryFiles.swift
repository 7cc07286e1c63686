import Foundation
import SystemPackage

/// Every temporary file this process is writing beside a target, so that an
/// interrupted run (Ctrl-C, SIGTERM) can remove them before it ends: a render
/// stopped halfway left a full-size hidden file beside its track every time.
/// `AtomicReplacement` registers its temporary file when it picks it and forgets
/// it once it is renamed into place or discarded; other writers of temporary
/// files (the draft voice's speech) do the same. `removeAll` is called from the
/// signal handler.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<FilePath> = []

    public static func register(_ path: FilePath) {
        lock.withLock { _ = paths.insert(path) }
    }

    public static func forget(_ path: FilePath) {
        lock.withLock { _ = paths.remove(path) }
    }

    /// Removes every registered file; returns how many there were.
    @discardableResult
    public static func removeAll() -> Int {
        lock.withLock {
            for path in paths { try? Files.remove(path) }
            defer { paths.removeAll() }
            return paths.count
        }
    }
}
