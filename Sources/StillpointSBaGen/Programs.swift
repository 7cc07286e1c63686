import Foundation
import StillpointScript

/// SBaGen's built-in programs (`-p drop`, `-p slide`; SBaGenX's `-p sigmoid` and
/// `-p curve`), written out as the tone-sets and time lines they stand for, so
/// that they import as readable sessions like any other schedule.
///
/// `drop` (manual 2.6): the carrier starts at 205 − 2·L Hz and falls 5 Hz over
/// the 30-minute drop (and on at that rate through the 30-minute hold of `+`);
/// the beat falls exponentially from 10 Hz (or `:S=`) to the letter's target over
/// the drop, then holds; `^` adds a 3-minute slide back up. `s` slides (one set
/// a minute, each sliding to the next); steps last 3 minutes, or 1 with `k`.
/// `slide` (2.7): the beat holds while the carrier slides linearly over 30
/// minutes (`tN`: N minutes) down to where the lower ear is just above 0 Hz.
/// Every program fades out over its last 10 seconds.
extension ScheduleParser {
    static let dropTargets = [4.4, 3.7, 3.1, 2.5, 2.0, 1.5, 1.2, 0.9, 0.7, 0.5, 0.4, 0.3]

    mutating func finishProgram() {
        guard let (words, line) = programWords else { return }
        guard let name = words.first else {
            report(.optionNeedsValue("-p"), line, column: line.words[0].column)
            return
        }
        let rest = Array(words.dropFirst())
        let location = location(line, name.column)
        var points: [(minutes: Double, carrier: Double, beat: Double)]
        var amplitude = 1.0
        var extraStart = 1
        var isochronic = false
        var sliding = true
        switch name.text.lowercased() {
        case "drop", "sigmoid", "curve":
            if name.text.lowercased() != "drop" {
                report(.notCarried("the `\(name.text)` curve", instead: "the beat falls as in `-p drop`"), line, column: name.column)
            }
            var specIndex = 0
            if name.text.lowercased() == "curve", rest.count > 1 { specIndex = 1 }  // the .sbgf file comes first
            guard specIndex < rest.count, let drop = DropSpec(rest[specIndex].text) else {
                report(.badProgramSpec(String(rest.first?.text ?? "")), line, column: rest.first?.column ?? name.column)
                return
            }
            extraStart = specIndex + 1
            amplitude = drop.amplitude
            isochronic = drop.isochronic
            sliding = drop.slides
            points = drop.points()
        case "slide":
            var index = 0
            var minutes = 30.0
            if let first = rest.first, first.text.hasPrefix("t"), let t = Double(first.text.dropFirst()) {
                minutes = t
                index = 1
            }
            guard index < rest.count, case .tone(let tone) = ToneParser.read(rest[index].text),
                tone.kind == .binaural || tone.kind == .isochronic
            else {
                report(.badProgramSpec(String(index < rest.count ? rest[index].text : "")), line,
                       column: index < rest.count ? rest[index].column : name.column)
                return
            }
            extraStart = index + 1
            amplitude = tone.amplitude
            isochronic = tone.kind == .isochronic
            let lowest = abs(tone.beat) / 2 + 0.5
            points = [(0, tone.carrier, tone.beat), (minutes, lowest, tone.beat)]
        default:
            report(.unknownProgram(String(name.text)), line, column: name.column)
            return
        }
        var extras: [Tone?] = []
        for word in rest.dropFirst(extraStart) {
            switch ToneParser.read(word.text) {
            case .tone(let tone): extras.append(tone)
            case .off: extras.append(nil)
            case .approximated(let tone, let problem):
                report(problem, line, column: word.column)
                extras.append(tone)
            case .invalid:
                report(.badToneSpec(String(word.text)), line, column: word.column)
            case .modulation(let rate):
                if let mix = extras.firstIndex(where: { $0?.kind == .mix }) { extras[mix]?.modulation = rate }
            }
        }
        let kind: Tone.Kind = isochronic ? .isochronic : .binaural
        let text = line.text.trimmingCharacters(in: .whitespaces)
        for (i, point) in points.enumerated() {
            let setName = "\(name.text.lowercased())-\(i)"
            let tone = Tone(kind, carrier: point.carrier, beat: point.beat, amplitude: amplitude)
            schedule.sets[setName] = ToneSet(name: setName, tones: [tone] + extras, location: location, text: text)
            schedule.setOrder.append(setName)
            schedule.lines.append(ScheduledSet(
                time: point.minutes * 60, set: setName, fadeIn: "=", fadeOut: "=", slides: sliding || i == points.count - 1,
                location: location, text: text))
        }
        schedule.sets["off"] = schedule.sets["off"] ?? ToneSet(name: "off", tones: [], location: location, text: "off: -")
        schedule.lines.append(ScheduledSet(
            time: (points.last?.minutes ?? 0) * 60 + 10, set: "off", fadeIn: "=", fadeOut: "=", slides: false,
            location: location, text: text))
    }

