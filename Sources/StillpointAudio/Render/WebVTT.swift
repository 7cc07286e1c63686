import Foundation
import StillpointScript

/// Subtitles for a track (`--subtitles`): one cue per `say` with its transcript, and
/// each chapter as a `NOTE` line before the first cue at or after it, so a player
/// shows the words and an editor sees the structure.
public enum WebVTT {
    /// The WebVTT text of `timeline`: only the cues that overlap `range` (a
    /// `--from/--to` excerpt), with times counted from its start.
    public static func text(for timeline: Timeline, range: Range<Int64>? = nil) -> String {
        let rate = Double(timeline.rate)
        let span = range ?? 0..<timeline.length
        let origin = span.lowerBound
        var out = "WEBVTT\n"
        if let title = timeline.tags.title { out += "\nNOTE \(cueText(title))\n" }
        var chapters = timeline.chapters.filter { span.contains($0.start) }[...]
        var index = 0
        for event in timeline.events where event.kind == .say && event.start < span.upperBound && event.end > span.lowerBound {
            while let chapter = chapters.first, chapter.start <= event.start {
                out += "\nNOTE Chapter: \(cueText(chapter.title)) (\(timestamp(chapter.start - origin, rate)))\n"
                chapters = chapters.dropFirst()
            }
            index += 1
            let start = max(event.start, span.lowerBound) - origin
            let end = min(event.end, span.upperBound) - origin
            out += "\n\(index)\n\(timestamp(start, rate)) --> \(timestamp(end, rate))\n\(cueText(event.text ?? event.name ?? ""))\n"
        }
        for chapter in chapters {
            out += "\nNOTE Chapter: \(cueText(chapter.title)) (\(timestamp(chapter.start - origin, rate)))\n"
        }
        return out
    }

    /// Words as cue text (and titles in `NOTE`s, the same way): `&`, `<` and `>`
    /// escaped (WebVTT reads `<…>` as cue markup, and a published transcript is
    /// read by browsers), a line break as a space (a blank line would end the
    /// cue), and `-->` as an arrow.
    static func cueText(_ words: String) -> String {
        words.replacingOccurrences(of: "-->", with: "→").replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// `hh:mm:ss.mmm`, as WebVTT requires.
    static func timestamp(_ frames: Int64, _ rate: Double) -> String {
        TimeFormat.timestamp.string(Double(frames) / rate)
    }
}
