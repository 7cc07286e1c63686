import Foundation

/// A transcript as the recogniser hears it: lower-case words, punctuation
/// gone, apostrophes kept ("it's"), hyphens splitting ("well-being").
enum PhraseWords {
    static func words(_ text: String) -> [String] {
        text.lowercased()
            .split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }
            .map { $0.replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { !$0.isEmpty }
    }
}

/// The part of the recogniser's pronouncing dictionary a script needs: the
/// lines of its words only (a 130,000-word dictionary takes seconds to load,
/// a few hundred words none), and which words it does not know.
struct PronouncingDictionary {
    /// Dictionary lines for the words asked for, alternates included.
    let lines: [String]
    let known: Set<String>

    init(file: URL, words: Set<String>) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines: [String] = []
        var known: Set<String> = []
        text.enumerateLines { line, _ in
            guard let space = line.firstIndex(of: " ") else { return }
            var word = line[..<space]
            if let paren = word.firstIndex(of: "(") { word = word[..<paren] }
            let key = String(word)
            if words.contains(key) {
                lines.append(line)
                known.insert(key)
            }
        }
        self.lines = lines
        self.known = known
    }
}
