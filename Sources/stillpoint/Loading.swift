import Foundation
import StillpointAudio
import StillpointBuild
import StillpointSBaGen
import StillpointScript

/// Parses and resolves scripts with the real audio files behind them, and prints
/// what it finds; shared by every command that reads a script.
enum Loading {
    static let loader = ScriptLoader(inspector: AudioFileCatalogue())

    /// A URL for a path the user typed, kept relative so that messages show it as typed.
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path)
    }

    /// Loads one script, printing its diagnostics; nil when it has errors.
    static func timeline(_ script: URL, libraryRoot: URL? = nil, options: ResolveOptions = ResolveOptions()) -> Timeline? {
        let result = load(script, libraryRoot: libraryRoot, options: options)
        Terminal.report(result.diagnostics)
        return result.timeline
    }

    /// Loads a script; an SBaGen schedule (`.sbg`) is imported in memory and its
    /// session text loaded at the schedule's path, its problems shown in the schedule.
    static func load(_ script: URL, libraryRoot: URL? = nil, options: ResolveOptions = ResolveOptions()) -> LoadResult {
        guard SBaGenImport.isSchedule(script) else { return loader.load(script, libraryRoot: libraryRoot, options: options) }
        return SBaGenImport.load(script, with: loader, libraryRoot: libraryRoot, options: options)
    }

    /// The `.session` files a path names: the file itself, or every renderable
    /// script in a folder (include-only parts are checked through their includers).
    static func scripts(at path: String) throws -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandError.noSuchPath(path)
        }
        guard isFolder.boolValue else { return [url(path)] }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        return try LibraryScanner.relativePaths(in: url(folder)).map { url(folder == "." ? $0 : folder + "/" + $0) }
    }
}

/// A failure of a command's own (not a script's), printed by `Terminal.fail` as
/// `error: message` like every other failure, and worded here.
enum CommandError: DiagnosticMessage, DiagnosticConvertible {
    case noSuchPath(String)
    case excerptOutOfOrder(trackSeconds: Double)
    case badTime(TrackTimeError)
    /// A planner handed the renderer a track without its timeline (a fault).
    case noTimeline(script: String)
    /// A preview's default name is the track of another script beside it.
    case previewOverTrack(rival: String)
    /// `new NAME` where NAME.session (or anything of that name) exists.
    case alreadyThere(String)

    var message: String {
        switch self {
        case .noSuchPath(let path): "\(path): no such file or folder"
        case .excerptOutOfOrder(let seconds):
            "--from must come before --to, inside the track (it lasts \(TimeFormat.clock.string(seconds)))"
        case .badTime(let error): error.description
        case .noTimeline(let script): "\(script): the plan carries no timeline"
        case .previewOverTrack(let rival): "the preview would be written over the track of \(rival)"
        case .alreadyThere(let file): "\(file) is already there; Stillpoint never overwrites it"
        }
    }

    var hints: [Hint] {
        switch self {
        case .previewOverTrack: [.text("name the preview with -o, such as -o excerpt.flac")]
        case .alreadyThere: [.text("choose another name, or move it away")]
        default: []
        }
    }
}
