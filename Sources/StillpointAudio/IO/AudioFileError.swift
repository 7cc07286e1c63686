import Foundation
import StillpointScript

/// A failure of one of the audio libraries (or of the file system under them): what
/// was being done, to which file, and why, as a plain sentence a user can act on.
/// The library's own report (libsndfile's error number and raw text) stays in
/// `cause`, for debugging and bug reports, and is never printed as the message.
public struct AudioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Operation: String, Sendable, Equatable {
        case read, write, seek, tag, resample, measure
    }

    /// What the C library said, typed.
    public enum Cause: Sendable, Equatable {
        /// `sf_error()`'s number and `sf_strerror()`'s text, such as
        /// `Error : flac decoder lost sync.`
        case libsndfile(code: Int32, text: String)
    }

    /// What was being attempted, e.g. `.read`.
    public var operation: Operation
    /// The file as given (absolute for a URL); shown relative to the current
    /// folder when inside it.
    public var path: String
    /// Why, as a plain sentence: "the FLAC data is damaged (it lost sync)".
    public var reason: String
    /// The C call that failed, e.g. `sf_open`; for logs and bug reports.
    public var call: String
    public var cause: Cause?

    public init(_ operation: Operation, path: String, reason: String, call: String, cause: Cause? = nil) {
        self.operation = operation
        self.path = path
        self.reason = reason
        self.call = call
        self.cause = cause
    }

    public init(_ operation: Operation, file: URL, reason: String, call: String, cause: Cause? = nil) {
        self.init(operation, path: file.path, reason: reason, call: call, cause: cause)
    }

    /// libsndfile's failure, its raw text turned into a sentence and kept as the cause.
    public init(_ operation: Operation, file: URL, sndfile code: Int32, text: String, call: String) {
        self.init(
            operation, file: file, reason: SndfileMessage.sentence(code: code, text: text), call: call,
            cause: .libsndfile(code: code, text: text))
    }

    public var description: String { message }
}

extension AudioFileError: DiagnosticMessage, DiagnosticConvertible {
    /// "cannot read clips/x.flac: the FLAC data is damaged (it lost sync)".
    public var message: String {
        let verb: String
        switch operation {
        case .read: verb = "cannot read"
        case .write: verb = "cannot write"
        case .seek: verb = "cannot seek in"
        case .tag: verb = "cannot write tags to"
        case .resample: verb = "cannot resample"
        case .measure: verb = "cannot measure the loudness of"
        }
        let shown = path.hasPrefix("/") ? userPath(URL(fileURLWithPath: path)) : path
        let sentence = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        return "\(verb) \(shown): \(sentence)"
    }

    public var hints: [Hint] {
        operation == .read && cause != nil ? [.text("export the recording again from your recording program")] : []
    }
}

extension AudioFileError: LocalizedError {
    public var errorDescription: String? { description }
}
