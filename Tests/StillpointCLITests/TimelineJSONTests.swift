import Foundation
import StillpointTestSupport
import Testing

/// `timeline --json` as an editor or a script reads it: one JSON object of the
/// shape in cli.md, frames the truth and seconds frames / rate.
struct TimelineJSONTests {
    /// Every kind of event, with chapters, a stopped bed and a fixed end.
    static let script = """
        format: wav
        sound bowl = bell 400 Hz decay 2s
        bed hum = drone 110 Hz level -40 dB fade 1s
        chapter Start
        play bowl
        say welcome "Hello."
        pause 1s
        breathe in 1s out 1s times 2
        tone sine 300 Hz for 1s
        stop hum fade 1s
        chapter End
        say welcome "Again."
        end +1s

        """

    struct Expected: Equatable, CustomStringConvertible {
        var kind: String, name: String?, text: String?, startFrame: Int, endFrame: Int, line: Int
        var description: String { "\(kind) \(name ?? "-") \(startFrame)..<\(endFrame) line \(line)" }
    }

    @Test func theJSONHasTheDocumentedShapeAndTimes() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav", seconds: 0.5)
        try space.write("a.session", Self.script)
        let result = try await space.run("timeline", "--json", "a.session")
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])

        #expect(object["script"] as? String == "a.session")
        #expect(object["rate"] as? Int == 48000)
        #expect(object["channels"] as? Int == 2)
        let length = try #require(object["length"] as? [String: Any])
        #expect(length["frames"] as? Int == 360_000)
        #expect(length["seconds"] as? Double == 7.5)

        let events = try #require(object["events"] as? [[String: Any]])
        let seen = events.map {
            Expected(kind: $0["kind"] as? String ?? "?", name: $0["name"] as? String, text: $0["text"] as? String,
                     startFrame: $0["startFrame"] as? Int ?? -1, endFrame: $0["endFrame"] as? Int ?? -1,
                     line: $0["line"] as? Int ?? -1)
        }
        #expect(seen == [
            Expected(kind: "bed", name: "hum", text: nil, startFrame: 0, endFrame: 312_000, line: 3),
            Expected(kind: "play", name: "bowl", text: nil, startFrame: 0, endFrame: 96_000, line: 5),
            Expected(kind: "say", name: "welcome", text: "Hello.", startFrame: 0, endFrame: 24_000, line: 6),
            Expected(kind: "pause", name: nil, text: nil, startFrame: 24_000, endFrame: 72_000, line: 7),
            Expected(kind: "breathe", name: nil, text: nil, startFrame: 72_000, endFrame: 264_000, line: 8),
            Expected(kind: "tone", name: nil, text: nil, startFrame: 264_000, endFrame: 312_000, line: 9),
            Expected(kind: "say", name: "welcome", text: "Again.", startFrame: 264_000, endFrame: 288_000, line: 12),
        ])
        for event in events {
            let start = try #require(event["startFrame"] as? Int), end = try #require(event["endFrame"] as? Int)
            #expect(event["start"] as? Double == Double(start) / 48000)
            #expect(event["end"] as? Double == Double(end) / 48000)
            #expect(event["file"] as? String == "a.session")
        }

        let chapters = try #require(object["chapters"] as? [[String: Any]])
        #expect(chapters.map { $0["title"] as? String } == ["Start", "End"])
        #expect(chapters.map { $0["start"] as? Double } == [0.0, 5.5])
    }

    /// Events from an included file name that file and its line.
    @Test func eventsOfAnIncludedFileNameTheirOwnFile() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav", seconds: 0.5)
        try space.write("a.session", "pause 1s\ninclude parts/open.session\n")
        try space.write("parts/open.session", "# the opening\nsay welcome\n")
        let result = try await space.run("timeline", "--json", "a.session")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.map { "\($0["file"] ?? "?"):\($0["line"] ?? "?")" } == ["a.session:1", "parts/open.session:2"])
        #expect(events.last?["startFrame"] as? Int == 48000)
    }

    /// A draft times a missing phrase from its words (130 a minute, plus 0.5 s),
    /// whatever tools are installed; without `--draft` it is an error.
    @Test func aDraftTimesAMissingPhraseFromItsWords() async throws {
        let space = try TemporaryLibrary()
        try space.write("a.session", "say goodbye \"Goodbye now, rest well.\"\n")
        let refused = try await space.run("timeline", "--json", "a.session")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: no recording for the clip `goodbye`"), "\(refused)")

        let result = try await space.run("timeline", "--json", "--draft", "a.session")
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let say = try #require((object["events"] as? [[String: Any]])?.first)
        let seconds = 4.0 / 130 * 60 + 0.5
        #expect(say["endFrame"] as? Int == Int((seconds * 48000).rounded()))
    }
}
