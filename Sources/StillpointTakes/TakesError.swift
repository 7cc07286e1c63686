import Foundation
import StillpointFiles
import StillpointScript

/// What stops `stillpoint takes`: a take that is not there or not audio, a clip
/// that cannot be written. Each names the file and says what to do; the CLI
/// prints it through the one diagnostics pipeline (`error: …` with its hints),
/// like every other failure. Every take is opened before a clip is cut, so a bad
/// take leaves every clips folder as it was.
public enum TakesError: Error, Sendable, Equatable {
    /// A take named on the command line is missing (or is a folder).
    case noSuchTake(String)
    /// libsndfile (or ffmpeg, for a phone's format) cannot read the take; `reason` is theirs.
    case notAudio(take: String, reason: String)
    /// A phone's format, and no ffmpeg to decode it.
    case needsFFmpeg(take: String)
    /// A clip, or the move of an old one into `.replaced/`, failed; nothing half-written is left.
    case cannotWrite(path: String, reason: String)

    /// A failed file-layer call, as a write failure naming its own path.
    static func writing(_ error: FileError) -> TakesError {
        .cannotWrite(path: error.path.string, reason: error.reason)
    }
}

extension TakesError: DiagnosticMessage, DiagnosticConvertible, CustomStringConvertible {
    public var message: String {
        switch self {
        case .noSuchTake(let take): "\(take): no such file"
        case .notAudio(let take, _): "\(take): not a recording Stillpoint can read"
        case .needsFFmpeg(let take): "\(take): reading this kind of file needs ffmpeg, which is not installed"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }

    public var hints: [Hint] {
        switch self {
        case .noSuchTake: [.text("check the spelling, and the folder you are in")]
        case .notAudio(_, let reason):
            [.text(reason), .text("a take is a WAV, FLAC, Ogg, Opus, MP3 or AIFF file, or a phone's .m4a with ffmpeg installed")]
        case .needsFFmpeg:
            [.text("install ffmpeg (scripts/setup.sh does), or convert the file to WAV or FLAC with another program")]
        case .cannotWrite: [.text("check that the clips folder is writable and the disk not full")]
        }
    }

    public var description: String { message }
}
