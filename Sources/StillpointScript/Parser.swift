import Foundation

/// Turns a file's lines into statements. The language is one instruction a
/// line, so recovery is simple and thorough: a line with a problem is reported
/// and skipped, and every other line is still read, so one run reports
/// everything. `repeat` blocks follow Python's indentation rule.
struct Parser {
    private let source: SourceText
    private var lines: [LexedLine] = []
    private var index = 0
    /// How many `repeat` blocks enclose the line being read.
    private var depth = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Deeper nesting is surely a mistake, and would only grow the stack.
    static let maximumNesting = 100

    static func parse(_ source: SourceText, url: URL) -> (SyntaxFile, [Diagnostic]) {
        var parser = Parser(source: source)
        let statements = parser.parseFile()
        return (SyntaxFile(url: url, source: source, statements: statements), source.problems + parser.diagnostics)
    }

    private init(source: SourceText) {
        self.source = source
    }

    private mutating func parseFile() -> [Statement] {
        // A line that is not valid UTF-8 is reported once, not read further.
        let undecodable = Set(source.problems.map(\.location.line))
        for (offset, text) in source.lines.enumerated() where !undecodable.contains(offset + 1) {
            let line = Lexer.lex(text, number: offset + 1)
            if !line.isBlank { lines.append(line) }
        }
        var statements: [Statement] = []
        while index < lines.count {
            statements += parseBlock(level: 1)
            // A line indented deeper than the top level that no `repeat` opened.
            if index < lines.count {
                let line = lines[index]
                report(line, line.indentColumn, "this line is indented but is not inside a `repeat` block",
                       hints: ["only the lines of a `repeat` block are indented"])
                skipDeeper(than: 1)
            }
        }
        return statements
    }

    /// The lines at indentation `level`, until a line less indented.
    private mutating func parseBlock(level: Int) -> [Statement] {
        var statements: [Statement] = []
        var kind: LexedLine.Indent?
        var afterBlock = false
        while index < lines.count {
            let line = lines[index]
            if line.indentColumn < level { break }
            if line.indentColumn > level {
                let message = afterBlock
                    ? "this line's indentation matches no block above it"
                    : "this line is indented but is not inside a `repeat` block"
                report(line, line.indentColumn, message,
                       hints: ["indent every line of a block by the same amount"])
                skipDeeper(than: level)
                continue
            }
            index += 1
            afterBlock = false
            if line.indent == .mixed {
                report(line, 1, "this line's indentation mixes tabs and spaces",
                       hints: ["indent with spaces only, or with tabs only"])
            } else if let kind, kind != line.indent {
                report(line, 1, "this block mixes tabs and spaces in its indentation",
                       hints: ["indent with spaces only, or with tabs only"])
            }
            kind = kind ?? line.indent
            if let problem = line.problems.first {
                report(line, problem.column, problem.message, hints: problem.hint.map { [$0] } ?? [])
                skipDeeper(than: level)
                continue
            }
            do throws(LineError) {
                let statement = try parseLine(line)
                if case .repeatBlock(let count, _, let spot) = statement {
                    guard index < lines.count, lines[index].indentColumn > level else {
                        report(line, line.endColumn, "`repeat` needs indented lines after it",
                               hints: ["indent the lines to repeat under the `repeat` line"])
                        continue
                    }
                    guard depth < Self.maximumNesting else {
                        report(line, spot.column, "`repeat` blocks nest more than \(Self.maximumNesting) deep")
                        skipDeeper(than: level)
                        continue
                    }
                    depth += 1
                    let body = parseBlock(level: lines[index].indentColumn)
                    depth -= 1
                    statements.append(.repeatBlock(count: count, body: body, spot: spot))
                    afterBlock = true
                } else {
                    statements.append(statement)
                }
            } catch {
                report(line, error.column, error.message, hints: error.hints)
                skipDeeper(than: level)
            }
        }
        return statements
    }

    /// After a broken line, the block it might have opened is skipped too.
    private mutating func skipDeeper(than level: Int) {
        while index < lines.count, lines[index].indentColumn > level { index += 1 }
    }

    private mutating func report(_ line: LexedLine, _ column: Int, _ message: String, hints: [String] = []) {
        diagnostics.append(Diagnostic(
            .error, at: source.location(line: line.number, column: column), message,
            hints: hints, sourceLine: line.text))
    }

    // MARK: Lines

