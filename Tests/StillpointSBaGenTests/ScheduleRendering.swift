import Foundation
import StillpointAudio
import StillpointSBaGen
import StillpointScript
import StillpointTestSupport

/// Loads and renders schedules in-process, the way `stillpoint render FILE.sbg`
/// does (`SBaGenImport.load`), and reads the result back as samples.
enum ScheduleRendering {
    static let loader = ScriptLoader(inspector: AudioFileCatalogue())

    static func load(_ schedule: URL) -> LoadResult {
        SBaGenImport.load(schedule, with: loader)
    }

    /// Renders seconds `from..<to` of a loaded timeline as 32-bit float WAV; the
    /// left and right channels.
    static func render(_ timeline: Timeline, from: Double, to: Double, in folder: URL) throws -> (left: [Float], right: [Float]) {
        var timeline = timeline
        timeline.settings.format = .wav
        timeline.settings.bits = .float32
        let rate = Double(timeline.rate)
        let range = Int64((from * rate).rounded())..<min(Int64((to * rate).rounded()), timeline.length)
        let file = folder.appendingPathComponent("render-\(UUID().uuidString).wav")
        _ = try Renderer().render(timeline, to: file, options: RenderOptions(range: range))
        let wav = try WAVFile(contentsOf: file)
        try? FileManager.default.removeItem(at: file)
        return (wav.channel(0), wav.channel(min(1, wav.channels - 1)))
    }

    /// Writes `text` as a schedule in `library` and loads it.
    static func schedule(_ text: String, named name: String = "test.sbg", in library: TemporaryLibrary) throws -> (URL, LoadResult) {
        try library.write(name, text)
        let url = library.url(name)
        return (url, load(url))
    }
}
