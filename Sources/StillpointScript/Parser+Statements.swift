import Foundation

/// One line into one statement: settings, the time prefix, and the structure
/// lines (`sound`, `repeat`, `include`, `chapter`, `end`); cues are read in
/// `Parser+Cues.swift`.
extension Parser {
    func parseLine(_ line: LexedLine) throws(LineError) -> Statement {
        if let setting = try setting(line) { return .setting(setting) }
        var cursor = LineCursor(line.tokens, endColumn: line.endColumn, line: line.number)
        let prefix = try timePrefix(&cursor)
        guard let keywordToken = cursor.peek else {
            throw LineError(column: line.endColumn, .timeNeedsCue)
        }
        let keyword = keywordToken.kind == .word ? keywordToken.lowercased : ""
        let spot = cursor.spot
        _ = cursor.next()
        if prefix != nil, structureKeywords.contains(keyword) {
            throw LineError(column: keywordToken.column, .timeBeforeStructure(keyword: keyword))
        }
        let statement: Statement
        switch keyword {
        case "sound": statement = try sound(&cursor, spot: spot)
        case "repeat": statement = try repeatLine(&cursor, spot: spot)
        case "include":
            let (path, pathSpot) = try cursor.path(for: .includePath)
            statement = .include(path: path, spot: pathSpot)
        case "chapter": statement = .chapter(title: try rest(of: line, &cursor, what: .chapterTitle), spot: spot)
        case "end": statement = try endLine(&cursor, spot: spot)
        case "every": statement = try everyLine(&cursor, spot: spot)
        case "say", "pause", "breathe", "play", "tone", "bed", "stop":
            statement = .cue(try cue(keyword, &cursor, prefix: prefix, spot: spot))
        default:
            guard keywordToken.kind == .word else { throw LineError(column: keywordToken.column, .notAnInstruction) }
            let guess = didYouMean(keywordToken.text, among: lineKeywords + settingNames)
            throw LineError(column: keywordToken.column, .unknownInstruction(keywordToken.text, suggestion: guess))
        }
        if let extra = cursor.peek {
            throw LineError(column: extra.column, .unexpectedAtEnd(extra.text))
        }
        return statement
    }

    /// `name: value`: a word ending in a colon (or followed by one) that is not a time.
    func setting(_ line: LexedLine) throws(LineError) -> SettingSyntax? {
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
            throw LineError(column: problem.column, problem.problem)
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
    func rest(of line: LexedLine, _ cursor: inout LineCursor, what: ScriptProblem.Expected) throws(LineError) -> String {
        let remaining = Array(line.tokens[cursor.index...])
        cursor.index = line.tokens.count
        guard let first = remaining.first, let last = remaining.last else {
            throw LineError(column: line.endColumn, .expected(what))
        }
        if remaining.count == 1, first.kind == .string { return first.text }
        return String(Array(line.text)[first.offsets.lowerBound..<last.offsets.upperBound])
    }

    func timePrefix(_ cursor: inout LineCursor) throws(LineError) -> TimePrefix? {
        guard let first = cursor.peek, first.kind == .word else { return nil }
        if first.text.hasPrefix("+") {
            return .after(try cursor.signed("+") { (c: inout LineCursor) throws(LineError) in try c.stretch() })
        }
        if first.isWord("at") {
            _ = cursor.next()
            if cursor.accept("end") {
                guard cursor.peek?.text.first == "-" else {
                    throw LineError(column: cursor.column, .expected(.timeBeforeEnd))
                }
                return .beforeEnd(try cursor.signed("-") { (c: inout LineCursor) throws(LineError) in try c.duration() })
            }
            return .at(try cursor.time())
        }
        if LineCursor.looksLikeTime(first.text) { return .at(try cursor.time()) }
        return nil
    }

    func repeatLine(_ cursor: inout LineCursor, spot: Spot) throws(LineError) -> Statement {
        guard let token = cursor.next(), token.kind == .word else {
            throw LineError(column: cursor.endColumn, .expected(.repeatCount))
        }
        var text = token.text
        if text.hasSuffix(":") {
            text.removeLast()
        } else if !cursor.accept(":") {
            throw LineError(column: token.endColumn, .expected(.repeatColon))
        }
        guard let count = Int(text), count >= 1 else {
            if text.allSatisfy({ $0.isASCII && $0.isNumber }), !text.isEmpty, text != "0" {
                throw LineError(column: token.column, .repeatTooMany(limit: maximumRepeat))
            }
            throw LineError(column: token.column, .badRepeatCount(text))
        }
        guard count <= maximumRepeat else {
            throw LineError(column: token.column, .repeatTooMany(limit: maximumRepeat))
        }
        return .repeatBlock(count: count, body: [], spot: spot)
    }

    func endLine(_ cursor: inout LineCursor, spot: Spot) throws(LineError) -> Statement {
        guard let first = cursor.peek else {
            throw LineError(column: cursor.endColumn, .expected(.endTime))
        }
        if first.text.hasPrefix("+") {
            return .end(
                try cursor.signed("+") { (c: inout LineCursor) throws(LineError) in try c.duration() }, relative: true, spot: spot)
        }
        _ = cursor.accept("at")
        return .end(try cursor.time(), relative: false, spot: spot)
    }

    func sound(_ cursor: inout LineCursor, spot: Spot) throws(LineError) -> Statement {
        let (name, nameSpot) = try cursor.name(for: .soundName)
        try checkName(name, at: nameSpot)
        guard cursor.peek?.kind == .equals else {
            throw LineError(column: cursor.column, .expected(.soundEquals))
        }
        _ = cursor.next()
        let generator = try self.generator(&cursor, allowSounds: false)
        let options = try self.options(&cursor, allowed: ["level", "fade", "pan", "noduck", "loop", "for", "glide", "am", "phase"], on: "sound")
        return .sound(SoundSyntax(name: name, spot: nameSpot, generator: generator, options: options))
    }

    func checkName(_ name: String, at spot: Spot) throws(LineError) {
        if generatorKeywords.contains(name.lowercased()) || lineKeywords.contains(name.lowercased()) {
            throw LineError(column: spot.column, .keywordAsName(name))
        }
        if name.hasPrefix("-") || name.first?.isNumber == true {
            throw LineError(column: spot.column, .nameStartsWithLetter(name))
        }
    }
}
