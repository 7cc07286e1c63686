import Foundation

/// A problem worded for the practitioner: a one-line message and typed hints.
/// `ScriptProblem` is one; so is every error type past the parser (a recording
/// that fails to decode, an output folder that cannot be written), so that all of
/// them print through the one `DiagnosticFormatter`.
public protocol DiagnosticMessage: Sendable {
    /// What is wrong, one line, lower case, no full stop, no `error:` prefix.
    var message: String { get }
    var hints: [Hint] { get }
}

/// An error that knows how to be shown as diagnostics. The CLI prints every
/// thrown error through `Diagnostic.describing(_:)`, which asks this first.
///
/// A type that is itself a `DiagnosticMessage` gets `diagnostics` for free (one
/// error without a location); one that knows a script location (a render failure
/// at the cue that uses a recording) says so by implementing it.
public protocol DiagnosticConvertible: Error {
    var diagnostics: [Diagnostic] { get }
}

extension DiagnosticConvertible where Self: DiagnosticMessage {
    public var diagnostics: [Diagnostic] { [Diagnostic(.error, self)] }
}

/// One problem found in a script, or met past it. Errors are data: the parser and
/// the resolver collect every problem they can, and text is made in one place
/// (`DiagnosticFormatter`), so the CLI, tests and editors all see the same thing.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public var severity: Severity
    /// The spot in a script; nil for a failure that belongs to no line (a lock
    /// held, a folder that cannot be written), printed as `error: message`.
    public var location: SourceLocation?
    /// What went wrong, typed: a `ScriptProblem`, or the error that was thrown
    /// (such as an `AudioFileError`, with its library's code and raw text).
    public var problem: any DiagnosticMessage
    /// Where the file holding `location` was included from, innermost first.
    public var notes: [DiagnosticNote]
    /// The text of the line at `location` (without its line end), so that the
    /// formatter can quote it without reading the file again; nil when unknown.
    public var sourceLine: String?

    public init(
        _ severity: Severity, at location: SourceLocation? = nil, _ problem: any DiagnosticMessage,
        notes: [DiagnosticNote] = [], sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.problem = problem
        self.notes = notes
        self.sourceLine = sourceLine
    }

    /// A script problem, with the severity its wording gives it.
    public init(
        at location: SourceLocation, _ problem: ScriptProblem, notes: [DiagnosticNote] = [], sourceLine: String? = nil
    ) {
        self.init(problem.severity, at: location, problem, notes: notes, sourceLine: sourceLine)
    }

    public var message: String { problem.message }
    /// The hints as printed, for JSON and tests; `problem.hints` has them typed.
    public var hints: [String] { problem.hints.map(\.text) }
    public var scriptProblem: ScriptProblem? { problem as? ScriptProblem }
    public var isError: Bool { severity == .error }

    /// `path:line:col: error: message`, the first line of the formatted text.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }

    /// Compares what is printed (the problem's words), since `problem` is any type.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.location == b.location && a.message == b.message
            && a.problem.hints == b.problem.hints && a.notes == b.notes && a.sourceLine == b.sourceLine
    }

    /// The diagnostics for any thrown error: its own when it is `DiagnosticConvertible`,
    /// else one location-less error worded from its description (a failure no one
    /// anticipated still prints once, with one `error:`).
    public static func describing(_ error: any Error) -> [Diagnostic] {
        if let convertible = error as? any DiagnosticConvertible { return convertible.diagnostics }
        return [Diagnostic(.error, UnforeseenFailure(text: String(describing: error)))]
    }

    /// This diagnostic with its source line quoted from the file at `location`,
    /// for one made past the parser (a render failure knows the cue's location but
    /// not its text). The path is read as shown, relative to the current folder.
    public func quotingSource() -> Diagnostic {
        // A library.defaults that links outside the library is never read, not even to quote it.
        if case .defaultsOutsideRoot? = scriptProblem { return self }
        guard sourceLine == nil, let location,
            let data = FileManager.default.contents(atPath: location.file)
        else { return self }
        var quoted = self
        quoted.sourceLine = SourceText(decoding: data, path: location.file).line(location.line)
        return quoted
    }
}

/// An error of a type that is not `DiagnosticConvertible`: its description, as is.
struct UnforeseenFailure: DiagnosticMessage {
    var text: String
    var message: String { text }
    var hints: [Hint] { [] }
}

/// A secondary spot attached to a diagnostic, such as "included from here".
public struct DiagnosticNote: Sendable, Equatable {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }
}

/// A path as the user would type it: relative to the current folder when inside
/// it, else absolute. Every message naming a file the user did not type (a clip
/// found in the clips folder, an output) shows it this way.
public func userPath(_ url: URL) -> String {
    let folder = FileManager.default.currentDirectoryPath
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}
