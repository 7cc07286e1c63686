import Foundation

/// A time-spec of a time line, as SBaGen writes it: `hh:mm[:ss]` (a clock time),
/// `NOW`, `+hh:mm[:ss]` (after the last absolute time), or an absolute time
/// followed by any number of `+hh:mm[:ss]` (`NOW+04:00+00:00:20`).
struct TimeSpec: Equatable {
    enum Anchor: Equatable {
        case now
        /// Seconds after midnight.
        case clock(Double)
    }

    /// nil for a purely relative time.
    var anchor: Anchor?
    /// Seconds added to the anchor (or to the last absolute time).
    var offset: Double

    static let day = 24.0 * 3600

    /// Reads a whole token; nil when it is not a time.
    init?(_ token: Substring) {
        var rest = token
        offset = 0
        if rest.uppercased().hasPrefix("NOW") {
            anchor = .now
            rest = rest.dropFirst(3)
        } else if let first = rest.first, first.isNumber {
            let clockText = rest.prefix { $0 != "+" }
            guard let clock = Self.clock(clockText) else { return nil }
            anchor = .clock(clock)
            rest = rest.dropFirst(clockText.count)
        } else {
            anchor = nil
        }
        if anchor == nil, rest.isEmpty { return nil }
        while !rest.isEmpty {
            guard rest.first == "+" else { return nil }
            rest = rest.dropFirst()
            let part = rest.prefix { $0 != "+" }
            guard let seconds = Self.clock(part) else { return nil }
            offset += seconds
            rest = rest.dropFirst(part.count)
        }
    }

    /// `hh:mm` or `hh:mm:ss` (seconds may have a fraction; SBaGen's own files
    /// also write one-digit fields, `+0:0:20`).
    static func clock(_ text: Substring) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            let hours = Int(parts[0]), let minutes = Int(parts[1]), hours >= 0, (0..<60).contains(minutes)
        else { return nil }
        var seconds = 0.0
        if parts.count == 3 {
            guard let s = Double(parts[2]), (0..<60).contains(s), parts[2].allSatisfy({ $0.isNumber || $0 == "." })
            else { return nil }
            seconds = s
        }
        return Double(hours * 3600 + minutes * 60) + seconds
    }
}
