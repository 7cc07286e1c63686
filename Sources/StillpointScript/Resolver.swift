import Foundation

/// The file a statement is in, and how it was reached.
struct FileContext {
    var syntax: SyntaxFile
    /// "included from here" notes, innermost first.
    var notes: [DiagnosticNote]
    var isMain: Bool
    /// The files from the main script down to this one, for cycles and depth.
    var chain: [URL]
    var folder: URL { syntax.url.deletingLastPathComponent() }

    func location(_ spot: Spot) -> SourceLocation {
        syntax.source.location(line: spot.line, column: spot.column)
    }
}

/// Walks the statements of a script in order, expanding `repeat` and `include`,
/// and places every cue on the spine in whole frames at the output rate.
final class Resolver {
    let files: LibraryFiles
    let options: ResolveOptions
    let layout: Layout
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []
    /// Files by the path shown in diagnostics, to quote their lines.
    private var sources: [String: SourceText] = [:]
    private var notesByFile: [String: [DiagnosticNote]] = [:]

    var settings = SettingsState()
    private var headerOpen = true
    private var settingsSeen: [URL: [String: Int]] = [:]
    private var parsed: [URL: (file: SyntaxFile, problems: [Diagnostic], walked: Bool)] = [:]
    /// Script text given in memory instead of read from its file (an SBaGen
    /// schedule imported on the fly is resolved as the session it imports to).
    var inMemory: [URL: Data] = [:]

    var spine: Int64 = 0
    var placed: [PlacedEvent] = []
    var sounds: [String: (sound: SoundSyntax, context: FileContext)] = [:]
    var usedSounds: Set<String> = []
    var runningBeds: [String: Int] = [:]
    var pendingChapters: [(title: String, location: SourceLocation, context: FileContext, spot: Spot)] = []
    var chapters: [Chapter] = []
    var endMark: (value: DurationValue, relative: Bool, location: SourceLocation, context: FileContext)?
    var cueCount = 0
    /// The range (longest − shortest, in frames) of every ranged duration met, in order.
    var ranges: [Int64] = []
    /// Whether any cue is placed `at end -D`.
    var placesBeforeEnd = false
    /// While measuring, the latest point an `at end -D` needs the track to reach.
    var anchorReach: Int64 = 0
    var pendingEvery: [PendingEvery] = []
    var phrases: [String: Phrase] = [:]
    var phraseOrder: [String] = []
    var phraseUses: Set<PhraseUse> = []

    static let maximumCues = 1_000_000
    static let maximumIncludeDepth = 32

    init(files: LibraryFiles, options: ResolveOptions, layout: Layout = Layout()) {
        self.files = files
        self.options = options
        self.layout = layout
    }

    var rate: Int { settings.output.rate }
    var nyquist: Double { Double(rate) / 2 }

    /// Seconds to frames at the output rate; inputs are bounded by the 12 h limit.
    func frames(_ seconds: Double) -> Int64 {
        Int64((seconds * Double(rate)).rounded())
    }

    // MARK: Diagnostics

    func report(_ context: FileContext, _ spot: Spot, _ problem: ScriptProblem) {
        add(Diagnostic(
            at: context.location(spot), problem, notes: context.notes, sourceLine: context.syntax.source.line(spot.line)))
    }

    /// Adds a diagnostic once: a line inside `repeat` reports its problem once.
    /// One made from a location only (an event's) gets its line and include
    /// chain here.
    func add(_ diagnostic: Diagnostic) {
        guard reported.insert("\(diagnostic.location.map(String.init(describing:)) ?? "")|\(diagnostic.message)").inserted
        else { return }
        var diagnostic = diagnostic
        let file = diagnostic.location?.file ?? ""
        if diagnostic.sourceLine == nil, let line = diagnostic.location?.line { diagnostic.sourceLine = sources[file]?.line(line) }
        if diagnostic.notes.isEmpty { diagnostic.notes = notesByFile[file] ?? [] }
        diagnostics.append(diagnostic)
    }

    // MARK: Files

    /// Reads and parses a file once; its syntax problems are reported on first use.
    func parse(_ url: URL, displayPath: String) -> SyntaxFile? {
        if let entry = parsed[url] { return entry.file }
        guard let data = inMemory[url] ?? (try? files.read(url)) else { return nil }
        let source = SourceText(decoding: data, path: displayPath)
        sources[displayPath] = source
        let (file, problems) = Parser.parse(source, url: url)
        parsed[url] = (file, problems, false)
        return file
    }

