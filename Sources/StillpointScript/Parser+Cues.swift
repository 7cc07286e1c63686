import Foundation

/// The cues (`say`, `pause`, `breathe`, `play`, `tone`, `bed`, `stop`), the
/// generators they play and the options after them.
extension Parser {
    func cue(_ keyword: String, _ cursor: inout LineCursor, prefix: TimePrefix?, spot: Spot) throws(LineError) -> Cue {
        let action: Action
        var options = OptionsSyntax()
        switch keyword {
        case "say":
            guard let token = cursor.peek, token.kind == .word else {
                throw LineError(column: cursor.column, .expected(.clipName))
            }
            _ = cursor.next()
            var text: String?
            if cursor.peek?.kind == .string { text = cursor.next()?.text }
            options = try self.options(&cursor, allowed: ["level", "fade", "pan", "trim", "from", "to"], on: "say")
            action = .say(clip: token.text, clipSpot: Spot(line: cursor.line, column: token.column), text: text)
        case "pause":
            action = .pause(try cursor.stretch())
        case "breathe":
            try cursor.expect("in", after: .breathe)
            let inhale = try cursor.duration()
            let holdIn = cursor.accept("hold") ? try cursor.duration() : nil
            try cursor.expect("out", after: .inBreath)
            let exhale = try cursor.duration()
            let holdOut = cursor.accept("hold") ? try cursor.duration() : nil
            options = try self.options(&cursor, allowed: ["times", "level"], on: "breathe")
            action = .breathe(inhale: inhale, holdIn: holdIn, exhale: exhale, holdOut: holdOut)
        case "play":
            let target = try generator(&cursor, allowSounds: true, filesByExtension: true)
            options = try self.options(&cursor, allowed: ["for", "level", "fade", "pan", "noduck", "loop", "glide", "am", "phase"], on: "play")
            action = .play(target)
        case "tone":
            let generator = try self.generator(&cursor, allowSounds: true)
            options = try self.options(&cursor, allowed: ["for", "level", "fade", "pan", "noduck", "loop", "glide", "am", "phase"], on: "tone")
            guard options.duration != nil else {
                throw LineError(column: cursor.endColumn, .toneNeedsDuration)
            }
            action = .tone(generator)
        case "bed":
            var name: (String, Spot)?
            if cursor.peekSecond?.kind == .equals {
                let written = try cursor.name(for: .bedName)
                try checkName(written.0, at: written.1)
                name = written
                _ = cursor.next()
            }
            let generator = try self.generator(&cursor, allowSounds: true)
            options = try self.options(&cursor, allowed: ["level", "fade", "pan", "noduck", "loop", "glide", "am", "phase"], on: "bed")
            if name == nil, case .sound(let soundName, let soundSpot) = generator { name = (soundName, soundSpot) }
            action = .bed(name: name?.0, nameSpot: name?.1, generator)
        default:  // stop
            let (name, nameSpot) = try cursor.name(for: .bedToStop)
            if cursor.accept("fade") {
                options.fadeOut = try cursor.duration()
            }
            action = .stop(name: name, nameSpot: nameSpot)
        }
        return Cue(prefix: prefix, action: action, options: options, spot: spot)
    }

