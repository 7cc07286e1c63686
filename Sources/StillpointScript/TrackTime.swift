/// Reads a moment on the track as written on the command line (`--from 5:00`,
/// `--to 90s`): a time (`m:ss`, `h:mm:ss`, optional fraction) or a duration from
/// the start (`1m30s`), in the script's own syntax. Returns the seconds, or a
/// sentence saying how to write it.
public func trackTime(_ text: String) -> Result<Double, TrackTimeError> {
    let line = Lexer.lex(text, number: 1)
    guard line.problems.isEmpty, line.tokens.count >= 1 else {
        return .failure(TrackTimeError(text: text))
    }
    var cursor = LineCursor(line.tokens, endColumn: line.endColumn, line: 1)
    do {
        let value = try cursor.moment()
        return cursor.atEnd ? .success(value.seconds) : .failure(TrackTimeError(text: text))
    } catch {
        return .failure(TrackTimeError(text: text, problem: error.problem))
    }
}

/// Why a command-line time was not read: the script problem the same text would
/// have in a script, worded by it, and how to write a time.
public struct TrackTimeError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var problem: ScriptProblem

    public init(text: String, problem: ScriptProblem? = nil) {
        self.text = text
        self.problem = problem ?? .notATrackTime(text)
    }

    public var description: String {
        problem.message + "; write m:ss, h:mm:ss or a duration such as 90s or 1m30s"
    }
}
