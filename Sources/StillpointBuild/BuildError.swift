import Foundation
import StillpointScript

/// What stops a whole build before any track is looked at, or a track after it
/// was rendered. A script with errors is not one of these: its diagnostics are
/// reported in `BuildReport.failed` and the other tracks go on.
public enum BuildError: Error, Sendable, Equatable {
    case libraryNotFound(URL)
    /// Another build holds the lock file of this output folder.
    case locked(lockFile: URL)
    /// The output folder, its lock or its record cannot be created or written.
    case outputNotWritable(URL, reason: String)
    /// The track was rendered but the build record could not be updated; `reason`
    /// is the record's own failure, worded.
    case notRecorded(reason: String)
}

extension BuildError: DiagnosticMessage, DiagnosticConvertible, CustomStringConvertible {
    public var message: String {
        switch self {
        case .libraryNotFound(let url):
            "the library folder \(url.path) does not exist or is not a folder"
        case .locked(let lockFile):
            "another build of this output folder is running (\(lockFile.path) is locked); "
                + "wait for it to finish and build again"
        case .outputNotWritable(let url, let reason):
            "cannot write \(url.path): \(reason)"
        case .notRecorded(let reason):
            "rendered, but not recorded: \(reason)"
        }
    }

    public var hints: [Hint] {
        if case .notRecorded = self { [.text("the next build renders this track again")] } else { [] }
    }

    public var description: String { message }
}

/// A file the build could not hash prints as one located-nowhere error.
extension HashingError: DiagnosticMessage, DiagnosticConvertible {
    public var message: String { description }
    public var hints: [Hint] { [] }
}
