#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StillpointTestSupport
import Testing

/// docs/errors.md says every example on it is real. This runs each one, in the
/// folder the page describes, and expects exactly what the page shows: the page
/// cannot drift from the tool again (and a reworded message must be reworded there).
struct ErrorsDocTests {
    /// The page's `/home/you/my-sessions`.
    static let shownFolder = "/home/you/my-sessions"

    /// What an example needs beyond the page's folder, keyed by its first message's
    /// place and source line (`DocumentedExample.firstSpot`), or by `$ ` and its
    /// command when it has none. An example at line 1 of example.session needs no
    /// entry: the script is the line the message shows.
    struct Scene: Sendable {
        var files: [String: Data] = [:]
        /// Files built once with `stillpoint build .` before `files` are added.
        var builtBefore: [String: Data]?
        /// Whether `builtBefore` is published (`stillpoint publish .`) rather than built.
        var publishedBefore = false
        /// Whether another build holds the lock of `output/` meanwhile.
        var lockedOutput = false
        /// A clip whose FLAC header is sound and whose audio is damaged.
        var damagedFLAC: String?
        /// Symbolic links made in place of files: path → where it points.
        var links: [String: String] = [:]
        /// Set in the command's environment, such as a `PATH` without rsync.
        var environment: [String: String] = [:]
    }

    static func text(_ text: String) -> Data { Data(text.utf8) }

    /// Three seconds of 440 Hz as a 16-bit WAV, the rest of a take.
    static let take = AudioFixtures.sine(frequency: 440, amplitude: 0.3, rate: 48000, frames: 144_000)

