import Foundation
import StillpointScript

/// A chapter as written into a file: its title and where it starts, in seconds.
public struct ChapterMark: Sendable, Equatable {
    public var title: String
    public var seconds: Double

    public init(title: String, seconds: Double) {
        self.title = title
        self.seconds = seconds
    }

    /// The timeline's chapters in seconds of a track at `rate`.
    public static func marks(_ chapters: [Chapter], rate: Int) -> [ChapterMark] {
        chapters.map { ChapterMark(title: $0.title, seconds: Double($0.start) / Double(rate)) }
    }
}

/// The Vorbis comment chapter convention (FLAC, Ogg Vorbis, Opus):
/// `CHAPTER001=00:01:30.250` and `CHAPTER001NAME=Breath`, numbered from 001.
enum VorbisChapterComments {
    static func comments(for chapters: [ChapterMark]) -> [(name: String, value: String)] {
        chapters.enumerated().flatMap { index, chapter in
            let key = "CHAPTER" + String(format: "%03d", index + 1)
            return [(key, TimeFormat.timestamp.string(chapter.seconds)), (key + "NAME", chapter.title)]
        }
    }

    /// Whether a comment field belongs to the chapter convention (so it is replaced).
    static func isChapterField(_ name: String) -> Bool {
        name.uppercased().hasPrefix("CHAPTER")
    }

    /// Chapters found in comments, in number order; entries without a valid time are skipped.
    static func chapters(in comments: [(name: String, value: String)]) -> [ChapterMark] {
        var times: [Int: Double] = [:], names: [Int: String] = [:]
        for (name, value) in comments {
            let upper = name.uppercased()
            guard upper.hasPrefix("CHAPTER") else { continue }
            let rest = upper.dropFirst("CHAPTER".count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits) else { continue }
            if rest.dropFirst(digits.count) == "NAME" {
                names[number] = value
            } else if rest.count == digits.count, let seconds = parseTimestamp(value) {
                times[number] = seconds
            }
        }
        return times.keys.sorted().map { ChapterMark(title: names[$0] ?? "", seconds: times[$0] ?? 0) }
    }

    static func parseTimestamp(_ text: String) -> Double? {
        let parts = text.split(separator: ":")
        guard parts.count == 3, let h = Double(parts[0]), let m = Double(parts[1]), let s = Double(parts[2]) else {
            return nil
        }
        return h * 3600 + m * 60 + s
    }
}
