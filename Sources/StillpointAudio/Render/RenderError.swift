import Foundation
import StillpointScript

/// Why a render failed, worded for the practitioner who has to act on it, and
/// printed by the CLI through the same formatter as a script's problems.
public enum RenderError: Error, Sendable {
    case cannotWrite(String, reason: String)
    /// A recording a cue uses could not be read; `location` is the cue, so the
    /// message points at the script line (`a.session:2:1: error: cannot read …`).
    case unreadableAudio(AudioFileError, at: SourceLocation)
    /// `--from`/`--to` outside the track, or empty; `seconds` is the track's length.
    case excerptOutsideTrack(seconds: Double)
}

extension RenderError: DiagnosticMessage, DiagnosticConvertible, CustomStringConvertible {
    public var message: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "cannot write \(path.hasPrefix("/") ? userPath(URL(fileURLWithPath: path)) : path): \(reason)"
        case .unreadableAudio(let error, _):
            error.message
        case .excerptOutsideTrack(let seconds):
            "the excerpt must lie inside the track (0 to \(seconds) s) and not be empty"
        }
    }

    public var hints: [Hint] {
        if case .unreadableAudio(let error, _) = self { error.hints } else { [] }
    }

    public var diagnostics: [Diagnostic] {
        if case .unreadableAudio(let error, let location) = self { return [Diagnostic(.error, at: location, error)] }
        return [Diagnostic(.error, self)]
    }

    /// The first line as printed, for logs and test failures.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
