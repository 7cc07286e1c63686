import Foundation

/// Loads a `.session` script into a `Timeline`: reads it, `library.defaults` and
/// every include, finds clips and files inside the library's root, and collects
/// every problem on the way.
public struct ScriptLoader: Sendable {
    public let inspector: any AudioFileInspector

    public init(inspector: any AudioFileInspector) {
        self.inspector = inspector
    }

    /// The name of the settings file that marks a library's root.
    public static let defaultsFileName = "library.defaults"

    /// The nearest folder at or above the script holding `library.defaults`,
    /// else the script's own folder.
    public static func libraryRoot(for script: URL) -> URL {
        let folder = script.standardizedFileURL.deletingLastPathComponent()
        var candidate = folder
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(defaultsFileName).path) {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return folder }
            candidate = parent
        }
    }

    /// Resolves `script`. `libraryRoot` is the folder given to `build`; nil finds
    /// it by the rule of `libraryRoot(for:)`. The script's path is shown in
    /// diagnostics and in `Timeline.script` as it is written in `script`
    /// (`relativePath`), so a relative URL stays relative. `text`, when given, is
    /// the script's text in place of the file's (the file must still exist: an
    /// imported SBaGen schedule is resolved as its session text, at its own path,
    /// so that its files are found beside it).
    public func load(
        _ script: URL, text: Data? = nil, libraryRoot: URL? = nil, options: ResolveOptions = ResolveOptions()
    ) -> LoadResult {
        let root = (libraryRoot ?? Self.libraryRoot(for: script)).standardizedFileURL
        // One set of files for every pass, so each file is read and measured once.
        let files = LibraryFiles(root: root, inspector: inspector, verifyAudio: options.verifyAudio)
        let (resolver, timeline) = fitted(options: options) { layout in
            resolve(script, text: text, root: root, files: files, options: options, layout: layout)
        }
        return LoadResult(
            timeline: timeline, diagnostics: Self.ordered(resolver.diagnostics),
            phrases: resolver.phraseOrder.compactMap { resolver.phrases[$0] }, libraryRoot: files.root,
            clipsFolder: resolver.settings.clips ?? files.root.appendingPathComponent("clips"),
            versions: resolver.settings.versions.map(\.seconds))
    }

    /// One walk of the script, laid out by `layout`: the resolver (with its
    /// diagnostics) and the timeline, nil when there is an error. `text` is as in `load`.
    func resolve(
        _ script: URL, text: Data?, root: URL, files: LibraryFiles, options: ResolveOptions, layout: Layout
    ) -> (Resolver, Timeline?) {
        let resolver = Resolver(files: files, options: options, layout: layout)
        let scriptURL = script.standardizedFileURL
        if let text { resolver.inMemory[scriptURL] = text }
        let display = script.relativePath
        let defaults = root.appendingPathComponent(Self.defaultsFileName)
        if FileManager.default.fileExists(atPath: defaults.path) {
            let shown = defaultsDisplay(root, script: script)
            // Confined like an include: a link to `/etc/passwd` is not read (nor
            // its lines quoted back in the errors).
            if (try? files.confined(Self.defaultsFileName, in: root)) == nil {
                resolver.add(Diagnostic(
                    at: SourceLocation(file: shown, line: 1, column: 1), .defaultsOutsideRoot(root: files.root.path)))
                return (resolver, nil)
            } else if let file = resolver.parse(defaults, displayPath: shown) {
                resolver.applyDefaults(file)
            }
        }
        guard files.isInsideRoot(scriptURL) else {
            resolver.add(Diagnostic(
                at: SourceLocation(file: display, line: 1, column: 1), .scriptOutsideRoot(root: files.root.path)))
            return (resolver, nil)
        }
        guard let main = resolver.parse(scriptURL, displayPath: display) else {
            resolver.add(Diagnostic(
                at: SourceLocation(file: display, line: 1, column: 1),
                FileManager.default.fileExists(atPath: scriptURL.path) ? .cannotReadScript : .noSuchScript))
            return (resolver, nil)
        }
        resolver.run(main.statements, FileContext(syntax: main, notes: [], isMain: true, chain: [scriptURL]))
        // The default clips folder as a link out of the library: its recordings
        // would be refused one by one, and `takes` would write clips there that
        // the render then refuses. (A `clips:` setting is checked where it is read.)
        let clips = files.root.appendingPathComponent("clips")
        if resolver.settings.clips == nil, FileManager.default.fileExists(atPath: clips.path), !files.isInsideRoot(clips) {
            resolver.add(Diagnostic(.error, ScriptProblem.clipsFolderLeadsOutside(
                folder: clips.path, to: clips.resolvingSymlinksInPath().path, root: files.root.path)))
        }
        return (resolver, resolver.finish(script: display, scriptURL: scriptURL))
    }

    /// The phrases a script uses, found even when recordings are missing (a
    /// draft resolve), with every problem other than missing clips.
    public func phrases(in script: URL, libraryRoot: URL? = nil) -> LoadResult {
        load(script, libraryRoot: libraryRoot, options: ResolveOptions(draft: true))
    }

    /// `library.defaults` as the user would name it, from the script's path as written.
    private func defaultsDisplay(_ root: URL, script: URL) -> String {
        var current = script.standardizedFileURL.deletingLastPathComponent().path
        var up = ""
        while current.count > root.path.count, current != "/" {
            up += "../"
            current = parentPath(of: current)
        }
        return displayPath(up + Self.defaultsFileName, from: script.relativePath)
    }

    /// Files in order of first appearance, then by line and column.
    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var fileOrder: [String: Int] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.location?.file ?? ""
            if fileOrder[file] == nil { fileOrder[file] = fileOrder.count }
        }
        let nowhere = SourceLocation(file: "", line: 0, column: 0)
        return diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.location ?? nowhere, b.element.location ?? nowhere)
            return (fileOrder[x.file] ?? 0, x.line, x.column, a.offset) < (fileOrder[y.file] ?? 0, y.line, y.column, b.offset)
        }.map(\.element)
    }
}