    private func parseLine(_ line: LexedLine) throws(LineError) -> Statement {
        if let setting = try setting(line) { return .setting(setting) }
        var cursor = LineCursor(line.tokens, endColumn: line.endColumn, line: line.number)
        let prefix = try timePrefix(&cursor)
        guard let keywordToken = cursor.peek else {
            throw LineError(column: line.endColumn, message: "a time needs a cue after it, such as `say`, `play` or `pause`")
        }
        let keyword = keywordToken.kind == .word ? keywordToken.lowercased : ""
        let spot = cursor.spot
        _ = cursor.next()
        if prefix != nil, structureKeywords.contains(keyword) {
            throw LineError(column: keywordToken.column, message: "a time can only come before a cue, not before `\(keyword)`")
        }
        let statement: Statement
        switch keyword {
        case "sound": statement = try sound(&cursor, spot: spot)
        case "repeat": statement = try repeatLine(&cursor, spot: spot)
        case "include":
            let (path, pathSpot) = try cursor.path(for: "a file to include, such as parts/intro.session")
            statement = .include(path: path, spot: pathSpot)
        case "chapter": statement = .chapter(title: try rest(of: line, &cursor, what: "a chapter title"), spot: spot)
        case "end": statement = try endLine(&cursor, spot: spot)
        case "say", "pause", "breathe", "play", "tone", "bed", "stop":
            statement = .cue(try cue(keyword, &cursor, prefix: prefix, spot: spot))
        default:
            var hints: [String] = []
            if keywordToken.kind == .word, let guess = didYouMean(keywordToken.text, among: lineKeywords + settingNames) {
                hints.append(settingNames.contains(guess) ? "did you mean the setting `\(guess):`?" : "did you mean `\(guess)`?")
            }
            throw LineError(
                column: keywordToken.column,
                message: keywordToken.kind == .word
                    ? "unknown instruction `\(keywordToken.text)`"
                    : "a line starts with an instruction such as `say`, `pause` or `play`",
                hints: hints)
        }
        if let extra = cursor.peek {
            throw LineError(column: extra.column, message: "unexpected `\(extra.text)` at the end of the line")
        }
        return statement
    }

    /// `name: value`: a word ending in a colon (or followed by one) that is not a time.
    private func setting(_ line: LexedLine) throws(LineError) -> SettingSyntax? {
        guard let first = line.tokens.first, first.kind == .word,
            let firstCharacter = first.text.first, firstCharacter.isLetter
        else { return nil }
        var characters = Array(line.text)
        let nameEnd: Int
        if let colon = first.text.firstIndex(of: ":") {
            nameEnd = first.offsets.lowerBound + first.text.distance(from: first.text.startIndex, to: colon)
        } else if line.tokens.count > 1, line.tokens[1].kind == .word, line.tokens[1].text.hasPrefix(":") {
            nameEnd = line.tokens[1].offsets.lowerBound
        } else {
            return nil
        }
        let name = String(characters[first.offsets.lowerBound..<nameEnd]).trimmingCharacters(in: .whitespaces)
        guard name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        for position in first.offsets.lowerBound...nameEnd { characters[position] = " " }
        let value = Lexer.lex(characters, text: line.text, number: line.number)
        if let problem = value.problems.first {
            throw LineError(column: problem.column, message: problem.message, hints: problem.hint.map { [$0] } ?? [])
        }
        let raw: String
        if value.tokens.count == 1, value.tokens[0].kind == .string {
            raw = value.tokens[0].text
        } else if let firstValue = value.tokens.first, let lastValue = value.tokens.last {
            raw = String(characters[firstValue.offsets.lowerBound..<lastValue.offsets.upperBound])
        } else {
            raw = ""
        }
        return SettingSyntax(
            name: name, spot: Spot(line: line.number, column: first.column), value: value.tokens, raw: raw,
            valueSpot: Spot(line: line.number, column: value.tokens.first?.column ?? line.endColumn))
    }

    /// The rest of the line as written (a chapter title), or one quoted text.
    private func rest(of line: LexedLine, _ cursor: inout LineCursor, what: String) throws(LineError) -> String {
        let remaining = Array(line.tokens[cursor.index...])
        cursor.index = line.tokens.count
        guard let first = remaining.first, let last = remaining.last else {
            throw LineError(column: line.endColumn, message: "expected \(what)")
        }
        if remaining.count == 1, first.kind == .string { return first.text }
        return String(Array(line.text)[first.offsets.lowerBound..<last.offsets.upperBound])
    }

