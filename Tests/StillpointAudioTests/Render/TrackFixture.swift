import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport

/// Small timelines built by hand, so the renderer is tested without the parser.
enum TrackFixture {
    static let rate = 48000

    static func seconds(_ s: Double) -> Int64 { Int64((s * Double(rate)).rounded()) }

    static func timeline(
        _ events: [Event], length: Double, format: AudioFormat = .wav, bits: SampleDepth = .float32,
        channels: Int = 2, loudness: Double? = -18, duck: Double = 0, chapters: [Chapter] = []
    ) -> Timeline {
        var settings = OutputSettings()
        settings.format = format
        settings.bits = bits
        settings.channels = channels
        settings.loudness = loudness
        settings.voiceLevel = nil
        settings.duck = duck
        return Timeline(
            script: "fixture.session", settings: settings, tags: Tags(title: "Fixture"), length: seconds(length),
            events: events.sorted { $0.start < $1.start }, chapters: chapters, dependencies: [])
    }

    static let here = SourceLocation(file: "fixture.session", line: 1, column: 1)

    static func tone(_ generator: Generator, kind: Event.Kind = .tone, from start: Double, to end: Double,
                     level: Double = -20, fade: Double = 0, ducks: Bool = true) -> Event {
        Event(kind: kind, start: seconds(start), end: seconds(end), location: here, source: .generator(generator),
              mix: Mix(level: Param(level), fadeIn: seconds(fade), fadeOut: seconds(fade), ducks: ducks))
    }

    static func say(_ file: URL, at start: Double, frames: Int, level: Double = 0) -> Event {
        Event(kind: .say, start: seconds(start), end: seconds(start) + Int64(frames), name: file.deletingPathExtension().lastPathComponent,
              location: SourceLocation(file: "fixture.session", line: 7, column: 1),
              source: .clip(ClipSource(file: file)), mix: Mix(level: Param(level), ducks: false))
    }

    /// Reads a rendered file back as planar channels.
    static func read(_ url: URL) throws -> [[Float]] {
        let audio = try SoundFileReader(url: url).decode()
        return audio.channels
    }
}
