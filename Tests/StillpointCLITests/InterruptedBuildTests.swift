import Foundation
import StillpointTestSupport
import Testing

/// A build killed mid-way, and two builds at once: finished tracks stay as they
/// were, nothing partial ever carries a track's name, and the next build finishes.
struct InterruptedBuildTests {
    @Test func aKilledBuildLeavesEarlierTracksAndTheNextOneFinishes() async throws {
        let library = try BuildLibrary()
        #expect(try await library.build().status == 0)
        let before = try library.outputBytes()
        try library.addLongTrack(seconds: 20)

        let killed = try library.space.start("build", "lib", "-j", "1")
        let caught: Void? = try await library.whenPartialTrackAppears(while: killed) { killed.kill() }
        let result = await killed.result()
        #expect(caught != nil, "the build ended before its long track was seen half-written: \(result)")
        #expect(result.killed, "\(result)")
        #expect(try library.outputBytes() == before)
        #expect(!library.space.exists("output/long.wav"))

        let next = try await library.build()
        #expect(next.status == 0, "\(next)")
        #expect(next.rendered == ["long.session"])
        #expect(next.summary == "build: 1 rendered, 4 up to date")
        #expect(try library.space.wav("output/long.wav").frames == 20 * 48000)
        #expect(library.leftovers().isEmpty, "\(library.leftovers())")
        #expect(try library.outputBytes() == before)
    }

    /// A second build of the same output folder while the first is rendering is
    /// refused with a message naming the lock; the first completes untouched.
    @Test func aSecondBuildAtTheSameTimeIsRefused() async throws {
        let library = try BuildLibrary()
        try library.addLongTrack(seconds: 20)
        let first = try library.space.start("build", "lib", "-j", "1")
        // The first is paused while it holds the lock, so the second meets it
        // however slowly a loaded machine starts that one; then it goes on.
        let started = try await library.whenPartialTrackAppears(while: first) {
            first.send(SIGSTOP)
            return try library.space.start("build", "lib")
        }
        let secondResult = await started?.result()
        first.send(SIGCONT)
        let firstResult = BuildRun(await first.result())
        let second = BuildRun(try #require(secondResult, "the first build ended before the second started: \(firstResult)"))
        #expect(second.status == 1, "\(second)")
        #expect(second.result.stderr.contains("another build of this output folder is running"), "\(second)")
        #expect(second.result.stderr.contains("output/.stillpoint-build.lock"), "\(second)")
        #expect(second.rendered.isEmpty)

        #expect(firstResult.status == 0, "\(firstResult)")
        #expect(firstResult.rendered == BuildLibrary.tracks + ["long.session"])
        for output in BuildLibrary.outputs {
            #expect(try library.space.wav(output).frames == 2 * 48000, "\(output)")
        }
        #expect(try library.space.wav("output/long.wav").frames == 20 * 48000)
        let after = try await library.build()
        #expect(after.summary == "build: 0 rendered, 5 up to date", "\(after)")
    }
}
