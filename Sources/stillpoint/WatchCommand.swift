import ArgumentParser
import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Check and render a script again on every save.",
        discussion: """
            Watches the script, its includes, library.defaults, the clips and sound files it uses \
            and the clips folder. After each save (and a moment's quiet) it prints the problems and renders the track \
            (with --from/--to, only that stretch). A broken edit prints its error and leaves the last good track in place. \
            Ctrl-C stops it and leaves nothing half written.
            """)

    /// The same options as `render`, rendered by the same code.
    @OptionGroup var render: RenderCommand

    /// How often the files are looked at, and how long they must stay unchanged
    /// before a render: an editor's save can be several writes and a rename.
    static let pollInterval: UInt32 = 100_000
    static let quiet: UInt32 = 200_000

    func run() throws {
        let script = Loading.url(render.script)
        Interruption.install()
        var watched = WatchedFiles(script: script)
        var first = true
        while true {
            let loaded = Loading.load(script, options: try render.resolveOptions())
            Terminal.report(loaded.diagnostics)
            let timeline = loaded.timeline
            if let timeline { watched.update(timeline.dependencies + [loaded.clipsFolder]) }
            let seen = watched.signature()
            if let timeline {
                // A failed render (a damaged recording, a full disk) is reported
                // like any other problem, and the last good track stays.
                do { try render.render(timeline) } catch { Terminal.report(Diagnostic.describing(error)) }
            }
            if first {
                Terminal.say("watching \(Terminal.count(watched.paths.count, "file")) for changes (Ctrl-C stops)")
                first = false
            }
            var now = seen
            while now == seen {
                usleep(Self.pollInterval)
                now = watched.signature()
            }
            // Wait for the editor to finish saving.
            repeat {
                now = watched.signature()
                usleep(Self.quiet)
            } while watched.signature() != now
            Terminal.say("changed: " + watched.changed(from: seen, to: now).map { Terminal.path($0) }.joined(separator: ", "))
        }
    }
}

/// The files a render depends on, looked at by path: an editor that saves by
/// writing a new file and renaming it over the old one changes the file's inode,
/// which a path-based look sees, where a watch on the old file would go quiet.
/// The clips folder is watched too (a folder's time changes when a file is added
/// to it), so recording a missing phrase is noticed.
struct WatchedFiles {
    private(set) var paths: [String]
    private let always: [String]

    init(script: URL) {
        let root = ScriptLoader.libraryRoot(for: script)
        always = [script.standardizedFileURL.path, root.appendingPathComponent(ScriptLoader.defaultsFileName).path,
                  root.appendingPathComponent("clips").path]
        paths = always
    }

    /// Everything the last good resolve read, and its clips folder; a broken edit
    /// keeps the last good list.
    mutating func update(_ dependencies: [URL]) {
        var seen = Set<String>()
        paths = (always + dependencies.map(\.standardizedFileURL.path)).filter { seen.insert($0).inserted }
    }

    /// Per path: whether it is there, its inode, size and modification time.
    func signature() -> [String] {
        paths.map { path in
            guard let status = try? FileStatus(of: FilePath(path)) else { return "-" }
            return "\(status.inode) \(status.size) \(status.modifiedSeconds).\(status.modifiedNanoseconds)"
        }
    }

    func changed(from old: [String], to new: [String]) -> [URL] {
        zip(paths, zip(old, new)).filter { $0.1.0 != $0.1.1 }.map { URL(fileURLWithPath: $0.0) }
    }
}
