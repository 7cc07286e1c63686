import Foundation
import StillpointScript

/// `stillpoint import` and the direct use of a schedule: reads a `.sbg` (or a
/// `.sbgf` curve file), works out SBaGen's transitions and writes the session
/// text. `check`, `timeline` and `render` resolve that text as the script at the
/// schedule's own path, so there is one path from text to sound, and problems
/// are reported at their place in the schedule.
public enum SBaGenImport {
    public struct Result: Sendable {
        public var session: SessionText
        /// The schedule's own problems (errors stop the import).
        public var diagnostics: [Diagnostic]
        /// Files the session plays (the mix-in file), absolute.
        public var files: [URL]
        /// The schedule's lines, for quoting problems found in the session text.
        public var scheduleLines: [String]

        public var hasErrors: Bool { diagnostics.contains { $0.isError } }
    }

    /// The extensions of SBaGen's files: schedules, and SBaGenX's curve files.
    public static let extensions: Set<String> = ["sbg", "sbgf"]

    public static func isSchedule(_ url: URL) -> Bool {
        extensions.contains(url.pathExtension.lowercased())
    }

    /// Imports `schedule` (its path shown as written), naming files relative to
    /// `sessionFolder`, where the session will be (the schedule's own folder when
    /// it is used directly).
    public static func importSchedule(_ schedule: URL, sessionFolder: URL? = nil) -> Result {
        let display = schedule.relativePath
        let folder = (sessionFolder ?? schedule.deletingLastPathComponent()).standardizedFileURL
        let title = schedule.deletingPathExtension().lastPathComponent
        guard let data = FileManager.default.contents(atPath: schedule.path) else {
            let problem: SBaGenProblem = FileManager.default.fileExists(atPath: schedule.path) ? .cannotReadSchedule : .noSuchSchedule
            return Result(
                session: SessionText(text: "", origins: []),
                diagnostics: [Diagnostic(.error, at: SourceLocation(file: display, line: 1, column: 1), problem)],
                files: [], scheduleLines: [])
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = LineEnds.lines(of: text)
        var parser = ScheduleParser(path: display)
        var parsed = parser.parse(text)
        var diagnostics = parser.diagnostics.map { diagnostic in
            var quoted = diagnostic
            if quoted.sourceLine == nil, let line = quoted.location?.line, line >= 1, line <= lines.count {
                quoted.sourceLine = lines[line - 1]
            }
            return quoted
        }
        let start = SourceLocation(file: display, line: 1, column: 1)
        if schedule.pathExtension.lowercased() == "sbgf" {
            diagnostics = [Diagnostic(.warning, at: start, SBaGenProblem.curveFile, sourceLine: lines.first)]
            parsed = Schedule()
            parsed.path = display
        } else if parsed.lines.isEmpty, !diagnostics.contains(where: \.isError) {
            diagnostics.append(Diagnostic(.error, at: start, SBaGenProblem.nothingScheduled, sourceLine: lines.first))
        }
        var files: [URL] = []
        var mixPath: String?
        let usesMix = parsed.sets.values.contains { $0.tones.contains { $0?.kind == .mix } }
        if usesMix, let mix = parsed.mixFile {
            switch locateMix(mix.name, beside: schedule) {
            case .found(let found):
                files.append(found)
                mixPath = relativePath(of: found, from: folder)
            case .refused(let problem):
                diagnostics.append(Diagnostic(.error, at: mix.location, problem, sourceLine: lines[mix.location.line - 1]))
            }
        }
        let (channels, bells) = Transitions.work(parsed, fadeInterval: parser.options.fadeInterval)
        var writer = SessionWriter(schedule: parsed, title: title, mixPath: mixPath, gain: parser.options.volume / 100)
        let session = writer.write(channels: channels, bells: bells)
        return Result(session: session, diagnostics: diagnostics, files: files, scheduleLines: lines)
    }

    /// Where the mix-in file was found, or why it is not played.
    enum MixSearch {
        case found(URL)
        case refused(SBaGenProblem)
    }

    /// The mix-in file: beside the schedule, else in an `assets` folder beside it
    /// or in a folder above it (where SBaGen's example schedules keep theirs),
    /// but never above the library the schedule is in. A name that is absolute
    /// or climbs with `..` is refused unsearched: a schedule from elsewhere must
    /// not mix a file from outside the library into a track (the loader then
    /// checks the found file's real path, so a link out is refused too).
    static func locateMix(_ name: String, beside schedule: URL) -> MixSearch {
        if name.hasPrefix("/") || name.split(separator: "/").contains("..") {
            return .refused(.mixFileOutsideLibrary(name))
        }
        var folder = schedule.standardizedFileURL.deletingLastPathComponent()
        let library = ScriptLoader.libraryRoot(for: schedule).standardizedFileURL
        let inLibrary = FileManager.default.fileExists(atPath: library.appendingPathComponent(ScriptLoader.defaultsFileName).path)
        let direct = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: direct.path) { return .found(direct.standardizedFileURL) }
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("assets").appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return .found(candidate.standardizedFileURL) }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path || (inLibrary && folder.path == library.path) { break }
            folder = parent
        }
        return .refused(.mixFileNotFound(name))
    }

    /// `file` as a path relative to `folder` (`../assets/river1.ogg`).
    static func relativePath(of file: URL, from folder: URL) -> String {
        let a = file.standardizedFileURL.pathComponents, b = folder.standardizedFileURL.pathComponents
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: b.count - common) + a[common...]).joined(separator: "/")
    }

    /// The library root that holds the schedule and every file it plays: the
    /// usual root, or the nearest folder above both when a file lies outside it.
    public static func libraryRoot(for schedule: URL, files: [URL]) -> URL {
        var root = ScriptLoader.libraryRoot(for: schedule).standardizedFileURL
        for file in files {
            while !file.standardizedFileURL.path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/") {
                let parent = root.deletingLastPathComponent()
                if parent.path == root.path { break }
                root = parent
            }
        }
        return root
    }

    /// Loads a schedule as the script it imports to: the session text resolved at
    /// the schedule's path (so its files are found beside it), inside a root that
    /// holds every file it plays, with every problem located in the schedule.
    public static func load(
        _ schedule: URL, with loader: ScriptLoader, libraryRoot: URL? = nil, options: ResolveOptions = ResolveOptions()
    ) -> LoadResult {
        let imported = importSchedule(schedule)
        var result = loader.load(
            schedule, text: Data(imported.session.text.utf8),
            libraryRoot: libraryRoot ?? Self.libraryRoot(for: schedule, files: imported.files), options: options)
        result.diagnostics = imported.diagnostics + relocate(result.diagnostics, of: imported, display: schedule.relativePath)
        if imported.hasErrors { result.timeline = nil }
        return result
    }

    /// Problems the loader found in the session text, moved to the schedule
    /// lines the text was written from.
    public static func relocate(_ diagnostics: [Diagnostic], of result: Result, display: String) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard let location = diagnostic.location, location.file == display else { return diagnostic }
            var moved = diagnostic
            let origin = location.line >= 1 && location.line <= result.session.origins.count
                ? result.session.origins[location.line - 1] : nil
            moved.location = origin ?? SourceLocation(file: display, line: 1, column: 1)
            let line = moved.location!.line
            moved.sourceLine = line >= 1 && line <= result.scheduleLines.count ? result.scheduleLines[line - 1] : nil
            moved.notes = []
            return moved
        }
    }
}
