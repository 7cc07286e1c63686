import Foundation
import StillpointFiles
import SystemPackage

/// Where a render writes while it works: a hidden temporary file beside the target
/// (`AtomicReplacement`'s name, so a later build recognises and removes the
/// leftovers of a killed render), handed by path to libsndfile and moved over the
/// target, flushed to the device, only when complete and closed. A failed or killed
/// render leaves the earlier track as it was.
public struct AtomicOutput: Sendable {
    public let destination: URL
    public let temporary: URL
    private let replacement: AtomicReplacement

    /// Creates the destination's folder if needed, checks that files can be made
    /// in it (a read-only disk is refused before a render, not after it), and picks
    /// the temporary file.
    public init(destination: URL) throws {
        self.destination = destination
        let folder = FilePath(destination.deletingLastPathComponent().path)
        try Files.createFolder(folder)
        try Files.checkWritable(folder: folder)
        replacement = AtomicReplacement(destination: FilePath(destination.path))
        temporary = URL(fileURLWithPath: replacement.temporary.string)
    }

    /// Moves the finished file into place in one step (removing it on failure).
    public func commit() throws {
        try replacement.commit()
    }

    /// Removes the temporary file after a failure.
    public func discard() {
        replacement.discard()
    }
}
