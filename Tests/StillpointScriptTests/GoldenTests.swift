import Foundation
import StillpointScript
import StillpointTestSupport
import Testing

/// `timeline --json` and the plain-text timeline of representative scripts,
/// compared with files in `Goldens/` by `Golden.check` (STILLPOINT_UPDATE_GOLDENS=1
/// rewrites them after a deliberate change, failing so that you read the diff).
@Suite struct GoldenTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// The whole example of the format page.
    static let example = """
        # It's OK to Not Be OK: a settling practice for between sessions.

        title:    It's OK to Not Be OK
        artist:   Stillpoint Bodywork
        album:    Home Practice
        format:   flac
        loudness: -18 LUFS
        duck:     -8 dB

        sound bowl = bell 432 Hz decay 9s level -14 dB

        bed noise brown level -36 dB fade 10s 15s
        bed waves = binaural 200 Hz beat 10 Hz -> 6 Hz over 3m level -30 dB fade 20s

        chapter Arriving
        play bowl
        pause 4s
        say welcome        "Welcome. You don't need to be calm or put together to begin."
        +2s say supported  "Let yourself lie down, fully clothed, fully supported."
        pause 8s

        chapter Breath
        repeat 5:
            breathe in 4s hold 2s out 6s
        say just-notice    "Just notice whatever is here. Nothing is forced."
        pause 45s

        chapter Returning                  # rest in stillness until 5:00
        at 5:00 say return "Slowly, at your own pace, begin to return."
        stop waves fade 30s
        play bowl
        end +20s

        """

    static let fixtures: [(name: String, files: [String: String], draft: Bool)] = [
        ("example", ["example.session": example], false),
        ("draft-include", [
            "draft-include.session": "rate: 44100\ntail: 2s\nchapter \"Start \\\"here\\\"\"\ninclude parts/open.session\nsay unrecorded \"Three words here.\"\nplay ocean.flac fade 1s\n",
            "parts/open.session": "sound chime = bell 880 Hz decay 3s\nplay chime\n+1s say welcome\n",
        ], true),
        ("glides", [
            "glides.session": "bed hum = drone 110 Hz -> 55 Hz over 1m level -40 dB -> -30 dB over 30s\ntone isochronic 300 Hz pulse 12 Hz -> 4 Hz over 20s for 20s pan -1 -> 1 over 20s\npause 10s\nstop hum fade 5s\n0:25 pause 1s\n",
        ], false),
    ]

    @Test(arguments: fixtures)
    func timelinesMatchTheirGoldens(name: String, files: [String: String], draft: Bool) throws {
        let library = try TestLibrary(
            clips: ["welcome.flac": 5, "supported.wav": 4, "just-notice.flac": 3, "return.flac": 4],
            files: files, audio: ["ocean.flac": 2])
        let result = library.loadExisting("\(name).session", options: ResolveOptions(draft: draft))
        #expect(result.errors.isEmpty, "\(result.report)")
        let timeline = try #require(result.timeline)
        for (ext, actual) in [("json", timeline.json()), ("txt", timeline.text())] {
            Golden.check(actual, against: Self.goldens.appendingPathComponent("\(name).\(ext)"))
        }
    }

    @Test func theJSONIsValidAndCarriesTheDocumentedFields() throws {
        let library = try TestLibrary(clips: ["welcome.flac": 5, "supported.wav": 4, "just-notice.flac": 3, "return.flac": 4],
                                      files: ["example.session": Self.example])
        let timeline = try #require(library.loadExisting("example.session").timeline)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(timeline.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["script", "rate", "channels", "length", "events", "chapters"])
        let events = try #require(object["events"] as? [[String: Any]])
        let waves = try #require(events.first { $0["name"] as? String == "waves" })
        // The bed fades from the stop at 5:04 and is cut by the end at 5:33.
        #expect(waves["end"] as? Double == 333)
        #expect(waves["endFrame"] as? Int == 333 * 48000)
        #expect(Set(events[0].keys) == ["kind", "start", "end", "startFrame", "endFrame", "file", "line"])
        #expect(timeline.chapters.map(\.start) == [0, 23 * 48000, 300 * 48000])
    }
}
