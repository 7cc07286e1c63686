import Foundation

/// One length of a script written in several (`versions: 10m, 20m, 30m`, or
/// `render --length 20m`): what names its file and titles its track.
public struct TrackVersion: Sendable, Equatable {
    /// `10m`, `1h30m`, `45s`: the length as the format writes durations, for the
    /// output's name (`sitting.10m.flac`) and the build record.
    public var label: String
    public var seconds: Double

    public init(seconds: Double) {
        self.seconds = seconds
        label = lengthLabel(seconds)
    }

    /// The title of this version: `version-title` with `{title}` and `{minutes}`
    /// filled in (by default `Sitting (10 min)`).
    func title(_ template: String, base: String) -> String {
        template.replacingOccurrences(of: "{title}", with: base)
            .replacingOccurrences(of: "{minutes}", with: format((seconds / 60 * 1000).rounded() / 1000))
    }
}

/// How a version is titled when `version-title` is not set.
let defaultVersionTitle = "{title} ({minutes} min)"

/// A duration in the script's own units, largest first: `10m`, `1h5m`, `1m30s`,
/// `2.5s`; never empty (`0s`).
func lengthLabel(_ seconds: Double) -> String {
    let millis = Int64((seconds * 1000).rounded())
    let hours = millis / 3_600_000, minutes = millis / 60_000 % 60, rest = millis % 60_000
    var label = ""
    if hours > 0 { label += "\(hours)h" }
    if minutes > 0 { label += "\(minutes)m" }
    if rest > 0 || label.isEmpty { label += format(Double(rest) / 1000) + "s" }
    return label
}
