import Foundation
import StillpointAudio

/// The Podcasting 2.0 JSON chapters file (`podcast:chapters`, version 1.2):
/// the same chapters as inside the audio, with `startTime` in seconds rounded
/// to the millisecond exactly as the audio's own chapter marks are, so a player
/// reading either lands on the same spot.
enum ChaptersJSON {
    struct File: Encodable {
        var version = "1.2.0"
        var chapters: [Entry]
    }

    struct Entry: Encodable {
        var startTime: Double
        var title: String
    }

    static func data(for chapters: [ChapterMark]) -> Data {
        let file = File(chapters: chapters.map { Entry(startTime: milliseconds($0.seconds), title: $0.title) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(file)) ?? Data()) + Data("\n".utf8)
    }

    /// Seconds rounded to the millisecond, as `VorbisChapterComments` and the ID3
    /// `CHAP` frames round them.
    static func milliseconds(_ seconds: Double) -> Double {
        (max(seconds, 0) * 1000).rounded() / 1000
    }
}
