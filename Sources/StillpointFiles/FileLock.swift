#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// An exclusive `flock` on a lock file, held as long as this object lives. The
/// system releases it when the process ends, however it ends, so a killed holder
/// never leaves a stale lock. The lock file itself stays (removing it would let
/// two processes lock two different files).
public final class FileLock: Sendable {
    public let path: FilePath
    private let descriptor: FileDescriptor

    /// Takes the lock of `path` (created if missing), trying for about `patience`:
    /// a lock can be held for a moment by no process at all, when a child being
    /// started carries a copy of the descriptor until it executes. Throws a
    /// `.lock` error with `EWOULDBLOCK` when another holder keeps it.
    public init(_ path: FilePath, patience: Duration = .seconds(1)) throws(FileError) {
        self.path = path
        let descriptor = try SystemCall.open(
            path, .readWrite, options: .create, permissions: [.ownerReadWrite, .groupRead, .otherRead], for: .lock)
        let pause = Duration.milliseconds(50)
        var attempts = max(1, Int(patience / pause))
        while true {
            do {
                try SystemCall.run("flock", .lock, path: path) { flock(descriptor.rawValue, LOCK_EX | LOCK_NB) }
                break
            } catch where error.errno == .wouldBlock && attempts > 1 {
                attempts -= 1
                usleep(UInt32(pause / .microseconds(1)))
            } catch {
                try? descriptor.close()
                throw error
            }
        }
        self.descriptor = descriptor
    }

    deinit {
        try? descriptor.close()
    }
}
