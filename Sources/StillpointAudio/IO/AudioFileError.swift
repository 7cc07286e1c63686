import Foundation

/// A failure of one of the audio libraries (or of the file system under them), worded
/// as a sentence a user can act on: what was being done, to which file, and what the
/// library said. `description` is that sentence; the parts stay available so the CLI
/// can format them differently.
public struct AudioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Operation: String, Sendable, Equatable {
        case read, write, seek, tag, resample, measure
    }

    /// What was being attempted, e.g. `.read`.
    public var operation: Operation
    /// The path as the user would recognise it (relative paths stay relative).
    public var path: String
    /// The library's own explanation, e.g. "File contains data in an unknown format."
    public var reason: String
    /// The C call that failed, e.g. `sf_open`; for logs and bug reports.
    public var call: String

    public init(_ operation: Operation, path: String, reason: String, call: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
        self.call = call
    }

    public init(_ operation: Operation, file: URL, reason: String, call: String) {
        self.init(operation, path: file.path, reason: reason, call: call)
    }

    public var description: String {
        let verb: String
        switch operation {
        case .read: verb = "cannot read"
        case .write: verb = "cannot write"
        case .seek: verb = "cannot seek in"
        case .tag: verb = "cannot write tags to"
        case .resample: verb = "cannot resample"
        case .measure: verb = "cannot measure the loudness of"
        }
        let sentence = reason.hasSuffix(".") ? reason : reason + "."
        return "\(verb) \(path): \(sentence)"
    }
}

extension AudioFileError: LocalizedError {
    public var errorDescription: String? { description }
}
