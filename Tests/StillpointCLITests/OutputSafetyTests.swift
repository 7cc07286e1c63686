import Foundation
import StillpointTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work a render or a build once destroyed (issue 13): a track written over one of
/// its own recordings, over a device, FIFO or link; a preview written over another
/// script's track, which `build` then called up to date; `--prune` deleting outside
/// `output/`. And the one-letter paths that crashed `check`.
struct OutputSafetyTests {
    /// A small library: a script with a clip, an include, a sound file and defaults.
    private func library() throws -> TemporaryLibrary {
        let space = try TemporaryLibrary()
        try space.write("library.defaults", "format: wav\n")
        try space.recordClip("clips/welcome.wav")
        try space.recordClip("sounds/bowl.wav", frequency: 660)
        try space.write("parts/intro.session", "pause 0.25s\n")
        try space.write("a.session", "include parts/intro.session\nsay welcome\nplay sounds/bowl.wav\nend 0:01\n")
        return space
    }

    /// `-o` naming a file the track is made from is refused, and the file is unchanged.
    @Test(arguments: ["clips/welcome.wav", "sounds/bowl.wav", "parts/intro.session", "a.session", "library.defaults",
                      "clips/../clips/welcome.wav"])
    func aTrackNeverReplacesOneOfItsInputs(_ target: String) async throws {
        let space = try library()
        let before = try space.data(target)
        let result = try await space.run("render", "a.session", "-o", target, "--format", "wav")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("it is one of the files this track is made from"), "\(result)")
        #expect(try space.data(target) == before)
        #expect(space.files(under: ".").allSatisfy { !$0.contains(".tmp") })
    }

    /// The same file through a hard link is still an input.
    @Test func aHardLinkToAnInputIsAnInput() async throws {
        let space = try library()
        #expect(link(space.url("clips/welcome.wav").path, space.url("take.wav").path) == 0)
        let result = try await space.run("render", "a.session", "-o", "take.wav")
        #expect(result.status == 1, "\(result)")
        #expect(try space.data("take.wav") == space.data("clips/welcome.wav"))
    }

    enum Special: String, Sendable, CaseIterable {
        case fifo, symlink, folder, device

        /// Makes the special file at `path`; false when this machine cannot (a device needs root).
        func make(at url: URL, space: TemporaryLibrary) throws -> Bool {
            switch self {
            case .fifo: return mkfifo(url.path, 0o644) == 0
            case .symlink:
                try FileManager.default.createSymbolicLink(at: url, withDestinationURL: space.url("clips/welcome.wav"))
                return true
            case .folder:
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                return true
            case .device:
                // The same device as /dev/null (character device 1, 3: 1 << 8 | 3 on Linux), made
                // in the workspace, so a failure cannot harm the machine's own /dev/null.
                return getuid() == 0 && mknod(url.path, S_IFCHR | 0o666, 1 << 8 | 3) == 0
            }
        }
    }

    /// A device, FIFO, link or folder at the target was replaced by a regular file
    /// (as root, `-o /dev/null` replaced the device node); now it is refused as it is.
    @Test(arguments: Special.allCases)
    func aTargetThatIsNotARegularFileIsRefused(_ kind: Special) async throws {
        let space = try library()
        let target = space.url("out.wav")
        guard try kind.make(at: target, space: space) else { return }
        var before = stat()
        lstat(target.path, &before)
        let result = try await space.run("render", "a.session", "-o", "out.wav")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("a track replaces only a regular file"), "\(result)")
        var after = stat()
        lstat(target.path, &after)
        #expect(after.st_mode == before.st_mode && after.st_ino == before.st_ino)
        #expect(space.files(under: ".").allSatisfy { !$0.contains(".tmp") })
    }

    /// A preview of `x.session` is `x.preview.wav`, the track of `x.preview.session`:
    /// refused when that script exists, so its track is not replaced.
    @Test func aPreviewNeverReplacesAnotherScriptsTrack() async throws {
        let space = try library()
        try space.write("a.preview.session", "say welcome\nend 0:01\n")
        #expect(try await space.run("build", ".").status == 0)
        let track = try space.data("output/a.preview.wav")
        let preview = try await space.run("render", "a.session", "--from", "0:00", "--to", "0:00.500")
        #expect(preview.status != 0, "\(preview)")
        #expect(preview.stderr.contains("the preview would be written over the track of a.preview.session"), "\(preview)")
        #expect(try space.data("output/a.preview.wav") == track)
        #expect(try await space.run("render", "a.session", "--from", "0:00", "--to", "0:00.500", "-o", "cut.wav").status == 0)
    }

    /// A track replaced since the build wrote it (by hand, by a preview) is no
    /// longer up to date: the build checked only that a file of its name existed.
    @Test func aReplacedTrackIsRenderedAgain() async throws {
        let space = try library()
        #expect(try await space.run("build", ".").status == 0)
        let original = try space.data("output/a.wav")
        try space.recordClip("elsewhere.wav", seconds: 3)
        try FileManager.default.removeItem(at: space.url("output/a.wav"))
        try FileManager.default.copyItem(at: space.url("elsewhere.wav"), to: space.url("output/a.wav"))
        let dry = try await space.run("build", ".", "--dry-run")
        #expect(dry.stderr.contains("would render a.session: output changed since it was rendered"), "\(dry)")
        let build = try await space.run("build", ".")
        #expect(build.stderr.contains("build: 1 rendered, 0 up to date"), "\(build)")
        #expect(try space.data("output/a.wav") == original)
        #expect(try await space.run("build", ".").stderr.contains("build: 0 rendered, 1 up to date"))
    }

    /// The build record is a file anyone can edit: paths in it that leave `output/`
    /// (`..`, absolute, or through a linked folder) are never deleted by `--prune`.
    @Test(arguments: ["../victim.txt", "/VICTIM", "linked/victim.txt", "./../victim.txt"])
    func pruneDeletesOnlyInsideTheOutputFolder(_ stray: String) async throws {
        let space = try library()
        #expect(try await space.run("build", ".").status == 0)
        try space.write("victim.txt", "keep me")
        try FileManager.default.createSymbolicLink(at: space.url("output/linked"), withDestinationURL: space.root)
        let path = stray.replacingOccurrences(of: "/VICTIM", with: space.url("victim.txt").path)
        let recordFile = space.url("output/.stillpoint-build.json")
        var record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: recordFile)) as? [String: Any])
        record["strays"] = [path]
        try JSONSerialization.data(withJSONObject: record).write(to: recordFile)
        let pruned = try await space.run("build", ".", "--prune")
        #expect(pruned.status == 0, "\(pruned)")
        // The edited record was read (a record that fails to read renders everything).
        #expect(pruned.stderr.contains("build: 0 rendered, 1 up to date"), "\(pruned)")
        #expect(space.exists("victim.txt"), "\(pruned)")
        #expect(try space.data("victim.txt") == Data("keep me".utf8))
    }

    /// `check z` and `include a` crashed with SIGILL in `displayPath`, and took
    /// `check .` down with them.
    @Test(arguments: [["check", "z"], ["check", "m.session"], ["check", "."], ["check", "x.session"]])
    func oneCharacterPathsDoNotCrash(_ arguments: [String]) async throws {
        let space = try TemporaryLibrary()
        try space.write("z", "pause 1s\n")
        try space.write("a", "pause 1s\n")
        try space.write("m.session", "include a\n")
        try space.write("x.session", "pause 1s\n")
        let result = try await StillpointCommand.run(arguments, in: space.root)
        #expect(!result.killed, "\(result)")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.hasSuffix("no problems\n"), "\(result)")
    }
}
