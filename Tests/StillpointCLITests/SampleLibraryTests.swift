import Foundation
import StillpointTestSupport
import Testing

/// The sample library shipped in scripts-library/: it checks clean, and the
/// timeline of each of its tracks matches a golden under Goldens/ exactly. The
/// tool runs from the package root with relative paths, so the output is stable.
/// `Golden.check` compares them (STILLPOINT_UPDATE_GOLDENS=1 rewrites them, and fails).
struct SampleLibraryTests {
    static let root = StillpointCommand.packageRoot
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// Every track of the library (include-only files, in `parts/` or named `_…`, are
    /// covered through their includers), as paths from the package root.
    static let tracks: [String] = {
        let library = root.appendingPathComponent("scripts-library")
        let walker = FileManager.default.enumerator(atPath: library.path)
        return (walker?.allObjects as? [String] ?? []).filter { path in
            let parts = path.split(separator: "/")
            return path.hasSuffix(".session") && !parts.contains("parts") && !(parts.last?.hasPrefix("_") ?? true)
        }.map { "scripts-library/" + $0 }.sorted()
    }()

    static func golden(for track: String) -> URL {
        goldens.appendingPathComponent(String(track.dropFirst("scripts-library/".count)))
            .deletingPathExtension().appendingPathExtension("json")
    }

    @Test func theSampleLibraryChecksClean() async throws {
        let result = try await StillpointCommand.run(["check", "scripts-library"], in: Self.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "checked \(Self.tracks.count) scripts: no problems\n", "\(result)")
    }

    @Test(arguments: tracks)
    func timelineMatchesItsGolden(_ track: String) async throws {
        let result = try await StillpointCommand.run(["timeline", "--json", track], in: Self.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        Golden.check(result.stdout, against: Self.golden(for: track))
    }

    /// A golden whose track is gone is a test nobody runs: remove it.
    @Test func everyGoldenHasATrack() {
        let walker = FileManager.default.enumerator(atPath: Self.goldens.path)
        let goldens = (walker?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.sorted()
        #expect(goldens == Self.tracks.map { Self.golden(for: $0).path.dropFirst(Self.goldens.path.count + 1) }.map(String.init).sorted())
        #expect(!goldens.isEmpty)
    }
}
