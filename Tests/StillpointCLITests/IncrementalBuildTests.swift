import Foundation
import StillpointTestSupport
import Testing

/// `build` renders a track again exactly when something it depends on changed,
/// and leaves every other track's file alone.
struct IncrementalBuildTests {
    /// A change a practitioner makes between two builds.
    enum Change: String, Sendable, CaseIterable {
        case nothing, touchScript, touchClip, editScript, editSharedPart, rerecordClipTwo, rerecordClipThree,
             editDefaults, addScript

        func apply(to library: BuildLibrary) throws {
            let space = library.space
            switch self {
            case .nothing: break
            case .touchScript: try space.touch("lib/a.session")
            case .touchClip: try space.touch("lib/clips/two.wav")
            case .editScript: try space.write("lib/c.session", "say three \"Three.\"\npause 1s\nend 0:02\n")
            case .editSharedPart: try space.write("lib/parts/intro.session", "pause 0.25s\nsay one \"One.\"\n")
            case .rerecordClipTwo: try space.recordClip("lib/clips/two.wav", seconds: 0.6, frequency: 500)
            case .rerecordClipThree: try space.recordClip("lib/clips/three.wav", seconds: 0.4, frequency: 700)
            case .editDefaults: try space.write("lib/library.defaults", "format: wav\nloudness: -21 LUFS\n")
            case .addScript: try space.write("lib/deep/e.session", "say three\nend 0:01\n")
            }
        }

        /// The tracks the next build must render, sorted.
        var rerenders: [String] {
            switch self {
            case .nothing, .touchScript, .touchClip: []
            case .editScript, .rerecordClipThree: ["c.session"]
            case .editSharedPart: ["a.session", "b.session"]
            case .rerecordClipTwo: ["a.session", "deep/d.session"]
            case .editDefaults: BuildLibrary.tracks
            case .addScript: ["deep/e.session"]
            }
        }
    }

    @Test func theFirstBuildRendersEveryTrack() async throws {
        let library = try BuildLibrary()
        let first = try await library.build()
        #expect(first.status == 0, "\(first)")
        #expect(first.rendered == BuildLibrary.tracks)
        #expect(first.summary == "build: 4 rendered, 0 up to date")
        for output in BuildLibrary.outputs {
            #expect(try library.space.wav(output).frames == 2 * 48000, "\(output)")
        }
        #expect(library.space.files(under: "output").filter { !$0.hasPrefix(".") } == ["a.wav", "b.wav", "c.wav", "deep/d.wav"])
        #expect(!first.result.stderr.contains("\r") && !first.result.stderr.contains(escape), "progress shown off a terminal")
    }

    /// `--output` puts the tracks (and the build's record) in another folder.
    @Test func outputChoosesTheFolder() async throws {
        let library = try BuildLibrary()
        let run = try await library.build("--output", "elsewhere/tracks")
        #expect(run.status == 0, "\(run)")
        #expect(run.lines.contains { $0.hasPrefix("rendered deep/d.session → elsewhere/tracks/deep/d.wav in ") }, "\(run)")
        #expect(library.space.files(under: "elsewhere/tracks").filter { !$0.hasPrefix(".") } == ["a.wav", "b.wav", "c.wav", "deep/d.wav"])
        #expect(!library.space.exists("output"))
        #expect(try await library.build("--output", "elsewhere/tracks").summary == "build: 0 rendered, 4 up to date")
    }

    @Test(arguments: Change.allCases)
    func theNextBuildRendersExactlyWhatChanged(_ change: Change) async throws {
        let library = try BuildLibrary()
        #expect(try await library.build().status == 0)
        let before = try library.outputBytes()
        try change.apply(to: library)

        let next = try await library.build()
        #expect(next.status == 0, "\(next)")
        #expect(next.rendered == change.rerenders, "\(next)")
        let total = BuildLibrary.tracks.count + (change == .addScript ? 1 : 0)
        #expect(next.summary == "build: \(change.rerenders.count) rendered, \(total - change.rerenders.count) up to date")
        for (output, bytes) in before where !change.rerenders.contains(where: { output.hasSuffix($0.replacingOccurrences(of: ".session", with: ".wav")) }) {
            #expect(try library.space.data(output) == bytes, "\(output) was rewritten")
        }
        let again = try await library.build()
        #expect(again.rendered.isEmpty && again.summary == "build: 0 rendered, \(total) up to date", "\(again)")
    }

    @Test func forceRendersEveryTrack() async throws {
        let library = try BuildLibrary()
        #expect(try await library.build().status == 0)
        let forced = try await library.build("--force")
        #expect(forced.status == 0)
        #expect(forced.rendered == BuildLibrary.tracks)
        #expect(forced.summary == "build: 4 rendered, 0 up to date")
    }

