import Foundation
import StillpointTestSupport
import Testing

/// A full disk (ENOSPC) or a read-only one during `render`, `build` and `publish`,
/// with the built binary, its target on a small tmpfs (issue 13): the error names
/// the target or its folder in plain words (no hidden temporary file, no
/// libsndfile or Foundation text), the earlier track is intact, no temporary file
/// is left, and the exit status is 1. Skipped where the tests may not mount.
struct DiskFaultTests {
    enum Fault: String, Sendable, CaseIterable {
        case full, readOnly
    }

    enum Command: String, Sendable, CaseIterable {
        case render, build, publish
    }

    /// Words of raw library or system text that must not reach the user.
    static let raw = [".tmp", "System error", "Error :", "There isn’t enough space", "The operation could not be completed"]

    /// lib/a.session (1 s, FLAC, about 30 KB) written to a 300 KB device, then
    /// made 20 s of noise (about 3 MB) or the device made read-only, and run again.
    @Test(.enabled(if: SmallDevice.canMount, "needs the right to mount a tmpfs (root, in a container that allows it)"),
          arguments: Command.allCases, Fault.allCases)
    func aFullOrReadOnlyDiskIsAPlainErrorAndLosesNothing(_ command: Command, _ fault: Fault) async throws {
        let space = try TemporaryLibrary("stillpoint-disk")
        let device = try SmallDevice(size: "300k")
        try space.write("lib/library.defaults", "format: flac\n")
        try space.recordClip("lib/clips/one.wav")
        try space.write("lib/a.session", "say one\nend 0:01\n")
        let dev = device.folder.path
        let arguments: [String]
        let track: URL
        switch command {
        case .render:
            arguments = ["render", "lib/a.session", "-o", dev + "/a.flac"]
            track = device.folder.appendingPathComponent("a.flac")
        case .build:
            arguments = ["build", "lib", "--output", dev, "-j", "1"]
            track = device.folder.appendingPathComponent("a.flac")
        case .publish:
            arguments = ["publish", "lib", "--output", "output", "--site", dev, "--base-url", "https://example.com/p/", "-j", "1"]
            track = device.folder.appendingPathComponent("a.flac")
        }
        let first = try await StillpointCommand.run(arguments, in: space.root)
        #expect(first.status == 0, "\(first)")
        let before = try Data(contentsOf: track)
        let namesBefore = device.names

        try space.write("lib/a.session", "bed noise white level -10 dB\nsay one\nend 0:20\n")
        if fault == .readOnly { #expect(device.makeReadOnly()) }
        let result = try await StillpointCommand.run(arguments, in: space.root)
        #expect(result.status == 1, "\(result)")
        let reason = fault == .full ? "no space left on the device" : "the file system is read-only"
        #expect(result.stderr.contains(reason), "\(result)")
        #expect(result.stderr.contains(dev), "names the target or its folder: \(result)")
        #expect(!Self.raw.contains { result.stderr.contains($0) }, "\(result)")
        #expect(try Data(contentsOf: track) == before)
        #expect(device.names == namesBefore, "nothing left behind: \(device.names)")
        if command == .build {
            let record = try Data(contentsOf: device.folder.appendingPathComponent(".stillpoint-build.json"))
            #expect((try? JSONSerialization.jsonObject(with: record)) != nil)
        }
    }

    /// `-o` into a folder that cannot be made rendered the whole track first (an
    /// hour here, minutes in a debug build); now the folder is made before the
    /// loudness pass, so the error comes at once.
    /// (Synchronous, so the time is the tool's, not the wait for a free thread of
    /// the test runner's pool.)
    @Test func anUncreatableFolderFailsBeforeRendering() throws {
        let space = try TemporaryLibrary("stillpoint-disk")
        try space.write("long.session", "bed noise pink level -30 dB\nbed drone 110 Hz level -30 dB\npause 1s\nend 1:00:00\n")
        let started = ContinuousClock.now
        let result = try ExternalTool.run(StillpointCommand.binary.path, ["render", "long.session", "-o", "/proc/nope/x.flac"],
                                          in: space.root)
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: cannot create the folder /proc/nope: no such file or folder"), "\(result)")
        // The loudness pass of an hour takes over a minute in a debug build.
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }
}
