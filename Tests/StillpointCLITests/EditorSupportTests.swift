import Foundation
import StillpointTestSupport
import Testing

/// editors/: the TextMate grammar and the VS Code extension that uses it. The
/// words the grammar must colour are read from the parser's own source, so a
/// keyword added to the language and forgotten here fails this test.
struct EditorSupportTests {
    static let root = StillpointCommand.packageRoot
    static let extensionFolder = root.appendingPathComponent("editors/vscode")

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: extensionFolder.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every `match` and `begin` regular expression of the grammar, at any depth.
    static func expressions(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return ["match", "begin"].compactMap { object[$0] as? String } + object.values.flatMap(expressions)
        }
        return (value as? [Any])?.flatMap(expressions) ?? []
    }

    /// Keywords, settings, generators, noise colours and option words, from
    /// Sources/StillpointScript: the arrays of keywords and setting names, the
    /// words the parser accepts or expects, and the noise colours.
    static let languageWords: [String] = {
        let folder = root.appendingPathComponent("Sources/StillpointScript")
        let sources = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".swift") }
            .compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        var words = Set<String>()
        let lists = try! NSRegularExpression(pattern: #"let (?:\w+Keywords|optionNames|settingNames)[^=]*=\s*\[([^\]]*)\]"#)
        let quoted = try! NSRegularExpression(pattern: #""([a-z-]+)""#)
        let calls = try! NSRegularExpression(pattern: #"(?:accept|expect|isWord)\("([a-z-]+)""#)
        let whole = NSRange(sources.startIndex..., in: sources)
        for list in lists.matches(in: sources, range: whole) {
            let body = String(sources[Range(list.range(at: 1), in: sources)!])
            for word in quoted.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                words.insert(String(body[Range(word.range(at: 1), in: body)!]))
            }
        }
        for call in calls.matches(in: sources, range: whole) {
            words.insert(String(sources[Range(call.range(at: 1), in: sources)!]))
        }
        return words.union(["white", "pink", "brown"]).sorted()
    }()

    /// The setting names, read from `settingNames` in Settings.swift.
    static let settingWords: Set<String> = {
        let file = root.appendingPathComponent("Sources/StillpointScript/Settings.swift")
        let source = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let list = try! NSRegularExpression(pattern: #"let settingNames[^=]*=\s*\[([^\]]*)\]"#)
        let quoted = try! NSRegularExpression(pattern: #""([a-z-]+)""#)
        guard let match = list.firstMatch(in: source, range: NSRange(source.startIndex..., in: source)) else { return [] }
        let body = String(source[Range(match.range(at: 1), in: source)!])
        return Set(quoted.matches(in: body, range: NSRange(body.startIndex..., in: body))
            .map { String(body[Range($0.range(at: 1), in: body)!]) })
    }()

    @Test func theExtensionNamesTheLanguageAndItsGrammar() throws {
        let manifest = try Self.json("package.json")
        let contributes = try #require(manifest["contributes"] as? [String: Any])
        let language = try #require((contributes["languages"] as? [[String: Any]])?.first)
        #expect(language["extensions"] as? [String] == [".session"])
        #expect(language["filenames"] as? [String] == ["library.defaults"])
        let grammar = try #require((contributes["grammars"] as? [[String: Any]])?.first)
        #expect(grammar["scopeName"] as? String == "source.session")
        #expect(grammar["language"] as? String == language["id"] as? String)
        let path = try #require(grammar["path"] as? String)
        #expect(try Self.json(path)["scopeName"] as? String == "source.session")
        let configuration = try Self.json(try #require(language["configuration"] as? String))
        #expect((configuration["comments"] as? [String: Any])?["lineComment"] as? String == "#")
    }

    /// Each word of the language is coloured where it stands: settings at the
    /// start of a line before `:`, everything else as a word of a cue line.
    @Test func everyWordOfTheLanguageIsInTheGrammar() throws {
        let patterns = try Self.expressions(in: Self.json("syntaxes/session.tmLanguage.json")).map {
            try NSRegularExpression(pattern: $0)
        }
        #expect(Self.languageWords.count > 40, "\(Self.languageWords)")
        let settings = Self.settingWords
        var missing: [String] = []
        for word in Self.languageWords {
            // Where the word stands: a setting before `:`, a line's first word, or a word inside a cue.
            let lines = settings.contains(word) ? [("\(word): x", 0)] : [("\(word) y = z", 0), ("say x \(word) y", 6)]
            let coloured = lines.contains { line, at in
                let target = NSRange(location: at, length: word.utf16.count)
                return patterns.contains { pattern in
                    pattern.matches(in: line, range: NSRange(location: 0, length: line.utf16.count)).contains { match in
                        (0..<match.numberOfRanges).contains { NSEqualRanges(match.range(at: $0), target) }
                    }
                }
            }
            if !coloured { missing.append(word) }
        }
        #expect(missing.isEmpty, "not coloured by the grammar: \(missing)")
    }

    /// Values are told apart: a time, a duration, a level, a frequency.
    @Test(arguments: [
        ("at 1:02:03.5 say x", "1:02:03.5"), ("pause 1m30s", "1m30s"), ("pause 250ms", "250ms"),
        ("bed noise pink level -30 dB", "-30 dB"), ("loudness: -18 LUFS", "-18 LUFS"), ("play bell 1.2 kHz", "1.2 kHz"),
        ("play sine 432Hz for 3s", "432Hz"),
    ])
    func valuesAreRecognised(_ line: String, _ value: String) throws {
        let patterns = try Self.expressions(in: Self.json("syntaxes/session.tmLanguage.json")).map {
            try NSRegularExpression(pattern: $0)
        }
        let target = (line as NSString).range(of: value)
        #expect(patterns.contains { $0.matches(in: line, range: NSRange(location: 0, length: line.utf16.count)).contains {
            NSEqualRanges($0.range, target)
        } }, "\(value) in \(line)")
    }
}
