import Foundation
import StillpointTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `watch`: an edit is heard at once. The tool runs as a child process on a
/// temporary library; the test edits the script as an editor would and watches
/// the track change, a broken edit leave it alone, and Ctrl-C leave nothing behind.
struct WatchTests {
    /// How long a render may take here: a debug build, beside the rest of the suite
    /// on a shared machine (a quiet machine takes about a second; the time is printed).
    static let patience: Duration = .seconds(120)

    static func script(pause: String) -> String { "format: wav\nrate: 8000\nsay welcome\npause \(pause)\nend +1s\n" }

    /// Waits until `condition` holds, up to `patience`; returns how long it took, or nil.
    static func waitFor(_ condition: () throws -> Bool) async throws -> Duration? {
        let clock = ContinuousClock(), start = clock.now
        while clock.now - start < patience {
            if (try? condition()) == true { return clock.now - start }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    static func frames(_ space: TemporaryLibrary) -> Int? { try? space.wav("output/a.wav").frames }

    @Test func anEditIsRenderedABrokenOneKeepsTheLastGoodTrackAndCtrlCLeavesNothing() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav", seconds: 1)
        try space.write("a.session", Self.script(pause: "2s"))
        let watch = try space.start("watch", "a.session")

        let first = try await Self.waitFor { Self.frames(space) == 4 * 8000 }
        #expect(first != nil, "no first render: \(watch.stderrSoFar)")

        // An edit: the track grows by three seconds.
        try space.write("a.session", Self.script(pause: "5s"))
        let edited = try await Self.waitFor { Self.frames(space) == 7 * 8000 }
        #expect(edited != nil, "the edit was not rendered: \(watch.stderrSoFar)")
        print("watch: an edit was rendered \(edited.map { "\($0)" } ?? "never") after the save")

        // An editor that saves by writing a new file and renaming it over the old one.
        try Data(Self.script(pause: "3s").utf8).write(to: space.url("a.session.swap"))
        #expect(rename(space.url("a.session.swap").path, space.url("a.session").path) == 0)
        #expect(try await Self.waitFor { Self.frames(space) == 5 * 8000 } != nil, "\(watch.stderrSoFar)")

        // A broken edit: its error is printed, and the last good track stays as it was.
        let good = try space.data("output/a.wav")
        try space.write("a.session", Self.script(pause: "4"))
        #expect(try await Self.waitFor { watch.stderrSoFar.contains("a.session:4:7: error: `4` needs a unit") } != nil,
                "\(watch.stderrSoFar)")
        try await Task.sleep(for: .milliseconds(500))
        #expect(try space.data("output/a.wav") == good)

        // Mended, then a clip re-recorded longer: the track follows each.
        try space.write("a.session", Self.script(pause: "1s"))
        #expect(try await Self.waitFor { Self.frames(space) == 3 * 8000 } != nil, "\(watch.stderrSoFar)")
        try space.recordClip("clips/welcome.wav", seconds: 2)
        #expect(try await Self.waitFor { Self.frames(space) == 4 * 8000 } != nil, "\(watch.stderrSoFar)")

        watch.send(SIGINT)
        let result = await watch.result()
        #expect(result.status == 130, "\(result)")
        #expect(space.files(under: "output") == ["a.wav"])
    }

    /// SIGTERM in the middle of a render: the tool ends with 143, the temporary file
    /// is gone, and the earlier track is still the earlier track.
    @Test func aSignalDuringARenderLeavesNoTemporaryFile() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav", seconds: 1)
        try space.write("a.session", "format: wav\nsay welcome\nend 0:02\n")
        let watch = try space.start("watch", "a.session")
        #expect(try await Self.waitFor { Self.frames(space) == 2 * 48000 } != nil, "\(watch.stderrSoFar)")
        let earlier = try space.data("output/a.wav")

        // A long track, whose render is caught half-way by the signal.
        try space.write("a.session", "format: wav\nloudness: off\nbed noise pink level -30 dB\nsay welcome\nend 20:00\n")
        let caught = try await Self.waitFor {
            space.files(under: "output").contains { $0.hasPrefix(".a.tmp-") }
        }
        #expect(caught != nil, "the render's temporary file was never seen: \(watch.stderrSoFar)")
        watch.send(SIGTERM)
        let result = await watch.result()
        #expect(result.status == 143, "\(result)")
        #expect(space.files(under: "output") == ["a.wav"])
        #expect(try space.data("output/a.wav") == earlier)
    }
}
