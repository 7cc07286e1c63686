import Foundation
import StillpointScript
import Testing

/// Parsing and resolving a generated 10,000-line script must take well under a
/// second. Runs only with STILLPOINT_BENCH=1, and prints the time.
@Suite struct BenchmarkTests {
    static let lines = [
        "say welcome \"Welcome, and settle in.\" level -2 dB",
        "pause 1.5s",
        "+2s say soft",
        "breathe in 4s hold 2s out 6s",
        "play bowl level -14 dB",
        "tone sine 432 Hz -> 216 Hz over 10s for 20s fade 2s",
        "chapter Part",
        "pause 250ms",
    ]

    @Test(.enabled(if: ProcessInfo.processInfo.environment["STILLPOINT_BENCH"] == "1"))
    func tenThousandLinesResolveWellUnderASecond() throws {
        var script = "title: Bench\nsound bowl = bell 432 Hz decay 9s\nbed noise brown level -36 dB\n"
        for index in 0..<(10_000 - 4) { script += Self.lines[index % Self.lines.count] + "\n" }
        script += "say welcome\n"
        let library = try TestLibrary(clips: ["welcome.flac": 3, "soft.wav": 2])
        try library.write("bench.session", script)
        let started = ContinuousClock.now
        let result = library.loadExisting("bench.session")
        let elapsed = ContinuousClock.now - started
        print("STILLPOINT_BENCH: 10,000 lines parsed and resolved in \(elapsed)")
        #expect(result.errors.isEmpty, "\(result.report)")
        #expect(result.timeline?.events.count ?? 0 > 8000)
        #expect(elapsed < .seconds(1))
    }
}