    private func timePrefix(_ cursor: inout LineCursor) throws(LineError) -> TimePrefix? {
        guard let first = cursor.peek, first.kind == .word else { return nil }
        if first.text.hasPrefix("+") {
            return .after(try afterDuration(&cursor))
        }
        if first.isWord("at") {
            _ = cursor.next()
            return .at(try cursor.time())
        }
        if LineCursor.looksLikeTime(first.text) { return .at(try cursor.time()) }
        return nil
    }

    /// `+4s` or `+ 4s`.
    private func afterDuration(_ cursor: inout LineCursor) throws(LineError) -> DurationValue {
        guard let first = cursor.peek, first.text.hasPrefix("+") else {
            return try cursor.duration()
        }
        if first.text == "+" {
            _ = cursor.next()
            return try cursor.duration()
        }
        var tokens = cursor.tokens
        tokens[cursor.index].text.removeFirst()
        tokens[cursor.index].column += 1
        var inner = LineCursor(tokens, endColumn: cursor.endColumn, line: cursor.line)
        inner.index = cursor.index
        let value = try inner.duration()
        cursor.index = inner.index
        return value
    }

    private func repeatLine(_ cursor: inout LineCursor, spot: Spot) throws(LineError) -> Statement {
        guard let token = cursor.next(), token.kind == .word else {
            throw LineError(column: cursor.endColumn, message: "expected how many times to repeat, such as `repeat 5:`")
        }
        var text = token.text
        if text.hasSuffix(":") {
            text.removeLast()
        } else if !cursor.accept(":") {
            throw LineError(column: token.endColumn, message: "expected `:` after the repeat count, such as `repeat 5:`")
        }
        guard let count = Int(text), count >= 1 else {
            if text.allSatisfy({ $0.isASCII && $0.isNumber }), !text.isEmpty, text != "0" {
                throw LineError(column: token.column, message: "`repeat` can repeat at most 10,000 times")
            }
            throw LineError(column: token.column, message: "expected how many times to repeat (a whole number from 1), found `\(text)`")
        }
        guard count <= maximumRepeat else {
            throw LineError(column: token.column, message: "`repeat` can repeat at most 10,000 times")
        }
        return .repeatBlock(count: count, body: [], spot: spot)
    }

    private func endLine(_ cursor: inout LineCursor, spot: Spot) throws(LineError) -> Statement {
        guard let first = cursor.peek else {
            throw LineError(column: cursor.endColumn, message: "expected when the track ends, such as `end 20:00` or `end +20s`")
        }
        if first.text.hasPrefix("+") {
            return .end(try afterDuration(&cursor), relative: true, spot: spot)
        }
        _ = cursor.accept("at")
        return .end(try cursor.time(), relative: false, spot: spot)
    }

    private func sound(_ cursor: inout LineCursor, spot: Spot) throws(LineError) -> Statement {
        let (name, nameSpot) = try cursor.name(for: "a name for the sound, such as `sound bowl = bell 432 Hz`")
        try checkName(name, at: nameSpot)
        guard cursor.peek?.kind == .equals else {
            throw LineError(column: cursor.column, message: "expected `=` after the sound's name, such as `sound bowl = bell 432 Hz`")
        }
        _ = cursor.next()
        let generator = try self.generator(&cursor, allowSounds: false)
        let options = try self.options(&cursor, allowed: ["level", "fade", "pan", "noduck", "loop", "for"], on: "sound")
        return .sound(SoundSyntax(name: name, spot: nameSpot, generator: generator, options: options))
    }

    private func checkName(_ name: String, at spot: Spot) throws(LineError) {
        if generatorKeywords.contains(name.lowercased()) || lineKeywords.contains(name.lowercased()) {
            throw LineError(column: spot.column, message: "`\(name)` is a keyword; choose another name")
        }
        if name.hasPrefix("-") || name.first?.isNumber == true {
            throw LineError(column: spot.column, message: "a name starts with a letter, found `\(name)`")
        }
    }

    // MARK: Cues