    /// `--dry-run` names each track it would render with its reason, and writes nothing.
    @Test func aDryRunListsReasonsAndWritesNothing() async throws {
        let library = try BuildLibrary()
        let fresh = try await library.build("--dry-run")
        #expect(fresh.lines == BuildLibrary.tracks.map { "would render \($0): new track" } + ["build: 4 to render, 0 up to date"],
                "\(fresh)")
        #expect(!library.space.exists("output"))

        #expect(try await library.build().status == 0)
        let before = try library.outputBytes()
        let listing = library.space.files(under: "output")
        try Change.editSharedPart.apply(to: library)
        try Change.rerecordClipThree.apply(to: library)
        let dry = try await library.build("--dry-run")
        #expect(dry.status == 0)
        #expect(dry.lines == [
            "would render a.session: `parts/intro.session` changed",
            "would render b.session: `parts/intro.session` changed",
            "would render c.session: clip `three` changed",
            "build: 3 to render, 1 up to date",
        ], "\(dry)")
        #expect(try library.outputBytes() == before)
        #expect(library.space.files(under: "output") == listing)
        #expect(try await library.build().rendered == ["a.session", "b.session", "c.session"])
    }

    /// A broken script fails alone: the others render, its earlier track stays,
    /// the status is 1 and the summary names it.
    @Test func aBrokenScriptFailsAlone() async throws {
        let library = try BuildLibrary()
        #expect(try await library.build().status == 0)
        let before = try library.outputBytes()
        try library.space.write("lib/c.session", "sya three\nend 0:02\n")
        try Change.rerecordClipTwo.apply(to: library)
        let run = try await library.build()
        #expect(run.status == 1)
        #expect(run.rendered == ["a.session", "deep/d.session"])
        #expect(run.result.stderr.contains("c.session:1:1: error: unknown instruction `sya`\n    sya three\n    ^\n"), "\(run)")
        #expect(run.summary == "build: 2 rendered, 1 up to date, 1 failed: c.session")
        #expect(try library.space.data("output/c.wav") == before["output/c.wav"])

        // Fixed as it was before: its earlier track is up to date again.
        try library.space.write("lib/c.session", "say three \"Three.\"\nend 0:02\n")
        #expect(try await library.build().summary == "build: 0 rendered, 4 up to date")
        try library.space.write("lib/c.session", "say three \"Three.\"\npause 1s\nend 0:02\n")
        let fixed = try await library.build()
        #expect(fixed.status == 0)
        #expect(fixed.rendered == ["c.session"], "\(fixed)")
    }

    /// A deleted script's track is listed as outdated, kept, and removed by `--prune`.
    @Test func aDeletedScriptsTrackIsListedThenPruned() async throws {
        let library = try BuildLibrary()
        #expect(try await library.build("--subtitles").status == 0)
        #expect(library.space.exists("output/c.vtt"))
        try library.space.remove("lib/c.session")
        let listed = try await library.build("--subtitles")
        #expect(listed.status == 0)
        #expect(listed.lines.contains { $0.hasPrefix("outdated: c.wav") && $0.contains("its script c.session is gone; --prune removes it") },
                "\(listed)")
        #expect(listed.summary == "build: 0 rendered, 3 up to date")
        #expect(library.space.exists("output/c.wav"))

        let preview = try await library.build("--subtitles", "--prune", "--dry-run")
        #expect(preview.lines.contains("would remove c.wav") && preview.lines.contains("would remove c.vtt"), "\(preview)")
        #expect(library.space.exists("output/c.wav"))

        let pruned = try await library.build("--subtitles", "--prune")
        #expect(pruned.status == 0)
        #expect(pruned.lines.contains("removed c.wav"), "\(pruned)")
        #expect(!library.space.exists("output/c.wav"))
        #expect(!library.space.exists("output/c.vtt"))
        #expect(library.space.files(under: "output").filter { !$0.hasPrefix(".") }
            == ["a.vtt", "a.wav", "b.vtt", "b.wav", "deep/d.vtt", "deep/d.wav"])
    }

    /// A build of a library with missing clips: an error per track, unless `--draft`.
    @Test func missingClipsFailTheirTracksUnlessDraft() async throws {
        let library = try BuildLibrary()
        try library.space.remove("lib/clips/three.wav")
        let run = try await library.build()
        #expect(run.status == 1)
        #expect(run.summary == "build: 3 rendered, 0 up to date, 1 failed: c.session", "\(run)")
        #expect(run.result.stderr.contains("no recording for the clip `three`"))
        let draft = try await library.build("--draft")
        #expect(draft.status == 0, "\(draft)")
        #expect(draft.rendered.contains("c.session"))
        #expect(library.space.exists("output/c.wav"))
    }
}
