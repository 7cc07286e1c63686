import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// `format:` as a list (one render, each format encoded from it) and `cover:`
/// (a picture embedded in FLAC, MP3, Ogg and Opus), as the files show them.
struct FormatsAndCoverTests {
    final class Library: Sendable {
        let root: URL
        init(_ header: String, cover: Bool = true) throws {
            root = try AudioFixtures.temporaryFolder("stillpoint-formats").resolvingSymlinksInPath()
            try Data("\(header)\nchapter One\ntone sine 440 Hz for 1s\npause 1s\nchapter Two\ntone sine 660 Hz for 1s\npause 1s\n".utf8)
                .write(to: root.appendingPathComponent("a.session"))
            if cover {
                let made = try ExternalTool.run("ffmpeg", [
                    "-loglevel", "error", "-f", "lavfi", "-i", "gradients=s=48x32:seed=2", "-frames:v", "1", "-y",
                    root.appendingPathComponent("cover.png").path])
                #expect(made.status == 0, "\(made)")
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        func load(_ options: ResolveOptions = ResolveOptions()) -> LoadResult {
            ScriptLoader(inspector: AudioFileCatalogue()).load(root.appendingPathComponent("a.session"), options: options)
        }

        func errors() -> [String] { load().diagnostics.filter(\.isError).map { "\($0.location?.column ?? 0): \($0.message)" } }
    }

    @Test func everyListedFormatIsWrittenFromOneRenderWithTheCoverInside() throws {
        let library = try Library("format: flac, wav, mp3, ogg, opus\ncover: cover.png\nrate: 48000")
        let timeline = try #require(library.load().timeline)
        #expect(timeline.settings.formats == [.flac, .wav, .mp3, .ogg, .opus])
        let report = try Renderer().render(timeline, to: library.root.appendingPathComponent("out/a.flac"))
        #expect(report.otherFormats.map(\.lastPathComponent) == ["a.wav", "a.mp3", "a.ogg", "a.opus"])
        // One render: the two lossless files hold the very same samples.
        func pcmDigest(_ file: URL) throws -> String {
            try ExternalTool.run("ffmpeg", ["-loglevel", "error", "-i", file.path, "-map", "0:a", "-c:a", "pcm_s16le", "-f", "md5", "-"]).stdout
        }
        #expect(try pcmDigest(report.output).hasPrefix("MD5="))
        #expect(try pcmDigest(report.output) == pcmDigest(report.otherFormats[0]))
        #expect(timeline.settings.bits == .int16)
        let picture = try Data(contentsOf: library.root.appendingPathComponent("cover.png"))
        for file in [report.output] + report.otherFormats where file.pathExtension != "wav" {
            let extracted = library.root.appendingPathComponent("cover-\(file.pathExtension).png")
            let result = try ExternalTool.run("ffmpeg", [
                "-loglevel", "error", "-i", file.path, "-map", "0:v", "-c", "copy", "-f", "image2", "-y", extracted.path])
            #expect(result.status == 0, "\(file.lastPathComponent): \(result)")
            #expect((try? Data(contentsOf: extracted)) == picture, "the cover inside \(file.lastPathComponent)")
            #expect(try ChapterReader.read(from: file, format: AudioFormat(rawValue: file.pathExtension)!).chapters.count == 2)
        }
    }

    @Test func theCommandLineFormatReplacesTheList() throws {
        let library = try Library("format: flac, mp3", cover: false)
        let timeline = try #require(library.load(ResolveOptions(format: .ogg)).timeline)
        #expect(timeline.settings.formats == [.ogg])
    }

    @Test(arguments: [
        ("format: flac, m4a", "15: `format` is one of `wav`, `flac`, `ogg`, `opus`, `mp3`, found `m4a`"),
        ("format: flac, flac", "15: `flac` is listed twice"),
        ("format: flac,, mp3", "14: a format is missing between the commas"),
        ("format: mp3, flac\nbits: 32f", "7: `bits: 32f` is for wav only; mp3 files are 16 or 24 bits"),
        ("format: flac, opus\nrate: 44100", "7: opus cannot be written at 44100 samples a second"),
        ("cover: missing.png", "8: no file `missing.png`"),
        ("cover: ../outside.png", "8: `../outside.png` is outside the library's root"),
        ("cover: a.session", "8: `a.session` is not a PNG or JPEG picture"),
    ])
    func mistakesAreReportedWhereTheyAre(_ header: String, _ error: String) throws {
        let library = try Library(header, cover: false)
        #expect(library.errors() == [error])
    }

    @Test func aChangedCoverIsADependencyOfTheTrack() throws {
        let library = try Library("cover: cover.png")
        let timeline = try #require(library.load().timeline)
        #expect(timeline.dependencies.map(\.lastPathComponent).contains("cover.png"))
        #expect(timeline.tags.cover?.lastPathComponent == "cover.png")
    }
}

/// The build knows a track of several formats has several files.
struct SeveralOutputsTests {
    @Test func pruneAndFormatChangesTreatEveryFormatAsTheTracks() async throws {
        let folder = try AudioFixtures.temporaryFolder("stillpoint-outputs").resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("lib/a.session")
        try FileManager.default.createDirectory(at: script.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("format: flac, mp3\ntone sine 440 Hz for 1s\npause 1s\n".utf8).write(to: script)
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/\(name)").path) }
        #expect(try await StillpointCommand.run(["build", "lib"], in: folder).status == 0)
        #expect(exists("a.flac") && exists("a.mp3"))

        try Data("format: flac\ntone sine 440 Hz for 1s\npause 1s\n".utf8).write(to: script)
        let narrowed = try await StillpointCommand.run(["build", "lib"], in: folder)
        #expect(narrowed.stderr.contains("outdated: a.mp3 (left behind by a change of format"), "\(narrowed)")

        try Data("format: flac, mp3\ntone sine 440 Hz for 1s\npause 1s\n".utf8).write(to: script)
        #expect(try await StillpointCommand.run(["build", "lib"], in: folder).status == 0)
        try FileManager.default.removeItem(at: script)
        let pruned = try await StillpointCommand.run(["build", "lib", "--prune"], in: folder)
        #expect(pruned.stderr.contains("removed a.flac") && pruned.stderr.contains("removed a.mp3"), "\(pruned)")
        #expect(!exists("a.flac") && !exists("a.mp3"))
    }

    @Test func aCoverLinkedFromOutsideTheLibraryIsRefused() throws {
        let folder = try AudioFixtures.temporaryFolder("stillpoint-cover-link").resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: folder.appendingPathComponent("outside.png"))
        try FileManager.default.createSymbolicLink(
            at: library.appendingPathComponent("cover.png"), withDestinationURL: folder.appendingPathComponent("outside.png"))
        try Data("cover: cover.png\npause 1s\n".utf8).write(to: library.appendingPathComponent("a.session"))
        let result = ScriptLoader(inspector: AudioFileCatalogue()).load(library.appendingPathComponent("a.session"), libraryRoot: library)
        #expect(result.diagnostics.map(\.message) == ["`cover.png` is outside the library's root"])
    }
}
