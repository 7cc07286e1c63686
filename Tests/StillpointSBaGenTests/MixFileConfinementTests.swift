import Foundation
import StillpointSBaGen
import StillpointScript
import StillpointTestSupport
import Testing

/// A schedule's `-m` file stays inside the library (issue 13, "hostile text and
/// paths"): a schedule from elsewhere must not mix a file from outside it into a
/// track, by an absolute name, by `..`, by the `assets` search climbing past the
/// library's root, or by a link.
@Suite struct MixFileConfinementTests {
    static let rate = 8000

    /// A library at `library/` (with its `library.defaults`) and a recording
    /// beside it, outside, at `elsewhere/river.wav` and `assets/river.wav` of the
    /// temporary folder.
    static func libraryWithARecordingOutside() throws -> TemporaryLibrary {
        let library = try TemporaryLibrary("sbg-confined", library: "library")
        try library.write("library.defaults", "format: wav\n")
        let wav = AudioFixtures.wav(AudioFixtures.sine(frequency: 440, amplitude: 0.3, rate: rate, frames: rate), rate: rate, channels: 1)
        for outside in ["elsewhere/river.wav", "assets/river.wav"] {
            let file = library.root.appendingPathComponent(outside)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try wav.write(to: file)
        }
        return library
    }

    @Test(arguments: [
        ("-m ABSOLUTE\na: mix/100\n0:00 a\n", "the mix-in file `ABSOLUTE` is outside the schedule's folder; a track plays only files inside its library"),
        ("-m ../elsewhere/river.wav\na: mix/100\n0:00 a\n",
         "the mix-in file `../elsewhere/river.wav` is outside the schedule's folder; a track plays only files inside its library"),
        // assets/ above the library's root is not searched.
        ("-m river.wav\na: mix/100\n0:00 a\n",
         "the mix-in file `river.wav` is not beside the schedule, nor in an `assets` folder beside it or above it"),
    ])
    func aMixFileOutsideTheLibraryIsALocatedError(_ text: String, message: String) throws {
        let library = try Self.libraryWithARecordingOutside()
        let absolute = library.root.appendingPathComponent("elsewhere/river.wav").path
        let (schedule, result) = try ScheduleRendering.schedule(
            text.replacingOccurrences(of: "ABSOLUTE", with: absolute), named: "sub/test.sbg", in: library)
        #expect(result.timeline == nil)
        let first = try #require(result.diagnostics.first)
        #expect(first.location == SourceLocation(file: schedule.relativePath, line: 1, column: 4))
        #expect(first.message == message.replacingOccurrences(of: "ABSOLUTE", with: absolute))
        #expect(first.isError)
        #expect(SBaGenImport.importSchedule(schedule).files.isEmpty)
    }

    /// `assets/river.wav` inside the library, a link to the recording outside:
    /// found by the search, then refused by the loader, which reads real paths.
    @Test func aMixFileLinkedFromOutsideIsRefused() throws {
        let library = try Self.libraryWithARecordingOutside()
        try FileManager.default.createDirectory(at: library.url("assets"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: library.url("assets/river.wav"), withDestinationURL: library.root.appendingPathComponent("elsewhere/river.wav"))
        let (_, result) = try ScheduleRendering.schedule("-m river.wav\na: mix/100\n0:00 a\n", named: "sub/test.sbg", in: library)
        #expect(result.timeline == nil)
        #expect(result.diagnostics.contains { $0.isError && $0.message.contains("is outside the library's root") },
                "\(result.diagnostics)")
    }

    /// The same search inside the library finds `assets/` at its root, and plays it.
    @Test func aMixFileInTheLibrarysAssetsPlays() throws {
        let library = try Self.libraryWithARecordingOutside()
        try library.write("assets/river.wav", try Data(contentsOf: library.root.appendingPathComponent("assets/river.wav")))
        let (_, result) = try ScheduleRendering.schedule("-m river.wav\na: mix/100\n0:00 a\n", named: "sub/test.sbg", in: library)
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let (left, _) = try ScheduleRendering.render(timeline, from: 0, to: 0.5, in: library.root)
        #expect(SignalAnalysis.rms(left) > 0.05)
    }
}
