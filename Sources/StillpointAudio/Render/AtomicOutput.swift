import Foundation

/// Where a render writes while it works: a hidden temporary file beside the target,
/// renamed over it only when complete and closed, so a failed or killed render
/// leaves the earlier track as it was. The leading `.` and the `.tmp`
/// part let a later build recognise and remove leftovers of a killed render.
public struct AtomicOutput: Sendable {
    public let destination: URL
    public let temporary: URL

    public static let temporaryMarker = ".tmp"

    public init(destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RenderError.cannotWrite(destination.path, reason: "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        // The extension stays last so that libsndfile and readers see the real format.
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        temporary = folder.appendingPathComponent(
            ".\(destination.deletingPathExtension().lastPathComponent)\(Self.temporaryMarker)-\(unique).\(destination.pathExtension)")
        TemporaryFiles.register(temporary)
    }

    /// Moves the finished file into place in one step.
    public func commit() throws {
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw RenderError.cannotWrite(destination.path, reason: reason)
        }
        TemporaryFiles.forget(temporary)
    }

    /// Removes the temporary file after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: temporary)
        TemporaryFiles.forget(temporary)
    }
}