    static func hasFileExtension(_ word: String) -> Bool {
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return false }
        let ext = word[word.index(after: dot)...]
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isLetter || $0.isNumber } && ext.contains { $0.isLetter }
    }

    func generator(
        _ cursor: inout LineCursor, allowSounds: Bool, filesByExtension: Bool = false
    ) throws(LineError) -> GeneratorSyntax {
        guard let token = cursor.peek else {
            throw LineError(column: cursor.endColumn, .expected(allowSounds ? .soundOrGenerator : .generator))
        }
        if filesByExtension, token.kind == .string || token.text.contains("/") || Self.hasFileExtension(token.text) {
            _ = cursor.next()
            return .file(path: token.text, spot: Spot(line: cursor.line, column: token.column), loop: false)
        }
        guard token.kind == .word else {
            throw LineError(column: token.column, .generatorInQuotes)
        }
        _ = cursor.next()
        switch token.lowercased {
        case "sine": return .sine(try cursor.glide(.frequency))
        case "binaural":
            let frequency = try cursor.glide(.frequency)
            try cursor.expect("beat", after: .binauralFrequency)
            return .binaural(frequency, beat: try cursor.glide(.frequency))
        case "isochronic":
            let frequency = try cursor.glide(.frequency)
            try cursor.expect("pulse", after: .isochronicFrequency)
            return .isochronic(frequency, pulse: try cursor.glide(.frequency))
        case "noise":
            guard let colour = cursor.peek, colour.kind == .word, let noise = NoiseColor(rawValue: colour.lowercased) else {
                let guess = cursor.peek.flatMap { didYouMean($0.text, among: NoiseColor.allCases.map(\.rawValue)) }
                throw LineError(column: cursor.column, .unknownNoiseColour(suggestion: guess))
            }
            _ = cursor.next()
            return try spinningNoise(noise, &cursor)
        case "bell":
            let frequency = try cursor.glide(.frequency)
            return .bell(frequency, decay: cursor.accept("decay") ? try cursor.duration() : nil)
        case "drone": return .drone(try cursor.glide(.frequency))
        case "file":
            let (path, spot) = try cursor.path(for: .filePath)
            return .file(path: path, spot: spot, loop: false)
        default:
            let spot = Spot(line: cursor.line, column: token.column)
            // A name followed by a number is a generator misspelt, not a sound.
            let followedByNumber = cursor.peek.map { LineCursor.leadingNumber(Substring($0.text)) != nil } ?? false
            if allowSounds, !followedByNumber, !(token.text.first?.isNumber ?? true) {
                return .sound(name: token.text, spot: spot)
            }
            let guess = didYouMean(token.text, among: generatorKeywords)
            throw LineError(column: token.column, .unknownGenerator(token.text, suggestion: guess))
        }
    }

    func options(_ cursor: inout LineCursor, allowed: [String], on keyword: String) throws(LineError) -> OptionsSyntax {
        var options = OptionsSyntax()
        var seen: Set<String> = []
        while let token = cursor.peek {
            let word = token.kind == .word ? token.lowercased : ""
            guard optionNames.contains(word) else {
                let guess = token.kind == .word ? didYouMean(token.text, among: allowed) : nil
                throw LineError(
                    column: token.column,
                    token.kind == .string
                        ? .textOutOfPlace(on: keyword, allowed: allowed)
                        : .unexpectedWord(token.text, on: keyword, allowed: allowed, suggestion: guess))
            }
            guard allowed.contains(word) else {
                throw LineError(column: token.column, .optionNotFor(word, on: keyword, allowed: allowed))
            }
            guard seen.insert(word).inserted else {
                throw LineError(column: token.column, .optionTwice(word))
            }
            _ = cursor.next()
            switch word {
            case "level":
                let level = try cursor.glide(.level)
                for (value, spot) in [(level.start, level.spot), (level.end, level.endSpot)] where !(-120...24).contains(value) {
                    throw LineError(column: spot.column, .levelOutOfRange(value))
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
                    try c.plain(for: .panPosition)
                }
                for (value, spot) in [(pan.start, pan.spot), (pan.end, pan.endSpot)] where abs(value) > 1 {
                    throw LineError(column: spot.column, .panOutOfRange(value))
                }
                options.pan = pan
            case "noduck": options.noduck = true
            case "trim": options.trim = true
            case "loop": options.loop = true
            case "from": options.from = try cursor.duration()
            case "to": options.to = try cursor.duration()
            case "for": options.duration = try cursor.duration()
            case "glide": options.glideCurve = try cursor.glideCurve()
            case "am": options.modulation = try cursor.amplitudeModulation()
            case "phase": options.phase = try cursor.startingPhase()
            default:  // times
                let (times, spot) = try cursor.integer(for: .breathCount)
                guard (1...maximumRepeat).contains(times) else {
                    throw LineError(column: spot.column, .timesOutOfRange(limit: maximumRepeat))
                }
                options.times = times
            }
        }
        return options
    }
}
