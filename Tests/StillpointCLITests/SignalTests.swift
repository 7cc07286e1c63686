import Foundation
import StillpointTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) or SIGTERM during `render`, `build`, `publish` or `watch` left
/// a full-size hidden temporary file beside the target every time (issue 13). Now
/// the tool removes it, exits 128 + the signal, and leaves the earlier track, the
/// build record and the site as they were; the next publish finishes the job.
struct SignalTests {
    struct Stop: Sendable, CustomTestStringConvertible {
        var signal: Int32
        var name: String
        var command: [String]
        var target: String
        var testDescription: String { "\(name) during \(command[0])" }
    }

    static let stops: [Stop] = [
        Stop(signal: SIGINT, name: "SIGINT", command: ["render", "lib/long.session", "-o", "output/long.wav"], target: "output/long.wav"),
        Stop(signal: SIGTERM, name: "SIGTERM", command: ["render", "lib/long.session", "-o", "output/long.wav"], target: "output/long.wav"),
        Stop(signal: SIGINT, name: "SIGINT", command: ["build", "lib", "-j", "1"], target: "output/long.wav"),
        Stop(signal: SIGTERM, name: "SIGTERM", command: ["build", "lib", "-j", "1"], target: "output/long.wav"),
        Stop(signal: SIGINT, name: "SIGINT", command: publish, target: "output/long.wav"),
        Stop(signal: SIGTERM, name: "SIGTERM", command: publish, target: "output/long.wav"),
        Stop(signal: SIGINT, name: "SIGINT", command: ["watch", "lib/long.session", "-o", "output/long.wav"], target: "output/long.wav"),
        Stop(signal: SIGTERM, name: "SIGTERM", command: ["watch", "lib/long.session", "-o", "output/long.wav"], target: "output/long.wav"),
    ]

    static let publish = ["publish", "lib", "--base-url", "https://example.com/p/", "-j", "1"]

    @Test(arguments: stops)
    func aStoppedRenderRemovesItsTemporaryFile(_ stop: Stop) async throws {
        let library = try BuildLibrary()
        try library.space.write("lib/long.session", "say one\nend 0:01\n")
        #expect(try await library.build().status == 0)
        let before = try library.outputBytes()
        let record = try library.space.data("output/.stillpoint-build.json")
        // Now long enough to be caught halfway; the earlier 1 s track must survive.
        try library.addLongTrack(seconds: 40)

        let running = try StillpointCommand.start(stop.command, in: library.space.root)
        let sent: Void? = try await library.whenPartialTrackAppears(while: running) { running.send(stop.signal) }
        let result = await running.result()
        #expect(sent != nil, "the command ended before its temporary file was seen: \(result)")
        #expect(!result.killed && result.status == 128 + stop.signal, "\(result)")
        #expect(library.leftovers().isEmpty, "\(library.leftovers())")
        #expect(try library.outputBytes() == before)
        #expect(try library.space.wav(stop.target).frames == 48000)
        #expect(try library.space.data("output/.stillpoint-build.json") == record)
        #expect(!library.space.exists("output/site"), "a stopped publish writes no site")
        // The next publish finishes the job (build's and render's next run is the
        // same call, shown by the build tests).
        if stop.command == Self.publish {
            let again = try await StillpointCommand.run(stop.command, in: library.space.root)
            #expect(again.status == 0, "\(again)")
            #expect(try library.space.wav("output/long.wav").frames == 40 * 48000)
            #expect(library.space.exists("output/site/index.html") && library.leftovers().isEmpty)
        }
    }
}
