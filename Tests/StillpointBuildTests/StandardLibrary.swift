import Foundation
import StillpointBuild
import StillpointTestSupport

/// The Build tests' libraries: the shared fixture with the library in `lib/` and
/// the output folder `out/` beside it, built with the fakes.
extension TemporaryLibrary {
    static let tracks = ["a.session", "b.session", "c.session", "deep/d.session"]

    /// An empty library.
    static func empty() throws -> TemporaryLibrary {
        try TemporaryLibrary("stillpoint-build", library: "lib")
    }

    /// The standard one: `a` includes `parts/intro` (clip `welcome`) and uses clip
    /// `breath`; `b` includes `parts/intro` and `_outro` (clip `bye`); `c` uses `breath`;
    /// `deep/d` uses `bye`. Plus files a build must not render on their own. Clips are
    /// text: the fakes only hash them.
    static func standard() throws -> TemporaryLibrary {
        let lib = try empty()
        try lib.write("library.defaults", "rate 48000\n")
        for clip in ["welcome", "breath", "bye"] {
            try lib.write("clips/\(clip).wav", String(repeating: clip, count: 500))
        }
        try lib.write("parts/intro.session", "clip welcome\n")
        try lib.write("parts/alone.session", "clip welcome\n")
        try lib.write("_outro.session", "clip bye\n")
        try lib.write(".drafts/hidden.session", "clip bye\n")
        try lib.write("a.session", "include parts/intro.session\nclip breath\n")
        try lib.write("b.session", "include parts/intro.session\ninclude _outro.session\n")
        try lib.write("c.session", "clip breath\n")
        try lib.write("deep/d.session", "clip bye\n")
        try lib.write("notes.txt", "not a script\n")
        return lib
    }

    var output: URL { root.appendingPathComponent("out") }

    func outputExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    func build(
        jobs: Int = 2, dryRun: Bool = false, force: Bool = false, prune: Bool = false,
        rendererVersion: String = "1.0", settings: String = "rate=48000", renderer: FakeRenderer? = nil,
        events: EventLog? = nil
    ) async throws -> BuildReport {
        let build = LibraryBuild(
            library: library, output: output,
            options: BuildOptions(
                jobs: jobs, dryRun: dryRun, force: force, prune: prune, rendererVersion: rendererVersion),
            planner: FakePlanner(library: library, settings: settings),
            renderer: renderer ?? FakeRenderer(library: library))
        return try await build.run { events?.append($0) }
    }
}

/// Collects progress events from any thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [BuildEvent] = []

    func append(_ event: BuildEvent) { lock.withLock { list.append(event) } }
    var events: [BuildEvent] { lock.withLock { list } }
}

extension BuildReport {
    /// Scripts rendered, sorted.
    var renderedScripts: [String] { rendered.map(\.script) }

    /// Reasons, as printed, by script for the tracks rendered or that would render.
    var reasonsByScript: [String: [String]] {
        Dictionary(
            uniqueKeysWithValues: tracks.filter { !$0.reasons.isEmpty }.map {
                ($0.script, $0.reasons.map(\.description))
            })
    }
}