    static let scenes: [String: Scene] = [
        "example.session:1:5 say welcome \"Welcome.\"": Scene(files: [
            "example.session": text("say welcome \"Welcome.\"\n"), "clips/welcome.flac": text("another take")]),
        "example.session:1:5 say thanks \"Thank you.\"": Scene(files: [
            "example.session": text("say thanks \"Thank you.\"\n"), "clips/thanks.wav": text("not sound")]),
        "example.session:1:1 say thanks \"Thank you.\"": Scene(
            files: ["example.session": text("say thanks \"Thank you.\"\n")], damagedFLAC: "clips/thanks.flac"),
        "example.session:2:1 \u{FFFD}\u{FFFD} bad": Scene(files: [
            "example.session": text("# saved in Latin-1\n") + Data([0xFF, 0xFE]) + text(" bad\n")]),
        "example.session:2:1 title: Late": Scene(files: ["example.session": text("say welcome\ntitle: Late\n")]),
        "example.session:2:1 title: Morning Rest": Scene(files: [
            "example.session": text("title: Evening Rest\ntitle: Morning Rest\n")]),
        "example.session:3:7 pause 2s": Scene(files: ["example.session": text("repeat 2:\n  pause 1s\n      pause 2s\n")]),
        "example.session:3:1 pause 2s": Scene(files: ["example.session": text("repeat 2:\n    pause 1s\n\tpause 2s\n")]),
        "example.session:2:1 chapter Closing": Scene(files: ["example.session": text("say welcome\nchapter Closing\n")]),
        "example.session:2:5 bed waves = noise brown": Scene(files: [
            "example.session": text("bed waves = noise brown\nbed waves = noise brown\n")]),
        "example.session:2:6 stop wave": Scene(files: ["example.session": text("bed waves = noise brown\nstop wave\n")]),
        "example.session:2:7 rate: 44100": Scene(files: ["example.session": text("format: opus\nrate: 44100\n")]),
        "example.session:2:15 tone binaural 200 Hz beat 6 Hz for 10s": Scene(files: [
            "example.session": text("channels: 1\ntone binaural 200 Hz beat 6 Hz for 10s\n")]),
        "example.session:2:9 at 0:01 say breath": Scene(files: ["example.session": text("say welcome\nat 0:01 say breath\n")]),
        "example.session:2:1 pause 20s": Scene(files: ["example.session": text("pause 1s\npause 20s\nend 0:10\n")]),
        "parts/opening.session:1:1 title: Opening": Scene(files: [
            "example.session": text("include parts/opening.session\n"), "parts/opening.session": text("title: Opening\n")]),
        "parts/opening.session:1:9 include ../example.session": Scene(files: [
            "example.session": text("include parts/opening.session\n"),
            "parts/opening.session": text("include ../example.session\n")]),
        "broken.session:1:1 sya welcome": Scene(
            files: ["broken.session": text("sya welcome\n")], builtBefore: ["example.session": text("say welcome\n")]),
        "$ build .": Scene(lockedOutput: true),
        "$ takes evening-rest.session notes.txt": Scene(files: [
            "evening-rest.session": text("say welcome \"Welcome.\"\n"), "notes.txt": text("my notes")]),
        "$ takes evening-rest.session missing.wav": Scene(files: ["evening-rest.session": text("say welcome \"Welcome.\"\n")]),
        "$ takes evening-rest.session voice-memo.m4a": Scene(
            files: ["evening-rest.session": text("say welcome \"Welcome.\"\n"), "voice-memo.m4a": text("AAC?")],
            environment: ["PATH": "/nonexistent"]),
        "$ takes evening-rest.session old-memo.m4a": Scene(files: [
            "evening-rest.session": text("say welcome \"Welcome.\"\n"), "old-memo.m4a": text("not AAC after all")]),
        // The page's only `check` without a place: library.defaults is no .session.
        "$ check example.session": Scene(
            files: ["example.session": text("say welcome\n")], links: ["library.defaults": "/etc/hosts"]),
        "example.session:1:5 say rest \"Rest now.\"": Scene(files: [
            "example.session": text("say rest \"Rest now.\"\n"),
            "clips/rest.wav": AudioFixtures.wav(take.enumerated().map { [1000, 2000].contains($0.offset) ? .nan : $0.element },
                                                rate: 48000, channels: 1, encoding: .float32)]),
        // A take at -50 dB with one full-scale click: reaching -18 LUFS needs deep limiting.
        "$ render example.session": Scene(files: [
            "example.session": text("voice-level: off\nsay rest\n"),
            "clips/rest.wav": AudioFixtures.wav(
                AudioFixtures.sine(frequency: 440, amplitude: 0.003, rate: 48000, frames: 144_000).enumerated()
                    .map { $0.offset == 1000 ? 1 : $0.element }, rate: 48000, channels: 1)]),
        // An interrupted copy: the header promises 3 s, 0.02 s (1,920 bytes after its 44) are there.
        "example.session:1:1": Scene(files: [
            "example.session": text("say rest\nend 0:10\n"),
            "clips/rest.wav": AudioFixtures.wav(take, rate: 48000, channels: 1).prefix(44 + 1920)]),
        "example.session:1:16 title: \"Evening\\u{0}Rest\"": Scene(files: [
            "example.session": text("title: \"Evening\u{0}Rest\"\n")]),
        "example.session:2:5 end 0:00": Scene(files: ["example.session": text("title: Empty\nend 0:00\n")]),
        "example.session:102:1 pause 1ms": Scene(files: [
            "example.session": text("repeat 10000:\n" + String(repeating: "  pause 1ms\n", count: 100) + "pause 1ms\npause 1ms\n")]),
        "example.session:512:1 chapter Part 256": Scene(files: [
            "example.session": text("format: mp3\n" + (1 ... 256).map { "chapter Part \($0)\npause 1s\n" }.joined())]),
        // The page shows the line as quoted: cut at 100 characters.
        "example.session:1:10 comment: " + String(repeating: "a", count: 91) + "…": Scene(files: [
            "example.session": text("comment: " + String(repeating: "a", count: 50001) + "\n")]),
        "example.session:1:8 cover: notes.txt": Scene(files: [
            "example.session": text("cover: notes.txt\n"), "notes.txt": text("not a picture\n")]),
        "example.session:1:21 versions: 10m, 20m, 30m": Scene(files: [
            "example.session": text("versions: 10m, 20m, 30m\nsay welcome\npause 2m..20m\n")]),
        "$ render --length 30m example.session": Scene(files: ["example.session": text("say welcome\npause 2m..10m\n")]),
        "example.session:2:1 versions: 10m, 20m": Scene(files: [
            "example.session": text("length: 10m\nversions: 10m, 20m\nsay welcome\npause 2m..20m\n")]),
        "example.session:2:9 at end -5m say welcome": Scene(files: ["example.session": text("end 1:00\nat end -5m say welcome\n")]),
        "$ new evening-rest": Scene(files: ["evening-rest.session": text("say welcome\n")]),
        "$ render example.session -o clips/welcome.wav": Scene(files: ["example.session": text("say welcome\n")]),
        "$ render example.session -o /dev/null": Scene(files: ["example.session": text("say welcome\n")]),
        "$ render example.session --from 0:01 --to 0:02": Scene(files: [
            "example.session": text("say welcome\n"), "example.preview.session": text("say breath\n")]),
        "$ publish . --base-url https://example.com/practice/ --new-link bob": Scene(
            builtBefore: ["anna/settle.session": text("say welcome\n")]),
        "$ publish . --base-url https://example.com/practice/ --site notes": Scene(files: ["notes/todo.txt": text("mine\n")]),
        "$ publish . --base-url https://example.com/practice/ --site blocker/site": Scene(files: ["blocker": text("a file\n")]),
        "$ publish . --base-url https://example.com/practice/ --to host:site": Scene(environment: ["PATH": "/nonexistent"]),
        // A folder's page in the site replaced by a link; its token is the page's.
        "$ publish . --base-url https://example.com/practice/ -j 1": Scene(
            builtBefore: [
                "anna/settle.session": text("say welcome\n"),
                "publish-links.json": text(#"{ "links": { "anna": "b0b304ad7c882c05d79f8698ddf2c198" }, "note": "", "published": {} }"#),
            ],
            publishedBefore: true, links: ["output/site/b0b304ad7c882c05d79f8698ddf2c198": "../../clips"]),
        "$ publish . --base-url https://example.com/practice/": Scene(files: ["publish-links.json": text("{ damaged\n")]),
    ]

    /// The page's one example that shows only a hint, keyed by the file it names.
    static let partScenes: [String: Scene] = [
        "sigh.m4a": Scene(files: ["example.session": text("say sigh \"Ahh.\"\n"), "clips/sigh.m4a": text("AAC")]),
    ]

    @Test(arguments: ErrorsDocument.examples)
    func theToolPrintsWhatThePageShows(_ example: DocumentedExample) async throws {
        let library = try await Self.folder(for: example)
        let lock = Self.scene(for: example)?.lockedOutput == true ? try Self.holdBuildLock(in: library) : nil
        defer { lock.map { _ = close($0) } }

        let changes = Self.scene(for: example)?.environment ?? [:]
        let result = try await StillpointCommand.run(example.arguments, in: library.root, changes: changes)
        let printed = result.stderr.replacingOccurrences(of: library.root.path, with: Self.shownFolder)
        let context = "errors.md:\(example.line); if it needs files of its own, give it a scene in ErrorsDocTests\n\(result)"
        #expect(result.stdout.isEmpty, "\(context)")
        switch example.shown {
        case .whole:
            #expect(printed == example.printed, "\(context)")
        case .withoutSummary:
            var lines = printed.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= 2 && lines[lines.count - 2].hasPrefix("checked 1 script: "), "\(context)")
            lines.removeSubrange(max(0, lines.count - 2) ..< lines.count - 1)
            #expect(lines.joined(separator: "\n") == example.printed, "\(context)")
        case .part:
            #expect(printed.contains(example.printed), "\(context)")
        }
        if let status = example.status {
            #expect(result.status == status, "\(context)")
        }
    }

