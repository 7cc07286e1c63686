import Foundation

/// Renders diagnostics the way the format page promises, script problems and
/// render or build failures alike:
///
///     path:line:col: error: message
///         say welcom "Welcome."
///             ^
///       hint: did you mean `welcome`?
///     main.session:4:1: note: included from here
///
/// A failure that belongs to no line prints as `error: message` and its hints.
/// Tabs in the quoted line are expanded to the next multiple of 4 so that the
/// caret, placed by the column (which counts tabs the same way), lines up.
public struct DiagnosticFormatter: Sendable {
    /// ANSI colour; the CLI turns it on only when standard error is a terminal.
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// A quoted line longer than this is cut here (or 20 characters past the
    /// caret, if that is further) and ends in `…`: a 50,000-byte tag would
    /// otherwise fill the terminal with one line.
    static let quotedWidth = 100

    public func format(_ diagnostic: Diagnostic) -> String {
        let label = diagnostic.severity.rawValue + ":"
        let paint = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
        let place = diagnostic.location.map { "\(Self.visible($0.description)): " } ?? ""
        var lines = ["\(place)\(styled(label, paint)) " + styled(Self.visible(diagnostic.message), "\u{1B}[1m")]
        if let source = diagnostic.sourceLine, let location = diagnostic.location {
            var expanded = Array(SourceText.expandTabs(source))
            if expanded.count > Self.quotedWidth {
                expanded = Array(expanded.prefix(max(Self.quotedWidth, location.column + 20))) + ["…"]
            }
            lines.append("    " + Self.visible(String(expanded)))
            // The caret goes under the spot as printed, escapes included.
            let before = String(expanded.prefix(max(0, location.column - 1)))
            let pad = String(repeating: " ", count: Self.visible(before).count)
            lines.append("    " + pad + styled("^", "\u{1B}[1;32m"))
        }
        for hint in diagnostic.hints {
            lines.append("  " + styled("hint:", "\u{1B}[1;36m") + " " + Self.visible(hint))
        }
        for note in diagnostic.notes {
            lines.append("\(Self.visible(note.location.description)): \(styled("note:", "\u{1B}[1;90m")) \(Self.visible(note.message))")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with control and invisible format characters written as `\u{1B}`:
    /// a script's bytes are never sent raw to the terminal, where an escape
    /// sequence could recolour, move the cursor or retitle the window, and an
    /// invisible character would hide the very problem being reported.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// Every diagnostic, each followed by a newline.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { format($0) + "\n" }.joined()
    }

    private func styled(_ text: String, _ code: String) -> String {
        colour ? code + text + "\u{1B}[0m" : text
    }
}