    private func reportParseProblems(of url: URL, notes: [DiagnosticNote]) {
        guard let entry = parsed[url], !entry.walked else { return }
        parsed[url]?.walked = true
        for var problem in entry.problems {
            problem.notes = notes
            add(problem)
        }
    }

    /// Applies the settings of `library.defaults`, which holds nothing else.
    func applyDefaults(_ file: SyntaxFile) {
        let context = FileContext(syntax: file, notes: [], isMain: false, chain: [file.url])
        reportParseProblems(of: file.url, notes: [])
        for statement in file.statements {
            if case .setting(let setting) = statement {
                applySetting(setting, context)
            } else {
                report(context, spot(of: statement), .defaultsHoldOnlySettings)
            }
        }
    }

    private func applySetting(_ setting: SettingSyntax, _ context: FileContext) {
        let name = setting.name.lowercased()
        if let line = settingsSeen[context.syntax.url]?[name] {
            report(context, setting.spot, .settingTwice(name, line: line))
            return
        }
        if settingNames.contains(name) { settingsSeen[context.syntax.url, default: [:]][name] = setting.spot.line }
        do throws(LineError) {
            try settings.apply(setting, folder: context.folder) { context.location($0) }
            if name == "clips", let clips = settings.clips, !files.isInsideRoot(clips) {
                report(context, setting.valueSpot, .clipsFolderOutsideRoot(root: files.root.path))
            }
            if name == "cover" { settings.tags.cover = cover(setting, context) }
        } catch {
            report(context, Spot(line: setting.spot.line, column: error.column), error.problem)
        }
    }

    // MARK: The walk

    func run(_ statements: [Statement], _ context: FileContext, inRepeat: Bool = false) {
        reportParseProblems(of: context.syntax.url, notes: context.notes)
        for statement in statements {
            switch statement {
            case .setting(let setting):
                if !context.isMain {
                    report(context, setting.spot, .settingInIncludedFile(setting.name))
                } else if !headerOpen || inRepeat {
                    report(context, setting.spot, .settingAfterCue(setting.name))
                } else {
                    applySetting(setting, context)
                }
            case .sound(let sound):
                define(sound, context)
            case .cue(let cue):
                closeHeader()
                cueCount += 1
                // Every cue counts toward the limit, not only those a `repeat` makes.
                guard cueCount <= Self.maximumCues else {
                    if cueCount == Self.maximumCues + 1 {
                        report(context, cue.spot, .cueLimitReached(limit: Self.maximumCues))
                    }
                    continue
                }
                place(cue, context)
            case .repeatBlock(let count, let body, let spot):
                closeHeader()
                var visiting = Set(context.chain)
                let total = Self.saturatingMultiply(count, expandedCues(body, in: context.syntax, &visiting))
                if cueCount + total > Self.maximumCues {
                    report(context, spot, .tooManyCues(limit: Self.maximumCues))
                    continue
                }
                for _ in 0..<count { run(body, context, inRepeat: true) }
            case .include(let path, let spot):
                closeHeader()
                include(path, spot, context, inRepeat: inRepeat)
            case .every(let every):
                closeHeader()
                pendingEvery.append(PendingEvery(
                    every: every, context: context, start: every.from.map { frames($0.seconds) } ?? spine,
                    stream: pendingEvery.count))
            case .chapter(let title, let spot):
                closeHeader()
                pendingChapters.append((title, context.location(spot), context, spot))
            case .end(let value, let relative, let spot):
                closeHeader()
                if !context.isMain {
                    report(context, spot, .endInIncludedFile)
                } else if inRepeat {
                    report(context, spot, .endInRepeat)
                } else if let earlier = endMark {
                    report(context, spot, .endTwice(line: earlier.location.line))
                } else {
                    endMark = (value, relative, context.location(spot), context)
                }
            }
        }
    }

    private func spot(of statement: Statement) -> Spot {
        switch statement {
        case .setting(let s): s.spot
        case .sound(let s): s.spot
        case .cue(let c): c.spot
        case .repeatBlock(_, _, let spot), .include(_, let spot), .chapter(_, let spot), .end(_, _, let spot): spot
        case .every(let every): every.spot
        }
    }

