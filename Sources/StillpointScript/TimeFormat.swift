import Foundation

/// Every time the tool writes for a person or a player, in one place, so a length
/// in a message, a row of `stillpoint timeline`, a subtitle cue and a chapter
/// comment can never disagree on rounding. (Reading times is `trackTime(_:)` and
/// the script's own syntax.)
public enum TimeFormat: Sendable, CaseIterable {
    /// `m:ss` or `h:mm:ss`, to the nearest second: a track's length as a
    /// practitioner reads it (`4:05`, `1:02:00`).
    case clock
    /// `m:ss` or `h:mm:ss`, with `.mmm` only when the time is not a whole second:
    /// a time in a message, exact and as a script would write it (`0:04.250`).
    case exact
    /// `h:mm:ss.mmm`, always every field, so the timeline's columns line up.
    case column
    /// `hh:mm:ss.mmm`, as WebVTT cues and the Vorbis `CHAPTERnnn` convention
    /// require; a time before 0 is written as 0.
    case timestamp
    /// `4.5 s`: an elapsed (wall-clock) time, to a tenth of a second.
    case seconds

    /// `seconds` written in this format.
    public func string(_ seconds: Double) -> String {
        switch self {
        case .clock:
            let total = Int(seconds.rounded())
            let h = total / 3600, m = total / 60 % 60, s = total % 60
            return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
        case .exact:
            let (h, m, s, ms) = Self.fields(seconds)
            let fraction = ms == 0 ? "" : String(format: ".%03lld", ms)
            return (h > 0 ? String(format: "%lld:%02lld:%02lld", h, m, s) : String(format: "%lld:%02lld", m, s))
                + fraction
        case .column:
            let (h, m, s, ms) = Self.fields(seconds)
            return String(format: "%lld:%02lld:%02lld.%03lld", h, m, s, ms)
        case .timestamp:
            let (h, m, s, ms) = Self.fields(max(seconds, 0))
            return String(format: "%02lld:%02lld:%02lld.%03lld", h, m, s, ms)
        case .seconds:
            return String(format: "%.1f s", seconds)
        }
    }

    /// Hours, minutes, seconds and milliseconds of `seconds` rounded to the millisecond.
    private static func fields(_ seconds: Double) -> (Int64, Int64, Int64, Int64) {
        let millis = Int64((seconds * 1000).rounded())
        return (millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000)
    }
}
