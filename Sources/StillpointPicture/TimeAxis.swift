import Foundation

/// Where a moment of the track falls across the picture, and which moments get a
/// tick. The picture's width grows with the track up to a printable page and then
/// stays, so an hour or twelve are squeezed rather than scrolled; the tick step is
/// the smallest round step whose labels cannot touch at that scale.
struct TimeAxis: Sendable {
    /// Left edge of the plot, and its width, in SVG units (px).
    let left: Double
    let width: Double
    /// The span shown, in seconds (the track's length; at least one second).
    let seconds: Double

    /// Round steps a practitioner reads at a glance: seconds, then minutes, then hours.
    static let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800]
    /// Space a tick label needs (`10:00:00` at 11 px, with room on each side).
    static let tickSpacing = 72.0
    /// How wide a short track is drawn per second, before the width stops growing.
    static let pixelsPerSecond = 8.0
    static let widthRange = 880.0...2200.0

    init(seconds: Double, left: Double) {
        self.left = left
        self.seconds = max(seconds, 1)
        width = min(max(self.seconds * Self.pixelsPerSecond, Self.widthRange.lowerBound), Self.widthRange.upperBound)
    }

    func x(_ seconds: Double) -> Double { left + seconds / self.seconds * width }

    var right: Double { left + width }

    /// Seconds between ticks: the first round step at least `tickSpacing` wide.
    var step: Double {
        let perSecond = width / seconds
        return Self.steps.first { $0 * perSecond >= Self.tickSpacing } ?? (seconds / 4).rounded(.up)
    }

    /// Every tick from 0 up to the end of the track.
    var ticks: [Double] {
        let step = step
        return (0...Int((seconds / step).rounded(.down))).map { Double($0) * step }
    }

    /// A tick label: `m:ss` under an hour, `h:mm:ss` from an hour on.
    func label(_ t: Double) -> String {
        let total = Int(t.rounded())
        if seconds >= 3600 {
            return String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
        }
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}

/// A moment as a title shows it: `m:ss.s`, or `h:mm:ss.s` from an hour on.
func clockText(_ seconds: Double) -> String {
    let tenths = Int((seconds * 10).rounded())
    let h = tenths / 36000, m = tenths / 600 % 60, s = tenths / 10 % 60, f = tenths % 10
    return h > 0 ? String(format: "%d:%02d:%02d.%d", h, m, s, f) : String(format: "%d:%02d.%d", m, s, f)
}
