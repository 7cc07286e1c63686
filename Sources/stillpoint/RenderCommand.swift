import ArgumentParser
import Foundation
import StillpointAudio
import StillpointScript

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one track.",
        discussion: "The track goes to output/<the script's path in its library>.<format> unless -o names a file; an excerpt (--from/--to) goes to <name>.preview.<format> there.")

    @Argument(help: "The script.")
    var script: String

    @Option(name: .shortAndLong, help: "The file to write; its extension chooses the format.")
    var output: String?

    @Option(help: "wav, flac, ogg, opus or mp3 (wins over the script's `format:`).")
    var format: AudioFormat?

    @Option(help: "Render from this time on (m:ss, h:mm:ss or a duration such as 90s).")
    var from: String?

    @Option(help: "Render up to this time.")
    var to: String?

    @Flag(help: "Also write WebVTT subtitles beside the track.")
    var subtitles = false

    @Flag(help: "Render even when clips are missing: they are spoken by espeak-ng, or marked by a soft tone.")
    var draft = false

    @Option(help: "Render the version of this length (such as 20m); its ranged pauses stretch to fill it.")
    var length: String?

    func validate() throws {
        _ = try OutputChoice.format(option: format, output: output)
        _ = try lengthOption(length)
        for time in [from, to].compactMap({ $0 }) {
            if case .failure(let error) = trackTime(time) { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        Interruption.install()
        guard let timeline = Loading.timeline(Loading.url(script), options: try resolveOptions()) else {
            throw ExitCode.failure
        }
        try render(timeline)
    }

    /// How the script is resolved for this render: a draft or not, and the format asked for.
    func resolveOptions() throws -> ResolveOptions {
        .init(draft: draft, format: try OutputChoice.format(option: format, output: output), length: try lengthOption(length))
    }

    /// Where the track goes. A preview never takes the full track's place: without
    /// -o it is written as `<name>.preview.<ext>` beside it.
    func destination(of timeline: Timeline) throws -> URL {
        let range = try excerpt(of: timeline)
        // A version is named as the build names it, `<name>.<length>.<ext>`.
        let script = Loading.url(script)
        let named = timeline.version.map {
            script.deletingPathExtension().appendingPathExtension($0.label).appendingPathExtension(script.pathExtension)
        } ?? script
        return output.map(Loading.url)
            ?? OutputChoice.defaultDestination(
                for: named, in: Loading.url("output"), format: timeline.settings.format, preview: range != nil)
    }

    /// Renders the resolved script and prints what was written; `watch` calls it
    /// on every save. `progress` also hears how far the render is (0…1).
    func render(_ timeline: Timeline, progress: (@Sendable (Double) -> Void)? = nil) throws {
        if try excerpt(of: timeline) != nil, output == nil { try OutputChoice.refusePreviewOverTrack(of: Loading.url(script)) }
        let name = Loading.url(script).lastPathComponent
        let report = try Renderer().render(timeline, to: try destination(of: timeline), options: RenderOptions(
            range: try excerpt(of: timeline), subtitles: subtitles,
            progress: {
                Terminal.progress("rendering \(name)  \(Int($0 * 100))%")
                progress?($0)
            }))
        Terminal.endProgress()
        Terminal.say(OutputChoice.summary(report))
    }

    /// The frames `--from/--to` ask for, or nil for the whole track.
    private func excerpt(of timeline: Timeline) throws -> Range<Int64>? {
        guard from != nil || to != nil else { return nil }
        func frame(_ text: String?, _ fallback: Int64) throws -> Int64 {
            guard let text else { return fallback }
            switch trackTime(text) {
            case .success(let seconds): return min(Int64((seconds * Double(timeline.rate)).rounded()), timeline.length)
            case .failure(let error): throw CommandError.badTime(error)
            }
        }
        let start = try frame(from, 0), end = try frame(to, timeline.length)
        guard start < end else {
            throw CommandError.excerptOutOfOrder(trackSeconds: timeline.seconds)
        }
        return start..<end
    }
}

extension AudioFormat: ExpressibleByArgument {}

/// `--length` of `render` and `timeline`: a duration such as 20m (or a time such
/// as 20:00), in seconds; nil when not given.
func lengthOption(_ text: String?) throws -> Double? {
    guard let text else { return nil }
    switch trackTime(text) {
    case .success(let seconds): return seconds
    case .failure(let error): throw ValidationError("--length \(text): " + error.description)
    }
}
