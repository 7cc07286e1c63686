import ArgumentParser
import Foundation
import StillpointScript

/// Everything the tool prints to standard error goes through here: diagnostics
/// (coloured only on a terminal, and never when NO_COLOR is set), notes, and the
/// progress line that is shown only on a terminal.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) != 0
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    static let colour = isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    private static let lock = NSLock()

    /// Writes `text` and a newline to standard error in one piece, so lines from
    /// parallel renders do not interleave.
    static func say(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if isInteractive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        say(format(diagnostics))
    }

    /// Diagnostics as printed; one made past the parser (a render failure at a
    /// cue) gets its script line quoted here, from the file.
    static func format(_ diagnostics: [Diagnostic], colour: Bool = colour) -> String {
        DiagnosticFormatter(colour: colour).format(diagnostics.map { $0.quotingSource() })
            .trimmingCharacters(in: .newlines)
    }

    /// Where every error the tool ends with goes (`Stillpoint.main`). One that
    /// can be a diagnostic (a script's, a render's, a build's, the command's own)
    /// prints through the formatter like any script problem and ends with status
    /// 1; the rest are argument-parser's own (a usage mistake, `--help`, an
    /// `ExitCode` after the diagnostics were printed), which it prints and ends.
    static func fail(_ error: any Error) -> Never {
        endProgress()
        if let convertible = error as? any DiagnosticConvertible {
            report(convertible.diagnostics)
            Stillpoint.exit(withError: ExitCode.failure)
        }
        Stillpoint.exit(withError: error)
    }

    /// Rewrites the progress line (a terminal only).
    static func progress(_ text: String) {
        guard isInteractive else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    static func endProgress() {
        guard isInteractive else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// A path as the user would type it: relative to the current folder when inside it.
    static func path(_ url: URL) -> String {
        userPath(url)
    }

    /// "1 error", "2 warnings".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