    private func cue(_ keyword: String, _ cursor: inout LineCursor, prefix: TimePrefix?, spot: Spot) throws(LineError) -> Cue {
        let action: Action
        var options = OptionsSyntax()
        switch keyword {
        case "say":
            guard let token = cursor.peek, token.kind == .word else {
                throw LineError(column: cursor.column, message: "expected a clip name after `say`, such as `say welcome \"Welcome.\"`")
            }
            _ = cursor.next()
            var text: String?
            if cursor.peek?.kind == .string { text = cursor.next()?.text }
            options = try self.options(&cursor, allowed: ["level", "fade", "pan", "trim", "from", "to"], on: "say")
            action = .say(clip: token.text, clipSpot: Spot(line: cursor.line, column: token.column), text: text)
        case "pause":
            action = .pause(try cursor.duration())
        case "breathe":
            try cursor.expect("in", after: "`breathe` (such as `breathe in 4s hold 2s out 6s`)")
            let inhale = try cursor.duration()
            let holdIn = cursor.accept("hold") ? try cursor.duration() : nil
            try cursor.expect("out", after: "the in-breath (such as `breathe in 4s out 6s`)")
            let exhale = try cursor.duration()
            let holdOut = cursor.accept("hold") ? try cursor.duration() : nil
            options = try self.options(&cursor, allowed: ["times", "level"], on: "breathe")
            action = .breathe(inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut)
        case "play":
            let target = try generator(&cursor, allowSounds: true, filesByExtension: true)
            options = try self.options(&cursor, allowed: ["for", "level", "fade", "pan", "noduck", "loop"], on: "play")
            action = .play(target)
        case "tone":
            let generator = try self.generator(&cursor, allowSounds: true)
            options = try self.options(&cursor, allowed: ["for", "level", "fade", "pan", "noduck", "loop"], on: "tone")
            guard options.duration != nil else {
                throw LineError(column: cursor.endColumn, message: "`tone` needs `for DURATION`, such as `tone sine 432 Hz for 30s`")
            }
            action = .tone(generator)
        case "bed":
            var name: (String, Spot)?
            if cursor.peekSecond?.kind == .equals {
                let written = try cursor.name(for: "a name for the bed")
                try checkName(written.0, at: written.1)
                name = written
                _ = cursor.next()
            }
            let generator = try self.generator(&cursor, allowSounds: true)
            options = try self.options(&cursor, allowed: ["level", "fade", "pan", "noduck", "loop"], on: "bed")
            if name == nil, case .sound(let soundName, let soundSpot) = generator { name = (soundName, soundSpot) }
            action = .bed(name: name?.0, nameSpot: name?.1, generator)
        default:  // stop
            let (name, nameSpot) = try cursor.name(for: "the name of the bed to stop")
            if cursor.accept("fade") {
                options.fadeOut = try cursor.duration()
            }
            action = .stop(name: name, nameSpot: nameSpot)
        }
        return Cue(prefix: prefix, action: action, options: options, spot: spot)
    }

