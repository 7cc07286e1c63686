import Foundation
import StillpointScript

/// Reads a `.sbg` schedule: options, tone-sets, blocks (expanded where they are
/// used) and time lines (placed on the track), collecting every problem located
/// in the schedule. SBaGen's rules, as its manual (section 3) gives them; each
/// choice where the manual is silent is written down in docs/sbagen.md.
struct ScheduleParser {
    let path: String
    var schedule = Schedule()
    var diagnostics: [Diagnostic] = []
    private var blocks: [String: (lines: [ScheduleLine], location: SourceLocation)] = [:]
    private var customShapes: Set<String> = []
    var lastAnchor: TimeSpec.Anchor?
    private var origin: Double?
    var programWords: (words: [(text: Substring, column: Int)], line: ScheduleLine)?
    var options = ScheduleOptions()

    init(path: String) {
        self.path = path
        schedule.path = path
    }

    func location(_ line: ScheduleLine, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line.number, column: column)
    }

    mutating func report(_ problem: SBaGenProblem, _ line: ScheduleLine, column: Int) {
        diagnostics.append(Diagnostic(problem.severity, at: location(line, column), problem, sourceLine: line.text))
    }

    mutating func parse(_ text: String) -> Schedule {
        var lines = LineEnds.lines(of: text).enumerated().map { ScheduleLine(number: $0.offset + 1, text: $0.element) }
        if let first = lines.first, first.text.hasPrefix("\u{FEFF}") {
            lines[0] = ScheduleLine(number: 1, text: String(first.text.dropFirst()))
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if let comment = line.comment { schedule.comments.append((line.number, comment)) }
            guard let first = line.words.first else { continue }
            if first.text.hasPrefix("-"), first.text.count > 1 {
                readOptions(line)
            } else if first.text.hasSuffix(":"), Self.isName(first.text.dropLast()) {
                let name = String(first.text.dropLast())
                if line.words.count == 2, line.words[1].text == "{" {
                    var body: [ScheduleLine] = []
                    var closed = false
                    while index < lines.count {
                        let inner = lines[index]
                        index += 1
                        if inner.words.first?.text == "}" { closed = true; break }
                        if let comment = inner.comment { schedule.comments.append((inner.number, comment)) }
                        body.append(inner)
                    }
                    if !closed { report(.unclosedBlock(name), line, column: first.column) }
                    define(name, line, first.column) { $0.blocks[name] = (body, $0.location(line, first.column)) }
                } else {
                    readToneSet(name, line)
                }
            } else {
                readTimeLine(line, words: line.words[...], prefix: nil, use: nil)
            }
        }
        finishProgram()
        finishEnd()
        return schedule
    }

    /// Names start with a letter and go on with letters, digits, `_` or `-`.
    static func isName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    private mutating func define(_ name: String, _ line: ScheduleLine, _ column: Int, _ add: (inout ScheduleParser) -> Void) {
        guard schedule.sets[name] == nil, blocks[name] == nil else {
            report(.definedTwice(name), line, column: column)
            return
        }
        add(&self)
    }

    private mutating func readToneSet(_ name: String, _ line: ScheduleLine) {
        let nameWord = line.words[0]
        if ToneParser.isNumbered(name.lowercased()) {
            customShapes.insert(name.lowercased())
            report(.notCarried("the custom shape `\(name)`", instead: "tones using it play as plain sine waves or noise"),
                   line, column: nameWord.column)
            return
        }
        var tones: [Tone?] = []
        var modulations: [(rate: Double, column: Int)] = []
        for word in line.words.dropFirst() {
            switch ToneParser.read(word.text) {
            case .tone(let tone):
                if tone.kind == .binaural, word.text.split(separator: ":").last?.lowercased().contains("m") == true {
                    report(.notCarried("the monaural beat of `\(word.text)`", instead: "it plays as a binaural beat"),
                           line, column: word.column)
                }
                tones.append(tone)
            case .off: tones.append(nil)
            case .approximated(let tone, let problem):
                // A shape defined in this schedule was warned of where it is defined.
                let knownShape = word.text.split(separator: ":").contains { customShapes.contains($0.lowercased()) }
                if !knownShape || tone == nil { report(problem, line, column: word.column) }
                tones.append(tone)
            case .invalid:
                report(.badToneSpec(String(word.text)), line, column: word.column)
                tones.append(nil)
            case .modulation(let rate):
                tones.append(nil)
                modulations.append((rate, word.column))
            }
            if tones.last??.kind == .mix, options.mix == nil, schedule.mixFile == nil, !options.mixWarned {
                options.mixWarned = true
                report(.mixWithoutFile, line, column: word.column)
            }
        }
        for modulation in modulations {
            if let mix = tones.firstIndex(where: { $0?.kind == .mix }) {
                tones[mix]?.modulation = modulation.rate
            } else {
                report(.notCarried("`mixam:` without a `mix/` tone", instead: "it is left out"), line, column: modulation.column)
            }
        }
        let body = line.text.drop { $0 == " " || $0 == "\t" }
        define(name, line, nameWord.column) {
            $0.schedule.sets[name] = ToneSet(
                name: name, tones: tones, location: $0.location(line, nameWord.column),
                text: String(body.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces))
            $0.schedule.setOrder.append(name)
        }
    }

    /// `TIME [FADES] NAME [->]`, or `TIME BLOCK`. `prefix` is the time-spec of the
    /// line that used the block this line belongs to, put before this line's own
    /// (`22:00` and `+0:30` make `22:00+0:30`), as SBaGen does.
    mutating func readTimeLine(
        _ line: ScheduleLine, words: ArraySlice<(text: Substring, column: Int)>, prefix: Substring?,
        use: (ScheduleLine, Int)?, depth: Int = 0
    ) {
        var words = words
        guard let timeWord = words.popFirst() else { return }
        let here = use ?? (line, timeWord.column)
        let written = (prefix ?? "") + timeWord.text
        guard let spec = TimeSpec(Substring(written)) else {
            report(.badTime(String(timeWord.text)), line, column: timeWord.column)
            return
        }
        var fadeIn: Character = "-", fadeOut: Character = "-"
        if let fades = words.first, fades.text.count == 2, "<-=".contains(fades.text.first!), "->=".contains(fades.text.last!),
            fades.text != "->"
        {
            fadeIn = fades.text.first!
            fadeOut = fades.text.last!
            words.removeFirst()
        }
        guard let nameWord = words.popFirst() else {
            report(.unreadableLine(line.text.trimmingCharacters(in: .whitespaces)), line, column: timeWord.column)
            return
        }
        let name = String(nameWord.text)
        if let block = blocks[name], depth < 32 {
            for inner in block.lines where !inner.isBlank {
                readTimeLine(inner, words: inner.words[...], prefix: Substring(written), use: here, depth: depth + 1)
            }
            return
        }
        guard schedule.sets[name] != nil else {
            let guess = didYouMean(name, among: schedule.setOrder + blocks.keys.sorted())
            report(.undefinedName(name, suggestion: guess), line, column: nameWord.column)
            return
        }
        var slides = false
        if let arrow = words.popFirst() {
            if arrow.text == "->" { slides = true } else {
                report(.unreadableLine(String(arrow.text)), line, column: arrow.column)
            }
        }
        guard let time = place(spec, line, timeWord.column) else { return }
        let own = line.text.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
        let shown = use.map { "\($0.0.text.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)): \(own)" } ?? own
        schedule.lines.append(ScheduledSet(
            time: time, set: name, fadeIn: fadeIn, fadeOut: fadeOut, slides: slides,
            location: location(line, timeWord.column), text: shown))
    }

    /// Seconds on the track: NOW is 0; clock times count from the first one
    /// (or `-T`), each wrapping past midnight so that lines stay in order.
    private mutating func place(_ spec: TimeSpec, _ line: ScheduleLine, _ column: Int) -> Double? {
        if let anchor = spec.anchor { lastAnchor = anchor }
        var time: Double
        switch lastAnchor ?? .now {
        case .now: time = 0
        case .clock(let clock):
            if origin == nil { origin = options.startClock ?? clock }
            time = (clock - origin!).truncatingRemainder(dividingBy: TimeSpec.day)
            if time < 0 { time += TimeSpec.day }
        }
        time += spec.offset
        let previous = schedule.lines.last?.time ?? 0
        if case .clock = lastAnchor {
            while time < previous { time += TimeSpec.day }
        }
        return max(time, previous)
    }
}
