import Foundation

/// What stops a whole build before any track is looked at. A failing track is not
/// one of these: it is reported in `BuildReport.failed` and the others go on.
public enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    case libraryNotFound(URL)
    /// Another build holds the lock file of this output folder.
    case locked(lockFile: URL)
    /// The output folder, its lock or its record cannot be created or written.
    case outputNotWritable(URL, reason: String)

    public var description: String {
        switch self {
        case .libraryNotFound(let url):
            "the library folder \(url.path) does not exist or is not a folder"
        case .locked(let lockFile):
            "another build of this output folder is running (\(lockFile.path) is locked); "
                + "wait for it to finish and build again"
        case .outputNotWritable(let url, let reason):
            "cannot write \(url.path): \(reason)"
        }
    }
}
