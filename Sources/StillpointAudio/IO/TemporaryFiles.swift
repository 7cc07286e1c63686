import Foundation

/// Every temporary file this process is writing beside a target, so that an
/// interrupted run (Ctrl-C, SIGTERM) can remove them before it ends: a render
/// stopped halfway left a full-size hidden file beside its track every time. The
/// writers register a file before creating it and forget it once it is renamed
/// into place or discarded; `removeAll` is called from the signal handler.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    public static func register(_ url: URL) {
        lock.withLock { _ = paths.insert(url.path) }
    }

    public static func forget(_ url: URL) {
        lock.withLock { _ = paths.remove(url.path) }
    }

    /// Removes every registered file; returns how many there were.
    @discardableResult
    public static func removeAll() -> Int {
        lock.withLock {
            for path in paths { unlink(path) }
            defer { paths.removeAll() }
            return paths.count
        }
    }
}
