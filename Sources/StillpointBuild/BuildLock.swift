import Foundation
import StillpointFiles
import SystemPackage

/// An exclusive lock on an output folder, so that two builds never write the same
/// tracks and record at once: a `FileLock` on a file in the folder, released by
/// the system when the process ends, however it ends.
public final class BuildLock: Sendable {
    public static let fileName = ".stillpoint-build.lock"

    public let file: URL
    private let lock: FileLock

    /// Takes the lock of `outputFolder` (which must exist), trying for a second;
    /// throws `BuildError.locked` naming the lock file when another build holds it.
    public init(outputFolder: URL) throws(BuildError) {
        file = outputFolder.appendingPathComponent(Self.fileName)
        do {
            lock = try FileLock(FilePath(file.path))
        } catch where error.errno == .wouldBlock {
            throw BuildError.locked(lockFile: file)
        } catch {
            // The folder is what the user chose and can act on (a read-only disk), not the hidden lock file.
            throw BuildError.outputNotWritable(outputFolder, reason: error.reason)
        }
    }
}

extension BuildError {
    /// A failure of the file layer in the output folder, as the build reports it.
    init(_ error: FileError) {
        self = .outputNotWritable(URL(fileURLWithPath: error.path.string), reason: error.reason)
    }
}
