import Foundation
import StillpointTestSupport
import Testing

/// A small library made in code for the build tests, in a workspace whose
/// `output/` the build fills: four 2-second tracks, one in a subfolder, two of them
/// including the shared `parts/intro.session`, three clips.
///
/// | track | uses |
/// | --- | --- |
/// | a.session | parts/intro (clip one), clip two |
/// | b.session | parts/intro (clip one) |
/// | c.session | clip three |
/// | deep/d.session | clip two |
final class BuildLibrary: Sendable {
    static let tracks = ["a.session", "b.session", "c.session", "deep/d.session"]
    static let outputs = ["output/a.wav", "output/b.wav", "output/c.wav", "output/deep/d.wav"]

    let space: TemporaryLibrary

    init() throws {
        space = try TemporaryLibrary()
        try space.write("lib/library.defaults", "format: wav\nloudness: -20 LUFS\n")
        for (clip, frequency) in [("one", 440.0), ("two", 550.0), ("three", 660.0)] {
            try space.recordClip("lib/clips/\(clip).wav", frequency: frequency)
        }
        try space.write("lib/parts/intro.session", "pause 0.5s\nsay one \"One.\"\n")
        try space.write("lib/a.session", "include parts/intro.session\nsay two \"Two.\"\nend 0:02\n")
        try space.write("lib/b.session", "include parts/intro.session\nend 0:02\n")
        try space.write("lib/c.session", "say three \"Three.\"\nend 0:02\n")
        try space.write("lib/deep/d.session", "say two \"Two.\"\nend 0:02\n")
    }

    /// Adds a track long enough (a noise bed and a drone for `seconds`, at most 59) that a
    /// build can be caught in the middle of rendering it.
    func addLongTrack(seconds: Int) throws {
        // No loudness pass, so the track's temporary file is there the whole render.
        try space.write("lib/long.session",
                        "loudness: off\nbed noise pink level -30 dB\nbed drone 110 Hz level -30 dB\nsay one\nend 0:\(seconds)\n")
    }

    func build(_ arguments: String...) async throws -> BuildRun {
        BuildRun(try await StillpointCommand.run(["build", "lib"] + arguments, in: space.root))
    }

    /// The bytes of every output, to show that a build left them alone.
    func outputBytes() throws -> [String: Data] {
        try Dictionary(uniqueKeysWithValues: Self.outputs.map { ($0, try space.data($0)) })
    }

    /// Hidden temporary files of a render (`.name.tmp-…`) anywhere under output/.
    func leftovers() -> [String] {
        space.files(under: "output").filter { $0.split(separator: "/").last?.hasPrefix(".") == true && $0.contains(".tmp") }
    }

    /// Runs `action` as soon as the long track's temporary file appears, on a
    /// thread of its own (polling every 2 ms) so that a test pool busy with other
    /// tests cannot make it late; nil when `command` ended first.
    func whenPartialTrackAppears<T: Sendable>(
        while command: RunningCommand, _ action: @escaping @Sendable () throws -> T
    ) async throws -> T? {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                while command.isRunning {
                    if self.leftovers().contains(where: { $0.hasPrefix(".long") }) {
                        continuation.resume(with: Result { try action() })
                        return
                    }
                    usleep(2000)
                }
                continuation.resume(returning: nil)
            }
        }
    }
}

/// What a build printed, read the way a practitioner reads it.
struct BuildRun: CustomStringConvertible {
    let result: CommandResult

    init(_ result: CommandResult) { self.result = result }

    var status: Int32 { result.status }

    /// The scripts of the `rendered X → …` lines, sorted.
    var rendered: [String] {
        lines.compactMap { line in
            guard line.hasPrefix("rendered "), let arrow = line.range(of: " → ") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 9) ..< arrow.lowerBound])
        }.sorted()
    }

    /// The last line: `build: 1 rendered, 3 up to date`.
    var summary: String { lines.last ?? "" }

    var lines: [String] { result.stderr.split(separator: "\n").map(String.init) }

    var description: String { result.description }
}
