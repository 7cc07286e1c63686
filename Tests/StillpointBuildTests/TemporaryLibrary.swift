import Foundation
import StillpointBuild

/// A library made in code in a fresh temporary folder, with an output folder
/// beside it; removed when released.
///
/// The standard one: `a` includes `parts/intro` (clip `welcome`) and uses clip
/// `breath`; `b` includes `parts/intro` and `_outro` (clip `bye`); `c` uses `breath`;
/// `deep/d` uses `bye`. Plus files a build must not render on their own.
final class TemporaryLibrary: Sendable {
    let root: URL
    let library: URL
    let output: URL

    static let tracks = ["a.session", "b.session", "c.session", "deep/d.session"]

    init(standard: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("stillpoint-build-\(UUID().uuidString)").standardizedFileURL
        library = root.appendingPathComponent("lib")
        output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        guard standard else { return }
        try write("library.defaults", "rate 48000\n")
        for clip in ["welcome", "breath", "bye"] {
            try write("clips/\(clip).wav", String(repeating: clip, count: 500))
        }
        try write("parts/intro.session", "clip welcome\n")
        try write("parts/alone.session", "clip welcome\n")
        try write("_outro.session", "clip bye\n")
        try write(".drafts/hidden.session", "clip bye\n")
        try write("a.session", "include parts/intro.session\nclip breath\n")
        try write("b.session", "include parts/intro.session\ninclude _outro.session\n")
        try write("c.session", "clip breath\n")
        try write("deep/d.session", "clip bye\n")
        try write("notes.txt", "not a script\n")
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { library.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func append(_ path: String, _ text: String) throws {
        let old = try String(contentsOf: url(path), encoding: .utf8)
        try write(path, old + text)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    /// Moves the modification time of every file in the library by `seconds`.
    func shiftTimes(by seconds: Double) throws {
        let walker = FileManager.default.enumerator(atPath: library.path)
        while let path = walker?.nextObject() as? String {
            let file = url(path)
            let date = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
            try FileManager.default.setAttributes(
                [.modificationDate: (date ?? Date()).addingTimeInterval(seconds)], ofItemAtPath: file.path)
        }
    }

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
