import Foundation
import StillpointTestSupport
import Testing

/// The build record damaged, and two commands on one output folder at once
/// (issue 13), with the built binary on `BuildLibrary`.
struct RecordAndLockTests {
    struct Damage: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var reason: String
        var make: @Sendable (Data) -> Data
    }

    static let damages: [Damage] = [
        Damage(testDescription: "cut short", reason: "it is damaged (cut short or overwritten)") { $0.prefix($0.count / 2) },
        Damage(testDescription: "garbage", reason: "it is damaged (cut short or overwritten)") { _ in
            Data((0 ..< 4000).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 3) })
        },
        Damage(testDescription: "empty", reason: "it is damaged (cut short or overwritten)") { _ in Data() },
        Damage(testDescription: "an old version",
               reason: "it was written by another version of Stillpoint (record format 0, not 1)") { _ in
            Data(#"{"format": 0, "tracks": {"a.session": "an older shape"}}"#.utf8)
        },
    ]

    /// A damaged record is a warning and a full rebuild, never a crash; the record
    /// written after it is whole again, and the next build renders nothing.
    @Test(arguments: damages)
    func aDamagedRecordIsAWarningAndAFullRebuild(_ damage: Damage) async throws {
        let library = try BuildLibrary()
        #expect(try await library.build().status == 0)
        let record = library.space.url("output/.stillpoint-build.json")
        try damage.make(try Data(contentsOf: record)).write(to: record)

        let rebuilt = try await library.build()
        #expect(rebuilt.status == 0, "\(rebuilt)")
        #expect(!rebuilt.result.killed)
        #expect(rebuilt.lines.first == "warning: the build record output/.stillpoint-build.json is set aside: \(damage.reason); every track is rendered again",
                "\(rebuilt)")
        #expect(rebuilt.rendered == BuildLibrary.tracks, "\(rebuilt)")
        #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: record))) != nil)
        let again = try await library.build()
        #expect(again.rendered.isEmpty && !again.result.stderr.contains("warning"), "\(again)")
    }

    /// Two builds, or a build and a publish, of one output folder at once: the
    /// second is refused naming the lock, the first finishes, and every track
    /// decodes and the record parses afterwards.
    @Test(arguments: [["build", "lib", "-j", "1"],
                      ["publish", "lib", "--base-url", "https://example.com/p/", "-j", "1"]])
    func aSecondCommandOnTheSameOutputIsRefusedNamingTheLock(_ second: [String]) async throws {
        let library = try BuildLibrary()
        #expect(try await library.build().status == 0)
        try library.addLongTrack(seconds: 30)
        let first = try StillpointCommand.start(["build", "lib", "-j", "1"], in: library.space.root)
        // Once the first holds the lock and is rendering, it is paused (a stopped
        // process keeps its lock), so the second meets it however slowly a loaded
        // machine starts that one. (Polled from a task, the first was once seen
        // only after it had finished.)
        let paused: Void? = try await library.whenPartialTrackAppears(while: first) { first.send(SIGSTOP) }
        #expect(paused != nil, "the first build ended before the second started")
        let refused = try await StillpointCommand.run(second, in: library.space.root)
        first.send(SIGCONT)
        let done = await first.result()
        #expect(done.status == 0, "\(done)")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("another build of this output folder is running (")
            && refused.stderr.contains("output/.stillpoint-build.lock is locked)"), "\(refused)")
        for output in BuildLibrary.outputs + ["output/long.wav"] {
            #expect(try library.space.wav(output).frames > 0, "\(output)")
        }
        let record = try library.space.data("output/.stillpoint-build.json")
        #expect((try? JSONSerialization.jsonObject(with: record)) != nil)
        #expect(library.leftovers().isEmpty)
        #expect(!library.space.exists("output/site"), "the refused publish wrote no site")
        // The refused command's work is done by running it again.
        let again = try await StillpointCommand.run(second, in: library.space.root)
        #expect(again.status == 0, "\(again)")
    }
}
