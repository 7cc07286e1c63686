#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive lock on an output folder, so that two builds never write the same
/// tracks and record at once. It is an `flock` on a file in the folder: the system
/// releases it when the process ends, however it ends, so a killed build never
/// leaves a stale lock behind. The lock file itself stays (removing it would let
/// two builds lock two different files).
public final class BuildLock: Sendable {
    public static let fileName = ".stillpoint-build.lock"

    public let file: URL
    private let descriptor: Int32

    /// Takes the lock of `outputFolder` (which must exist) without waiting; throws
    /// `BuildError.locked` naming the lock file when another build holds it.
    public init(outputFolder: URL) throws(BuildError) {
        file = outputFolder.appendingPathComponent(Self.fileName)
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildError.outputNotWritable(file, reason: lastErrorText()) }
        // A lock can be held for a moment by no build at all: a child process the
        // tool (or a test) is just starting carries a copy of the descriptor until
        // it executes. So a busy lock is tried again for a second before giving up.
        var locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        for _ in 1..<20 where !locked && errno == EWOULDBLOCK {
            usleep(50_000)
            locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        }
        guard locked else {
            let busy = errno == EWOULDBLOCK
            let reason = lastErrorText()
            close(fd)
            throw busy ? BuildError.locked(lockFile: file) : BuildError.outputNotWritable(file, reason: reason)
        }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }
}
