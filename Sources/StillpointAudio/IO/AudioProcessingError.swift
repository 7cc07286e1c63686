import StillpointScript

/// A failure of resampling or metering on a buffer (no file involved). Callers that
/// know which file the audio came from wrap it into an `AudioFileError`; one that
/// reaches the CLI unwrapped (metering the mix) still prints as one sentence.
public struct AudioProcessingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C call that failed, e.g. `soxr_oneshot`.
    public var call: String
    public var reason: String

    public init(call: String, reason: String) {
        self.call = call
        self.reason = reason
    }

    public var description: String { "\(call): \(reason)" }
}

extension AudioProcessingError: DiagnosticMessage, DiagnosticConvertible {
    public var message: String { "cannot process the audio: \(reason)" }
    public var hints: [Hint] { [] }
}
