import Foundation
import StillpointScript
import StillpointTestSupport

/// An `AudioFileInspector` from a table keyed by file name, so tests can give
/// recordings any length without writing audio. Files not in the table are
/// "not audio"; `audible` gives what `trim` keeps.
struct FakeInspector: AudioFileInspector {
    var infos: [String: AudioFileInfo]
    var audible: [String: Range<Int64>] = [:]

    struct NotAudio: Error, CustomStringConvertible {
        var description: String { "not an audio file" }
    }

    func info(of file: URL) throws -> AudioFileInfo {
        guard let info = infos[file.lastPathComponent] else { throw NotAudio() }
        return info
    }

    func audibleRange(of file: URL, within range: Range<Int64>) throws -> Range<Int64> {
        guard let audible = audible[file.lastPathComponent] else { return range }
        return max(audible.lowerBound, range.lowerBound)..<min(audible.upperBound, range.upperBound)
    }
}

/// The shared temporary library with (empty) recordings whose lengths come from
/// the fake inspector, loaded without rendering a sound.
final class TestLibrary {
    let files: TemporaryLibrary
    var inspector: FakeInspector

    var root: URL { files.root }

    /// `clips`: name with extension → seconds at 48 kHz, written into `clips/`;
    /// `audio`: path → seconds at 44.1 kHz stereo; `files`: path → text.
    init(clips: [String: Double] = [:], files: [String: String] = [:], audio: [String: Double] = [:]) throws {
        self.files = try TemporaryLibrary("stillpoint-script")
        inspector = FakeInspector(infos: [:])
        for (name, seconds) in clips {
            try write("clips/" + name, "")
            inspector.infos[name] = AudioFileInfo(frames: Int64(seconds * 48000), rate: 48000, channels: 1)
        }
        for (path, seconds) in audio {
            try write(path, "")
            inspector.infos[(path as NSString).lastPathComponent] =
                AudioFileInfo(frames: Int64(seconds * 44100), rate: 44100, channels: 2)
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws { try files.write(path, text) }

    func write(_ path: String, _ data: Data) throws { try files.write(path, data) }

    func url(_ path: String) -> URL { files.url(path) }

    /// Writes `text` as `path` and loads it, diagnostics named by the path relative to the root.
    func load(_ text: String, as path: String = "main.session", options: ResolveOptions = ResolveOptions()) throws -> LoadResult {
        try write(path, text)
        return loadExisting(path, options: options)
    }

    func loadExisting(_ path: String, options: ResolveOptions = ResolveOptions()) -> LoadResult {
        let script = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: root.path, isDirectory: true))
        return ScriptLoader(inspector: inspector).load(script, libraryRoot: root, options: options)
    }
}

extension LoadResult {
    var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
    /// The diagnostics, one a line, for readable test failures.
    var report: String { diagnostics.map { "\($0) \($0.hints)" }.joined(separator: "\n") }
}

extension Event {
    /// Start and end in seconds at the timeline's rate, for readable tables.
    func span(_ rate: Int) -> [Double] {
        [Double(start) / Double(rate), Double(end) / Double(rate)]
    }
}
