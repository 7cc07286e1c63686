import Foundation
import StillpointTestSupport
import Testing

/// One script, several lengths, from the command line: `build` renders a track
/// a version and only what changed; `render --length` and `timeline --length`
/// lay the script out at the length asked for.
struct VersionsTests {
    /// A welcome, a stretchable pause, the return 1.5 s before the end; three
    /// versions. At its shortest it lasts 0.5 + 0.5 + 1.5 = 2.5 s.
    static let script = """
        format: wav
        loudness: off
        versions: 3s, 4s, 6s
        say hello "Hello."
        pause 0.5s..5s
        at end -1.5s say bye "Bye."
        end +1s
        """

    func workspace() throws -> TemporaryLibrary {
        let space = try TemporaryLibrary()
        try space.recordClip("lib/clips/hello.wav", seconds: 0.5, frequency: 440)
        try space.recordClip("lib/clips/bye.wav", seconds: 0.5, frequency: 660)
        try space.write("lib/sit.session", Self.script)
        return space
    }

    func rendered(_ run: CommandResult) -> [String] {
        run.stderr.split(separator: "\n").filter { $0.hasPrefix("rendered ") }.map(String.init).sorted()
    }

    @Test func buildRendersEachVersionAtItsLengthAndThenNothing() async throws {
        let space = try workspace()
        let first = try await space.run("build", "lib")
        #expect(first.status == 0, "\(first)")
        #expect(rendered(first).count == 3, "\(first)")
        #expect(space.files(under: "output").filter { !$0.hasPrefix(".") } == ["sit.3s.wav", "sit.4s.wav", "sit.6s.wav"])
        for (name, seconds) in [("sit.3s.wav", 3), ("sit.4s.wav", 4), ("sit.6s.wav", 6)] {
            let wav = try space.wav("output/" + name)
            #expect(wav.frames == seconds * 48000, "\(name)")
            // The return is heard 1.5 s before each end, and the 0.5 s before it is silent.
            let left = wav.channel(0)
            let returnAt = (seconds * 2 - 3) * 24000
            #expect(SignalAnalysis.samplePeak(left[(returnAt - 24000)..<(returnAt - 100)]) == 0, "\(name)")
            #expect(SignalAnalysis.rmsDB(left, range: returnAt..<(returnAt + 12000)) > -40, "\(name)")
        }
        let second = try await space.run("build", "lib")
        #expect(rendered(second).isEmpty && second.stderr.hasSuffix("build: 0 rendered, 3 up to date\n"), "\(second)")

        try space.write("lib/sit.session", Self.script + "\n# edited\n")
        let third = try await space.run("build", "lib")
        #expect(rendered(third).count == 3, "\(third)")
    }

    @Test func aVersionNoLongerListedIsLeftForPrune() async throws {
        let space = try workspace()
        #expect(try await space.run("build", "lib").status == 0)
        try space.write("lib/sit.session", Self.script.replacingOccurrences(of: "3s, 4s, 6s", with: "3s, 4s"))
        let listed = try await space.run("build", "lib")
        #expect(listed.stderr.contains("outdated: sit.6s.wav (left behind by a change of format or of versions; --prune removes it)"),
                "\(listed)")
        let next = try await space.run("build", "lib", "--prune")
        #expect(next.status == 0, "\(next)")
        // The script changed, so the versions still listed rendered again on the build before.
        #expect(rendered(listed).count == 2 && rendered(next).isEmpty, "\(next)")
        #expect(next.stderr.contains("removed sit.6s.wav"), "\(next)")
        #expect(space.files(under: "output").filter { !$0.hasPrefix(".") } == ["sit.3s.wav", "sit.4s.wav"])
    }

    @Test func renderLengthRendersThatOneVersion() async throws {
        let space = try workspace()
        let run = try await space.run("render", "--length", "5s", "lib/sit.session")
        #expect(run.status == 0, "\(run)")
        #expect(try space.wav("output/sit.5s.wav").frames == 5 * 48000)
        #expect(!space.exists("output/sit.3s.wav"))
    }

    @Test func anUnreachableLengthSaysWhatTheScriptCanLast() async throws {
        let space = try workspace()
        let run = try await space.run("render", "--length", "20s", "lib/sit.session")
        #expect(run.status != 0)
        #expect(run.stderr.contains("error: this script cannot last 0:20; it lasts from 0:02.500 to 0:07"), "\(run)")
        #expect(!space.exists("output"))
    }

    @Test func timelineShowsRangesAndTheChosenLengths() async throws {
        let space = try workspace()
        let run = try await space.run("timeline", "--length", "4s", "lib/sit.session")
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "lib/sit.session: 0:04, 48000 Hz, 2 channel(s); can last 0:02.500 to 0:07", "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("0:00:00.500  0:00:02.500  pause") && $0.hasSuffix("0:00.500..0:05") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("0:00:02.500  0:00:03.000  say") }, "\(run.stdout)")
        let json = try await space.run("timeline", "--json", "--length", "4s", "lib/sit.session")
        #expect(json.stdout.contains("\"version\": \"4s\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"range\": { \"shortest\": 0.5, \"longest\": 5.0 }"), "\(json.stdout)")
    }
}
