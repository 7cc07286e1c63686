import Foundation
import StillpointBuild
import StillpointScript

/// A planner that understands a tiny stand-in for the script language, one
/// instruction a line: `include PATH` (relative to the file), `clip NAME` (from
/// `clips/NAME.wav` in the library), `format EXT`, `fail MESSAGE`. The library's
/// `library.defaults` is a dependency of every script when it exists.
struct FakePlanner: TrackPlanner {
    let library: URL
    /// Stands for the output settings that do not come from the files.
    var settings = "rate=48000"

    func plan(script: URL) -> TrackPlan {
        var dependencies = [script]
        var clipNames: [URL: String] = [:]
        var format = "flac"
        var files = [script]
        let defaults = library.appendingPathComponent("library.defaults")
        if FileManager.default.fileExists(atPath: defaults.path) {
            dependencies.append(defaults)
        }
        while let file = files.popLast() {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                return .failed([Diagnostic(at: SourceLocation(file: file.path, line: 1, column: 1), .cannotReadScript)])
            }
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard words.count == 2 else { continue }
                switch words[0] {
                case "include":
                    let included = file.deletingLastPathComponent().appendingPathComponent(words[1])
                    dependencies.append(included)
                    files.append(included)
                case "clip":
                    let clip = library.appendingPathComponent("clips/\(words[1]).wav")
                    dependencies.append(clip)
                    clipNames[clip] = words[1]
                case "format":
                    format = words[1]
                case "fail":
                    let spot = SourceLocation(file: file.lastPathComponent, line: 1, column: 1)
                    return .failed([Diagnostic(at: spot, .unknownInstruction(words[1], suggestion: nil))])
                default:
                    continue
                }
            }
        }
        return .ready(
            ReadyTrack(
                dependencies: dependencies, fingerprint: "\(settings);format=\(format)", fileExtension: format,
                clipNames: clipNames))
    }
}

/// A renderer that writes a small file naming its script (through a temporary
/// file, as the real one does), optionally a subtitle file beside it, and keeps a
/// list of what it rendered. `hook` runs before each render with the call's number
/// (from 1) and may throw to fail that track.
final class FakeRenderer: TrackRenderer, @unchecked Sendable {
    private let lock = NSLock()
    private var scripts: [String] = []
    private let library: URL
    private let subtitles: Bool
    private let hook: @Sendable (Int, URL) throws -> Void

    init(library: URL, subtitles: Bool = false, hook: @escaping @Sendable (Int, URL) throws -> Void = { _, _ in }) {
        self.library = library
        self.subtitles = subtitles
        self.hook = hook
    }

    /// Scripts rendered so far, relative to the library, sorted.
    var rendered: [String] { lock.withLock { scripts.sorted() } }

    func render(_ track: ReadyTrack, script: URL, to destination: URL) throws -> RenderReceipt {
        let name = String(script.path.dropFirst(library.path.count + 1))
        let call = lock.withLock {
            scripts.append(name)
            return scripts.count
        }
        try hook(call, script)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tmp-fake")
        try Data("rendered from \(name)".utf8).write(to: temporary)
        guard rename(temporary.path, destination.path) == 0 else { throw FakeRenderFailure() }
        guard subtitles else { return RenderReceipt() }
        let vtt = destination.deletingPathExtension().appendingPathExtension("vtt")
        try Data("WEBVTT\n".utf8).write(to: vtt)
        return RenderReceipt(extraOutputs: [vtt])
    }
}

struct FakeRenderFailure: Error, CustomStringConvertible {
    var description: String { "encoder failed: disk full" }
}
