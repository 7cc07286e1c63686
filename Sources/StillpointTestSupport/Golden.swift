import Foundation
import Testing

/// The one way a test compares output with a stored golden file.
///
/// Run with `STILLPOINT_UPDATE_GOLDENS=1` to rewrite the goldens after a deliberate
/// change: each one is written AND the test fails, saying so, so that a run that
/// records can never pass for a run that checks. Read the diff, then run again
/// without the variable.
public enum Golden {
    /// Whether this run records goldens instead of checking them.
    public static var recording: Bool {
        ProcessInfo.processInfo.environment["STILLPOINT_UPDATE_GOLDENS"] == "1"
    }

    /// Expects `actual` to equal the text of `file`, or records it there (and fails).
    public static func check(_ actual: String, against file: URL, recording: Bool = Golden.recording,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        if recording {
            do {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: file, options: .atomic)
                Issue.record(
                    "recorded \(file.path); run again without STILLPOINT_UPDATE_GOLDENS to check it",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "no golden at \(file.path); run with STILLPOINT_UPDATE_GOLDENS=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record(
                "differs from \(file.path) (STILLPOINT_UPDATE_GOLDENS=1 rewrites it):\n\(firstDifference(expected, actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// The first line where the two texts part, numbered from 1, for a readable failure.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let show = { (lines: [Substring]) in line < lines.count ? "`\(lines[line])`" : "(end of text)" }
        return "line \(line + 1): golden \(show(old)), now \(show(new))"
    }
}
