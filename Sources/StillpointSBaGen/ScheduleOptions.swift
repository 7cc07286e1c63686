import Foundation
import StillpointScript

/// The option lines of a schedule (`-SE`, `-T 0:00`, `-m river1.ogg`, `-p drop
/// 00ds+ mix/100`). Options that only steer SBaGen's player (its output device,
/// buffer, display) change nothing a file would hold and pass in silence; the
/// ones that would change the sound and that Stillpoint does not follow are
/// warned of.
struct ScheduleOptions {
    /// `-T`: the clock time the track starts at.
    var startClock: Double?
    /// `-L`: the track's length.
    var length: Double?
    /// `-m FILE`.
    var mix: (name: String, location: SourceLocation)?
    /// `-F`: the fade interval, in seconds (60 by default: 30 either side).
    var fadeInterval = 60.0
    /// `-V`: a global volume, in percent.
    var volume = 100.0
    var mixWarned = false

    /// Player options that take no value and change nothing in a file.
    static let quietFlags: Set<Character> = ["S", "E", "Q", "D", "i", "q", "G", "N", "X"]
    /// Player options that take a value and change nothing in a file.
    static let quietValued: Set<Character> = ["o", "O", "W", "b", "B", "k", "K", "R", "d", "M"]
}

extension ScheduleParser {
    mutating func readOptions(_ line: ScheduleLine) {
        var words = line.words[...]
        while let word = words.popFirst() {
            guard word.text.hasPrefix("-"), word.text.count > 1 else {
                report(.unknownOption(String(word.text)), line, column: word.column)
                continue
            }
            let letters = word.text.dropFirst()
            if letters.allSatisfy({ ScheduleOptions.quietFlags.contains($0) }) { continue }
            guard letters.count == 1, let letter = letters.first else {
                report(.unknownOption(String(word.text)), line, column: word.column)
                continue
            }
            if letter == "p" {
                setProgram(Array(words), line)
                return
            }
            if letter == "A" {
                if let next = words.first, next.text.contains("=") { words.removeFirst() }
                report(.notCarried("`-A` (amplitude modulation of the mix-in file)", instead: "the mix-in file plays steadily"),
                       line, column: word.column)
                continue
            }
            guard let value = words.popFirst() else {
                report(.optionNeedsValue(String(word.text)), line, column: word.column)
                continue
            }
            switch letter {
            case "T":
                guard let clock = TimeSpec.clock(value.text) else { report(.badTime(String(value.text)), line, column: value.column); continue }
                options.startClock = clock
            case "L":
                guard let length = TimeSpec.clock(value.text) else { report(.badTime(String(value.text)), line, column: value.column); continue }
                options.length = length
            case "m":
                options.mix = (String(value.text), location(line, value.column))
                schedule.mixFile = options.mix
            case "r":
                if let rate = Int(value.text) { schedule.rate = rate } else {
                    report(.optionNeedsValue(String(word.text)), line, column: value.column)
                }
            case "F":
                if let ms = Double(value.text), ms > 0 { options.fadeInterval = ms / 1000 }
            case "V":
                if let volume = Double(value.text) { options.volume = volume }
            case "w", "c", "H", "I":
                report(.optionIgnored("\(word.text) \(value.text)", why: "Stillpoint plays sine waves with no compensation"),
                       line, column: word.column)
            default:
                if !ScheduleOptions.quietValued.contains(letter) {
                    report(.unknownOption(String(word.text)), line, column: word.column)
                }
            }
        }
    }

    private mutating func setProgram(_ words: [(text: Substring, column: Int)], _ line: ScheduleLine) {
        programWords = (words, line)
    }
}
