import Foundation
import StillpointTestSupport
import Testing

/// A full or read-only disk while `takes` writes clips (issue 13, "Faults"): the
/// `ShortRest` library (script and clips folder) on a small tmpfs, the take
/// beside it. The
/// clips recorded before are unchanged, no temporary clip and no `.replaced`
/// copy is left, the error names the clips folder's device in plain words, and
/// the exit status is 1. Skipped where the tests may not mount.
struct TakesDiskFaultTests {
    enum Fault: String, Sendable, CaseIterable {
        case full, readOnly
    }

    @Test(.enabled(if: SmallDevice.canMount, "needs the right to mount a tmpfs (root, in a container that allows it)"),
          arguments: Fault.allCases)
    func aFullOrReadOnlyDiskLosesNoClip(_ fault: Fault) async throws {
        let space = try TemporaryLibrary("takes-disk")
        let device = try SmallDevice(size: "2m")
        let library = device.folder
        try ShortRest.write(in: library, take: space.url("take.wav"))
        let arguments = ["takes", library.appendingPathComponent("rest.session").path, "take.wav"]

        let first = try await StillpointCommand.run(arguments, in: space.root)
        #expect(first.status == 0, "\(first)")
        let clips = library.appendingPathComponent("clips")
        func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: clips.path)) ?? []).sorted() }
        #expect(names() == ["breath.flac", "welcome.flac"], "\(first)")
        let before = try names().map { try Data(contentsOf: clips.appendingPathComponent($0)) }

        switch fault {
        case .full:
            // Leave 8 KB: less than either clip, more than the folder's entries need.
            let free = try #require(try FileManager.default.attributesOfFileSystem(forPath: library.path)[.systemFreeSize] as? Int)
            try Data(count: max(0, free - 8192)).write(to: library.appendingPathComponent("filler"))
        case .readOnly:
            #expect(device.makeReadOnly())
        }
        let result = try await StillpointCommand.run(arguments + ["--all", "--replace"], in: space.root)
        #expect(result.status == 1, "\(result)")
        let reason = fault == .full ? "no space left on the device" : "the file system is read-only"
        #expect(result.stderr.contains(reason), "\(result)")
        #expect(result.stderr.contains(clips.path), "names the clips folder or a clip in it: \(result)")
        #expect(![".tmp", "System error", "Error :", "The operation could not be completed"].contains { result.stderr.contains($0) },
                "\(result)")
        #expect(names() == ["breath.flac", "welcome.flac"], "nothing left behind, nothing moved aside: \(names())")
        #expect(try names().map { try Data(contentsOf: clips.appendingPathComponent($0)) } == before)
    }
}
