import Foundation
import StillpointScript

/// Why a render failed, worded for the practitioner who has to act on it.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(String, reason: String)
    /// A recording a cue uses could not be read; `location` is the cue.
    case unreadableAudio(file: String, location: SourceLocation, reason: String)
    case invalidRange(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .unreadableAudio(let file, let location, let reason):
            "\(location): error: cannot use \(file): \(reason)"
        case .invalidRange(let message):
            message
        }
    }
}