    private static func hasFileExtension(_ word: String) -> Bool {
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return false }
        let ext = word[word.index(after: dot)...]
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isLetter || $0.isNumber } && ext.contains { $0.isLetter }
    }

    private func generator(
        _ cursor: inout LineCursor, allowSounds: Bool, filesByExtension: Bool = false
    ) throws(LineError) -> GeneratorSyntax {
        guard let token = cursor.peek else {
            throw LineError(column: cursor.endColumn, message: allowSounds
                ? "expected a sound name or a generator, such as `sine 432 Hz`"
                : "expected a generator, such as `bell 432 Hz` or `noise brown`")
        }
        if filesByExtension, token.kind == .string || token.text.contains("/") || Self.hasFileExtension(token.text) {
            _ = cursor.next()
            return .file(path: token.text, spot: Spot(line: cursor.line, column: token.column), loop: false)
        }
        guard token.kind == .word else {
            throw LineError(column: token.column, message: "expected a generator, such as `sine 432 Hz`, found text in quotes")
        }
        _ = cursor.next()
        switch token.lowercased {
        case "sine": return .sine(try cursor.glide(.frequency))
        case "binaural":
            let frequency = try cursor.glide(.frequency)
            try cursor.expect("beat", after: "the binaural frequency (such as `binaural 200 Hz beat 10 Hz`)")
            return .binaural(frequency, beat: try cursor.glide(.frequency))
        case "isochronic":
            let frequency = try cursor.glide(.frequency)
            try cursor.expect("pulse", after: "the isochronic frequency (such as `isochronic 200 Hz pulse 10 Hz`)")
            return .isochronic(frequency, pulse: try cursor.glide(.frequency))
        case "noise":
            guard let colour = cursor.peek, colour.kind == .word, let noise = NoiseColor(rawValue: colour.lowercased) else {
                let guess = cursor.peek.flatMap { didYouMean($0.text, among: NoiseColor.allCases.map(\.rawValue)) }
                throw LineError(
                    column: cursor.column, message: "expected the noise colour: `white`, `pink` or `brown`",
                    hints: guess.map { ["did you mean `\($0)`?"] } ?? [])
            }
            _ = cursor.next()
            return .noise(noise)
        case "bell":
            let frequency = try cursor.glide(.frequency)
            return .bell(frequency, decay: cursor.accept("decay") ? try cursor.duration() : nil)
        case "drone": return .drone(try cursor.glide(.frequency))
        case "file":
            let (path, spot) = try cursor.path(for: "a file, such as `file ocean.flac`")
            return .file(path: path, spot: spot, loop: false)
        default:
            let spot = Spot(line: cursor.line, column: token.column)
            // A name followed by a number is a generator misspelt, not a sound.
            let followedByNumber = cursor.peek.map { LineCursor.leadingNumber(Substring($0.text)) != nil } ?? false
            if allowSounds, !followedByNumber, !(token.text.first?.isNumber ?? true) {
                return .sound(name: token.text, spot: spot)
            }
            let guess = didYouMean(token.text, among: generatorKeywords)
            throw LineError(
                column: token.column, message: "unknown generator `\(token.text)`",
                hints: (guess.map { ["did you mean `\($0)`?"] } ?? [])
                    + ["generators: " + generatorKeywords.joined(separator: ", ")])
        }
    }

    private func options(_ cursor: inout LineCursor, allowed: [String], on keyword: String) throws(LineError) -> OptionsSyntax {
        var options = OptionsSyntax()
        var seen: Set<String> = []
        while let token = cursor.peek {
            let word = token.kind == .word ? token.lowercased : ""
            guard optionNames.contains(word) else {
                let guess = token.kind == .word ? didYouMean(token.text, among: allowed) : nil
                throw LineError(
                    column: token.column,
                    message: token.kind == .string
                        ? "unexpected text in quotes; a transcript goes right after the clip name"
                        : "unexpected `\(token.text)`",
                    hints: guess.map { ["did you mean `\($0)`?"] } ?? ["`\(keyword)` takes: " + allowed.joined(separator: ", ")])
            }
            guard allowed.contains(word) else {
                throw LineError(
                    column: token.column, message: "`\(word)` does not apply to `\(keyword)`",
                    hints: ["`\(keyword)` takes: " + allowed.joined(separator: ", ")])
            }
            guard seen.insert(word).inserted else {
                throw LineError(column: token.column, message: "`\(word)` is given twice")
            }
            _ = cursor.next()
            switch word {
            case "level":
                let level = try cursor.glide(.level)
                for (value, spot) in [(level.start, level.spot), (level.end, level.endSpot)] where !(-120...24).contains(value) {
                    throw LineError(column: spot.column, message: "a level is from -120 dB to +24 dB, found \(format(value)) dB")
                }
                options.level = level
            case "fade":
                let fadeIn = try cursor.duration()
                options.fadeIn = fadeIn
                if let next = cursor.peek, next.kind == .word, let first = next.text.first, first.isNumber || first == "." {
                    options.fadeOut = try cursor.duration()
                } else {
                    options.fadeOut = fadeIn
                }
            case "pan":
                let pan = try cursor.glide { (c: inout LineCursor) throws(LineError) in
                    try c.plain(for: "a pan position from -1 (left) to 1 (right)")
                }
                for (value, spot) in [(pan.start, pan.spot), (pan.end, pan.endSpot)] where abs(value) > 1 {
                    throw LineError(column: spot.column, message: "pan is from -1 (left) to 1 (right), found \(format(value))")
                }
                options.pan = pan
            case "noduck": options.noduck = true
            case "trim": options.trim = true
            case "loop": options.loop = true
            case "from": options.from = try cursor.duration()
            case "to": options.to = try cursor.duration()
            case "for": options.duration = try cursor.duration()
            default:  // times
                let (times, spot) = try cursor.integer(for: "how many breaths")
                guard (1...maximumRepeat).contains(times) else {
                    throw LineError(column: spot.column, message: "`times` is from 1 to 10,000")
                }
                options.times = times
            }
        }
        return options
    }
}

/// The most a `repeat` (or `breathe … times`) may repeat.
let maximumRepeat = 10_000

let cueKeywords = ["say", "pause", "breathe", "play", "tone", "bed", "stop"]
let structureKeywords: Set<String> = ["sound", "repeat", "include", "chapter", "end"]
let lineKeywords = cueKeywords + ["sound", "repeat", "include", "chapter", "end"]
let generatorKeywords = ["sine", "binaural", "isochronic", "noise", "bell", "drone", "file"]
let optionNames: Set<String> = ["level", "fade", "pan", "noduck", "trim", "from", "to", "loop", "times", "for"]

/// A number as a practitioner writes it: no trailing `.0`.
func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