    /// The header ends at the first cue or structure line; the format then
    /// decides the default `bits`, and the settings are checked together.
    func closeHeader() {
        guard headerOpen else { return }
        headerOpen = false
        if let format = options.format {
            settings.output.format = format
            settings.output.extraFormats = []
        }
        let output = settings.output
        settings.output.bits = settings.bits ?? (output.format == .wav ? .int24 : .int16)
        if settings.bits == .float32, let other = output.formats.first(where: { $0 != .wav }), let location = settings.bitsLocation {
            add(Diagnostic(at: location, .floatBitsNotWav(format: other.rawValue)))
        }
        if output.formats.contains(.opus), ![8000, 12000, 16000, 24000, 48000].contains(output.rate) {
            let location = settings.rateLocation ?? SourceLocation(file: "", line: 1, column: 1)
            add(Diagnostic(at: location, .opusRate(output.rate)))
        }
        if output.formats.contains(.mp3), ![8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000].contains(output.rate) {
            let location = settings.rateLocation ?? SourceLocation(file: "", line: 1, column: 1)
            add(Diagnostic(at: location, .mp3Rate(output.rate)))
        }
    }

    /// Cues that `statements` (of `file`) make when expanded, stopping counting past the limit.
    private func expandedCues(_ statements: [Statement], in file: SyntaxFile, _ visiting: inout Set<URL>) -> Int {
        var total = 0
        for statement in statements {
            switch statement {
            case .cue: total += 1
            case .repeatBlock(let count, let body, _):
                total += Self.saturatingMultiply(count, expandedCues(body, in: file, &visiting))
            case .include(let path, _):
                guard let url = try? files.confined(path, in: file.url.deletingLastPathComponent()), !visiting.contains(url),
                    let included = parse(url, displayPath: displayPath(path, from: file.source.path))
                else { continue }
                visiting.insert(url)
                total += expandedCues(included.statements, in: included, &visiting)
                visiting.remove(url)
            default: continue
            }
            if total > Self.maximumCues { return Self.maximumCues + 1 }
        }
        return total
    }

    private static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? maximumCues + 1 : min(product, maximumCues + 1)
    }

    private func include(_ path: String, _ spot: Spot, _ context: FileContext, inRepeat: Bool) {
        let url: URL
        do throws(LibraryFiles.Problem) {
            url = try files.confined(path, in: context.folder)
        } catch {
            reportFileProblem(error, written: path, context, spot)
            return
        }
        let display = displayPath(path, from: context.syntax.source.path)
        if let start = context.chain.firstIndex(of: url) {
            let names = (context.chain[start...].map { parsed[$0]?.file.source.path ?? $0.path }) + [display]
            report(context, spot, .includeCycle(names))
            return
        }
        guard context.chain.count < Self.maximumIncludeDepth else {
            report(context, spot, .includesTooDeep(limit: Self.maximumIncludeDepth))
            return
        }
        guard let file = parse(url, displayPath: display) else {
            report(context, spot, .cannotReadInclude(path))
            return
        }
        let note = DiagnosticNote(location: context.location(spot), message: "included from here")
        let inner = FileContext(syntax: file, notes: [note] + context.notes, isMain: false, chain: context.chain + [url])
        if notesByFile[file.source.path] == nil { notesByFile[file.source.path] = inner.notes }
        run(file.statements, inner, inRepeat: inRepeat)
    }

    func reportFileProblem(_ problem: LibraryFiles.Problem, written: String, _ context: FileContext, _ spot: Spot) {
        switch problem {
        case .outsideRoot:
            report(context, spot, .outsideRoot(written, root: files.root.path))
        case .missing(let url, let suggestion):
            report(context, spot, .noFile(written, searched: url.path, suggestion: suggestion))
        case .unreadable(_, let reason):
            report(context, spot, .unreadableFile(written, reason: reason))
        }
    }

    private func define(_ sound: SoundSyntax, _ context: FileContext) {
        if let existing = sounds[sound.name] {
            guard existing.context.syntax.url != context.syntax.url || existing.sound.spot != sound.spot else { return }
            report(context, sound.spot, .soundDefinedTwice(sound.name, at: existing.context.location(existing.sound.spot)))
            return
        }
        sounds[sound.name] = (sound, context)
    }
}

struct PhraseUse: Hashable {
    var clip: String
    var location: SourceLocation
}

/// `relative` (written in the file shown as `includer`) as the user would name it.
func displayPath(_ relative: String, from includer: String) -> String {
    if relative.hasPrefix("/") { return relative }
    let folder = parentPath(of: includer)
    var parts: [String] = folder.isEmpty ? [] : folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    for part in relative.split(separator: "/") {
        if part == "." { continue }
        if part == "..", let last = parts.last, last != "..", !last.isEmpty {
            parts.removeLast()
        } else {
            parts.append(String(part))
        }
    }
    return parts.joined(separator: "/")
}

/// `path` without its last component ("" for a bare name such as `z`), by plain
/// string logic: `NSString.deletingLastPathComponent` traps on one-character
/// names in swift-corelibs-foundation (`check z` crashed with SIGILL).
func parentPath(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
}
