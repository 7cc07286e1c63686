import Foundation
import StillpointBuild
import StillpointTestSupport
import Testing

/// The cost of a build that has nothing to do, on a 50-track library whose tracks
/// share a few ~100 KB clips. Run with `STILLPOINT_BENCH=1`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STILLPOINT_BENCH"] == "1"))
struct BuildBenchmarkTests {
    @Test func noOpBuildOfFiftyTracks() async throws {
        let lib = try TemporaryLibrary.empty()
        try lib.write("library.defaults", "rate 48000\n")
        let clips = (0..<6).map { "clip\($0)" }
        for (index, clip) in clips.enumerated() {
            let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* (index + 3)) }
            try FileManager.default.createDirectory(at: lib.url("clips"), withIntermediateDirectories: true)
            try Data(bytes).write(to: lib.url("clips/\(clip).wav"))
        }
        try lib.write("parts/intro.session", "clip clip0\n")
        for track in 0..<50 {
            let uses = (1...3).map { "clip \(clips[(track + $0) % clips.count])" }
            try lib.write(
                "set\(track % 5)/track\(track).session",
                (["include ../parts/intro.session"] + uses).joined(separator: "\n") + "\n")
        }
        #expect(try await lib.build().rendered.count == 50)

        let clock = ContinuousClock()
        var report: BuildReport?
        let fresh = try await clock.measure { report = try await lib.build() }
        #expect(report?.upToDate.count == 50)
        let freshRead = report?.filesHashed ?? -1

        // Files older than the racy window are vouched for by their stamps.
        try lib.shiftTimes(by: -3600)
        _ = try await lib.build()
        let settled = try await clock.measure { report = try await lib.build() }
        #expect(report?.upToDate.count == 50)
        #expect(report?.filesHashed == 0)

        print("no-op build of 50 tracks: \(fresh) with \(freshRead) files hashed; \(settled) with none hashed")
        #expect(fresh < .milliseconds(300))
        #expect(settled < .milliseconds(300))
    }
}
