import Foundation
import StillpointTakes
import StillpointTestSupport
import Testing

/// `stillpoint takes` as a practitioner runs it, through the built tool: the
/// `ShortRest` script, an empty clips folder and one take of its two phrases.
struct TakesCommandTests {
    let folder: URL

    init() throws {
        folder = try AudioFixtures.temporaryFolder("takes-cli")
        try ShortRest.write(in: folder, take: folder.appendingPathComponent("take.wav"))
    }

    private func run(_ arguments: String...) async throws -> CommandResult {
        try await StillpointCommand.run(arguments, in: folder)
    }

    private func clips() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("clips").path).sorted()
    }

    private func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func dryRunWritesNothingThenOneRunWritesEveryClipAndASecondNothing() async throws {
        let dry = try await run("takes", "rest.session", "take.wav", "--dry-run", "--json")
        #expect(dry.status == 0, "\(dry)")
        let report = try JSONDecoder().decode(TakesReport.self, from: Data(dry.stdout.utf8))
        #expect(report.found.map(\.phrase) == ["welcome", "breath"] && report.found.allSatisfy { $0.action == "would write" })
        #expect(try clips().isEmpty)

        let takeBefore = try bytes("take.wav")
        let real = try await run("takes", "rest.session", "take.wav")
        #expect(real.status == 0, "\(real)")
        #expect(real.stdout.contains("wrote clips/welcome.flac") && real.stdout.contains("wrote clips/breath.flac"), "\(real)")
        #expect(try clips() == ["breath.flac", "welcome.flac"])
        #expect(try bytes("take.wav") == takeBefore)
        let written = try bytes("clips/welcome.flac")

        let again = try await run("takes", "rest.session", "take.wav")
        #expect(again.status == 0 && again.stdout.contains("Every phrase is recorded"), "\(again)")
        #expect(try clips() == ["breath.flac", "welcome.flac"] && bytes("clips/welcome.flac") == written)

        let render = try await run("render", "rest.session", "-o", "rest.wav")
        #expect(render.status == 0 && !render.stderr.contains("DRAFT"), "\(render)")
    }

    @Test func replaceKeepsTheOldClipWhereTheLookupDoesNotSeeIt() async throws {
        try AudioFixtures.writeWAV(AudioFixtures.sine(frequency: 440, rate: 22050, frames: 22050), rate: 22050,
                                   to: folder.appendingPathComponent("clips/welcome.wav"))
        let old = try bytes("clips/welcome.wav")
        let kept = try await run("takes", "rest.session", "take.wav", "--all")
        #expect(kept.status == 0 && kept.stdout.contains("kept clips/welcome.wav"), "\(kept)")
        #expect(try clips() == ["breath.flac", "welcome.wav"])

        let replaced = try await run("takes", "rest.session", "take.wav", "--all", "--replace", "--json")
        #expect(replaced.status == 0, "\(replaced)")
        let report = try JSONDecoder().decode(TakesReport.self, from: Data(replaced.stdout.utf8))
        let moved = try #require(report.found.first { $0.phrase == "welcome" }?.replaced)
        #expect(moved.contains("/clips/.replaced/welcome."), "\(moved)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: moved)) == old)
        // The same take cut again gives the same bytes: the cleaning is deterministic.
        let breath = try #require(report.found.first { $0.phrase == "breath" }?.replaced)
        #expect(try Data(contentsOf: URL(fileURLWithPath: breath)) == bytes("clips/breath.flac"))
        #expect(try clips() == [".replaced", "breath.flac", "welcome.flac"])
        let render = try await run("render", "rest.session", "-o", "rest.wav")
        #expect(render.status == 0, "\(render)")
    }

    @Test func aTextFileIsNoTakeAndNothingIsWritten() async throws {
        try "not a recording\n".write(to: folder.appendingPathComponent("notes.m4a"), atomically: true, encoding: .utf8)
        try "not a recording\n".write(to: folder.appendingPathComponent("notes.wav"), atomically: true, encoding: .utf8)
        for name in ["notes.wav", "notes.m4a"] {
            let result = try await run("takes", "rest.session", "take.wav", name)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("error: \(name): not a recording Stillpoint can read"), "\(result)")
            #expect(try clips().isEmpty)
        }
    }

    /// The take as a phone's AAC in `.m4a`, made by ffmpeg.
    private func convertToM4A() throws {
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        convert.arguments = ["ffmpeg", "-v", "error", "-i", "take.wav", "-c:a", "aac", "-b:a", "96k", "take.m4a"]
        convert.currentDirectoryURL = folder
        try convert.run()
        convert.waitUntilExit()
    }

    @Test func aPhonesM4AIsReadThroughFFmpeg() async throws {
        try convertToM4A()
        let result = try await run("takes", "rest.session", "take.m4a")
        #expect(result.status == 0, "\(result)")
        #expect(try clips() == ["breath.flac", "welcome.flac"], "\(result)")
    }

    @Test func anM4AWithoutFFmpegSaysWhatToInstallAndWritesNothing() async throws {
        try convertToM4A()
        // A PATH with no ffmpeg on it, as on a machine without it.
        let result = try await StillpointCommand.start(
            ["takes", "rest.session", "take.m4a"], in: folder, changes: ["PATH": folder.path]
        ).result()
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: take.m4a: reading this kind of file needs ffmpeg, which is not installed"), "\(result)")
        #expect(result.stderr.contains("hint: install ffmpeg"), "\(result)")
        #expect(try clips().isEmpty)
    }

    /// The clips folder a link out of the library: `takes` writes nothing there
    /// (the render would refuse every clip in it), and says why.
    @Test func aClipsFolderLinkedOutOfTheLibraryIsRefusedAndNothingIsWritten() async throws {
        let elsewhere = try AudioFixtures.temporaryFolder("takes-elsewhere").resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let clips = folder.resolvingSymlinksInPath().appendingPathComponent("clips")
        try FileManager.default.removeItem(at: clips)
        try FileManager.default.createSymbolicLink(at: clips, withDestinationURL: elsewhere)
        let result = try await run("takes", "rest.session", "take.wav")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(
            "error: the clips folder \(clips.path) leads outside the library's root, to \(elsewhere.path)"), "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func theLeftoverOfAKilledRunIsRemovedByTheNextRun() async throws {
        let leftover = "clips/.welcome.tmp-4242-17.flac"
        try Data(repeating: 0, count: 4096).write(to: folder.appendingPathComponent(leftover))
        let dry = try await run("takes", "rest.session", "take.wav", "--dry-run")
        #expect(dry.status == 0 && FileManager.default.fileExists(atPath: folder.appendingPathComponent(leftover).path), "\(dry)")

        let real = try await run("takes", "rest.session", "take.wav")
        #expect(real.status == 0, "\(real)")
        #expect(real.stderr.contains("note: removed") && real.stderr.contains(".welcome.tmp-4242-17.flac"), "\(real)")
        #expect(try clips() == ["breath.flac", "welcome.flac"])
    }
}
