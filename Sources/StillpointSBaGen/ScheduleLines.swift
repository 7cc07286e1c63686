import Foundation
import StillpointScript

/// One line of a schedule split into words, each with its column (counted as
/// Stillpoint counts them: characters, a tab moving to the next multiple of 4),
/// with any `#` comment cut off.
struct ScheduleLine {
    var number: Int
    var text: String
    var words: [(text: Substring, column: Int)]
    /// The whole line is a comment (kept in the session); nil otherwise.
    var comment: String?

    init(number: Int, text: String) {
        self.number = number
        self.text = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        comment = trimmed.hasPrefix("#") ? trimmed : nil
        var words: [(Substring, Int)] = []
        var column = 1
        var start: String.Index?
        var startColumn = 1
        for index in text.indices {
            let c = text[index]
            if c == "#" { break }
            if c == " " || c == "\t" {
                if let s = start { words.append((text[s..<index], startColumn)) }
                start = nil
            } else if start == nil {
                start = index
                startColumn = column
            }
            column = c == "\t" ? ((column - 1) / 4 + 1) * 4 + 1 : column + 1
        }
        if let s = start {
            let end = text[s...].firstIndex(of: "#") ?? text.endIndex
            words.append((text[s..<end], startColumn))
        }
        self.words = words
    }

    var isBlank: Bool { words.isEmpty }
}