    /// The page is read as examples at all: every block is one, and there are many.
    @Test func everyBlockOfThePageIsAnExample() {
        #expect(ErrorsDocument.blocks.count > 40)
        #expect(Set(ErrorsDocument.examples.map(\.line)).count >= ErrorsDocument.blocks.count)
        #expect(ErrorsDocument.examples.allSatisfy { !$0.printed.isEmpty && !$0.arguments.isEmpty })
    }

    static func scene(for example: DocumentedExample) -> Scene? {
        if example.shown == .part {
            return partScenes.first { example.printed.contains($0.key) }?.value
        }
        return scenes[example.firstSpot?.key ?? "$ " + example.arguments.joined(separator: " ")]
    }

    /// The folder the page describes (`library.defaults`, `clips/welcome.wav` of
    /// 3.293 s and `clips/breath.wav`), with the example's own files: its scene's, or
    /// the line its message shows as example.session, or README's evening-rest.session
    /// (with its other two phrases recorded) for the commands that name it.
    static func folder(for example: DocumentedExample) async throws -> TemporaryLibrary {
        let library = try TemporaryLibrary("stillpoint-errors")
        try library.write("library.defaults", "# Settings every track in this folder shares.\n")
        try library.recordClip("clips/welcome.wav", seconds: 3.293)
        try library.recordClip("clips/breath.wav", seconds: 4)
        if example.arguments.contains("evening-rest.session") {
            try library.write("evening-rest.session", try eveningRest())
            // With these lengths the track lasts 1:15, as the page says.
            try library.recordClip("clips/lie-down.wav", seconds: 5)
            try library.recordClip("clips/return.wav", seconds: 4)
        }
        if let scene = scene(for: example) {
            if let earlier = scene.builtBefore {
                for (path, data) in earlier { try library.write(path, data) }
                let command = scene.publishedBefore ? ["publish", ".", "--base-url", "https://example.com/practice/"] : ["build", "."]
                let build = try await StillpointCommand.run(command, in: library.root)
                #expect(build.status == 0, "\(build)")
            }
            for (path, data) in scene.files { try library.write(path, data) }
            for (path, target) in scene.links {
                try FileManager.default.removeItem(at: library.url(path))
                try FileManager.default.createSymbolicLink(atPath: library.url(path).path, withDestinationPath: target)
            }
            if let path = scene.damagedFLAC {
                try await DiagnosticTests.damagedFLAC(in: library)
                try FileManager.default.moveItem(at: library.url("clips/x.flac"), to: library.url(path))
            }
        } else if let spot = example.firstSpot, spot.file == "example.session", spot.line == 1, let source = spot.source {
            try library.write("example.session", source + "\n")
        }
        return library
    }

    /// The script of README's "Your first session", which the command-line examples use.
    static func eveningRest() throws -> String {
        let readme = try String(contentsOf: StillpointCommand.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let after = try #require(readme.components(separatedBy: "Then a script, `evening-rest.session`").dropFirst().first)
        let block = after.components(separatedBy: "```\n").dropFirst().first
        return try #require(block)
    }

    /// Takes the output folder's build lock as a running build would; the returned
    /// descriptor holds it until closed.
    static func holdBuildLock(in library: TemporaryLibrary) throws -> Int32 {
        try FileManager.default.createDirectory(at: library.url("output"), withIntermediateDirectories: true)
        let fd = open(library.url("output/.stillpoint-build.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        return fd
    }
}
