import Foundation

/// One problem found in a script. Errors are data: the parser and the resolver
/// collect every problem they can, and text is made in one place
/// (`DiagnosticFormatter`), so the CLI, tests and editors all see the same thing.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Advice shown under the caret: did-you-mean, the folder searched, a limit.
    public var hints: [String]
    /// Where the file holding `location` was included from, innermost first.
    public var notes: [DiagnosticNote]
    /// The text of the line at `location` (without its line end), so that the
    /// formatter can quote it without reading the file again; nil when unknown.
    public var sourceLine: String?

    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String,
        hints: [String] = [], notes: [DiagnosticNote] = [], sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hints = hints
        self.notes = notes
        self.sourceLine = sourceLine
    }

    public var isError: Bool { severity == .error }

    /// `path:line:col: error: message`, the first line of the formatted text.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
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