    /// Where the track ends: at the last time line (SBaGen's `-E`), or, when the
    /// last set still sounds, an hour after it (with SBaGen's fade to silence over
    /// its last 30 seconds); `-L` sets it. Never past 12 hours.
    mutating func finishEnd() {
        guard let last = schedule.lines.last else { return }
        let silent = schedule.sets[last.set]?.tones.allSatisfy { $0 == nil || $0?.kind == .bell } ?? true
        var end = last.time
        if !silent || options.length != nil {
            end = options.length ?? (last.time + 3600)
            schedule.lines.removeAll { $0.time > end }
            schedule.sets["off"] = schedule.sets["off"] ?? ToneSet(name: "off", tones: [], location: last.location, text: "off: -")
            var off = last
            off.time = end
            off.set = "off"
            off.slides = false
            schedule.lines.append(off)
        }
        let limit = 12.0 * 3600
        if end > limit {
            if let first = schedule.lines.first(where: { $0.time > limit }) {
                diagnostics.append(Diagnostic(.warning, at: first.location, SBaGenProblem.scheduleTooLong(hours: 12),
                                              sourceLine: nil))
            }
            schedule.lines.removeAll { $0.time > limit }
            end = limit
        }
        schedule.end = end
    }
}

/// `-p drop`'s level spec: `00ds+`, `20fs+^/2`, `-01ds+`, `00d@/3`, `00ls+:S=2`.
struct DropSpec {
    var level: Double
    var target: Double
    var start = 10.0
    var slides = false
    var stepMinutes = 3.0
    var hold = false
    var wake = false
    var isochronic = false
    var amplitude = 1.0

    init?(_ text: Substring) {
        var rest = text
        if let colon = rest.firstIndex(of: ":") {
            let param = rest[rest.index(after: colon)...]
            guard param.hasPrefix("S="), let s = Double(param.dropFirst(2)) else { return nil }
            start = s
            rest = rest[..<colon]
        }
        if let slash = rest.firstIndex(of: "/") {
            guard let amp = Double(rest[rest.index(after: slash)...]) else { return nil }
            amplitude = amp
            rest = rest[..<slash]
        }
        let levelText = rest.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        guard let level = Double(levelText) else { return nil }
        self.level = level
        rest = rest.dropFirst(levelText.count)
        let mirrored = rest.first == "-"
        if mirrored || rest.first == "+" { rest = rest.dropFirst() }
        guard let letter = rest.first, let index = "abcdefghijkl".firstIndex(of: letter) else { return nil }
        rest = rest.dropFirst()
        var position = Double("abcdefghijkl".distance(from: "abcdefghijkl".startIndex, to: index))
        if rest.first == "." {
            let digits = rest.dropFirst().prefix { $0.isNumber }
            position += Double("0." + digits) ?? 0
            rest = rest.dropFirst(1 + digits.count)
        }
        let table = ScheduleParser.dropTargets + [0.2]
        let low = Int(position), fraction = position - Double(low)
        var hertz = table[low] + (table[min(low + 1, table.count - 1)] - table[low]) * fraction
        if mirrored { hertz = 2 * 4.4 - hertz }  // mirrored upward around a = 4.4 Hz (close to the manual's table)
        target = hertz
        for flag in rest {
            switch flag {
            case "s": slides = true
            case "k": stepMinutes = 1
            case "+": hold = true
            case "^": wake = true
            case "@": isochronic = true
            case "M": break
            default: return nil
            }
        }
    }

    /// (minute, carrier, beat) at each set of the program.
    func points() -> [(minutes: Double, carrier: Double, beat: Double)] {
        let drop = 30.0, holdMinutes = hold ? 30.0 : 0
        let carrier0 = 205 - 2 * level
        let step = slides ? 1.0 : stepMinutes
        var points: [(Double, Double, Double)] = []
        var minute = 0.0
        while minute <= drop + holdMinutes + 1e-9 {
            let beat = minute < drop ? start * pow(target / start, minute / drop) : target
            points.append((minute, carrier0 - 5 * minute / drop, beat))
            minute += step
        }
        if wake, let last = points.last {
            points.append((last.0 + 3, carrier0, start))
        }
        return points
    }
}
