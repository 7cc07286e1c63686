import Foundation
import StillpointScript
import Testing

/// The script-level defects found by probing the tool as a hostile-but-realistic
/// user would (issue 13): each input once did harm, and now gets a located error,
/// or reads as the writer meant. docs/reliability.md lists them.
@Suite struct HostileInputTests {
    // MARK: Line ends

    struct LineEnds: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
    }

    static let lineEnds: [LineEnds] = [
        LineEnds(name: "CR only (old Mac editors)", bytes: Array("title: CR\rpause 1s\rpause 2s\r".utf8)),
        LineEnds(name: "CRLF", bytes: Array("title: CR\r\npause 1s\r\npause 2s\r\n".utf8)),
        LineEnds(name: "mixed", bytes: Array("title: CR\npause 1s\r\npause 2s\r".utf8)),
    ]

    /// A CR-only script once read as one title line and rendered 10 s of silence.
    @Test(arguments: lineEnds)
    func everyLineEndEndsALine(_ text: LineEnds) throws {
        let library = try TestLibrary()
        try library.write("main.session", Data(text.bytes))
        let result = library.loadExisting("main.session")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.tags.title == "CR")
        #expect(timeline.events.map { $0.span(48000) } == [[0, 1], [1, 3]])
    }

    // MARK: Invisible characters

    struct Invisible: Sendable, CustomTestStringConvertible {
        var script: String
        var line: Int
        var column: Int
        var name: String
        var testDescription: String { name }
    }

    static let invisibles: [Invisible] = [
        Invisible(script: "say welcome\u{A0}\"Welcome.\"", line: 1, column: 12, name: "U+00A0 NO-BREAK SPACE"),
        Invisible(script: "pause 1s\nsay wel\u{200B}come", line: 2, column: 8, name: "U+200B ZERO WIDTH SPACE"),
        Invisible(script: "pause 1s\n\u{0C}say welcome", line: 2, column: 1, name: "U+000C FORM FEED"),
        Invisible(script: "say \u{1B}[31mwelcome", line: 1, column: 5, name: "U+001B ESCAPE"),
        Invisible(script: "say welcome\u{FEFF}", line: 1, column: 12, name: "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        Invisible(script: "title: \"Even\u{0}ing\"\nsay welcome", line: 1, column: 13, name: "U+0000 NULL"),
        Invisible(script: "title: Even\u{0}ing\nsay welcome", line: 1, column: 12, name: "U+0000 NULL"),
    ]

    /// Pasted invisible characters once made `welcome` another word ("did you mean
    /// `welcome`?"), and a NUL cut the title's tag short: now each is named, at its column.
    @Test(arguments: invisibles)
    func anInvisibleCharacterIsNamedAtItsColumn(_ case_: Invisible) throws {
        let library = try TestLibrary(clips: ["welcome.flac": 1])
        let result = try library.load(case_.script)
        let error = try #require(result.errors.first, "\(result.report)")
        #expect(result.errors.count == 1, "\(result.report)")
        #expect(error.message == "invisible character \(case_.name) here")
        #expect((error.location?.line, error.location?.column) == (case_.line, case_.column))
        #expect(!error.hints.joined().contains("did you mean"))
    }

    /// A no-break space inside quoted words is a character like any other.
    @Test func aNoBreakSpaceInsideQuotesIsText() throws {
        let library = try TestLibrary(clips: ["welcome.flac": 1])
        let result = try library.load("say welcome \"Welcome,\u{A0}friend.\"")
        #expect(result.diagnostics.isEmpty, "\(result.report)")
        #expect(result.timeline?.events.first?.text == "Welcome,\u{A0}friend.")
    }

    /// Escape sequences once reached the terminal raw; the caret still lines up.
    @Test func theFormatterNeverPrintsAControlCharacter() {
        struct Hostile: DiagnosticMessage {
            var message: String { "invisible \u{1B}]0;pwned\u{7}" }
            var hints: [Hint] { [.text("x\u{1B}[2J")] }
        }
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(file: "a.session", line: 1, column: 9), Hostile(), sourceLine: "say \u{1B}[31mx")
        let text = DiagnosticFormatter().format(diagnostic)
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        // The caret stands under `m`, counting the escape as printed: `say \u{1B}[31` is 13 wide.
        #expect(text.components(separatedBy: "\n") == [
            "a.session:1:9: error: invisible \\u{1B}]0;pwned\\u{7}",
            "    say \\u{1B}[31mx",
            "    " + String(repeating: " ", count: 13) + "^",
            "  hint: x\\u{1B}[2J",
        ])
    }

    // MARK: Limits checked before a render would fail

    /// The 1,000,000-cue limit once counted only cues inside `repeat`.
    @Test func everyCueCountsTowardTheMillion() throws {
        let library = try TestLibrary()
        let body = String(repeating: "  pause 1ms\n", count: 100)
        let result = try library.load("repeat 10000:\n" + body + "pause 1ms\npause 1ms\n")
        #expect(result.errors.map(\.message) == ["this cue is past the limit of 1,000,000 cues in a track"])
        #expect(result.errors.first?.location?.line == 102)
    }

    /// `end 0:00` passed `check`, and the render failed later without a location.
    @Test(arguments: ["end 0:00", "end 0:00.000"])
    func anEmptyTrackIsAnErrorAtItsEnd(_ end: String) throws {
        let library = try TestLibrary()
        let result = try library.load("pause 1s\n" + end)
        #expect(result.errors.map(\.message) == ["the track would be empty: it ends at 0:00"])
        #expect((result.errors.first?.location?.line, result.errors.first?.location?.column) == (2, 5))
    }

    /// More than 255 chapters in an MP3 failed after the whole render.
    @Test(arguments: [(255, "mp3", false), (256, "mp3", true), (300, "flac", false)])
    func mp3HoldsAt255Chapters(count: Int, format: String, fails: Bool) throws {
        let library = try TestLibrary()
        let chapters = (1...count).map { "chapter C\($0)\npause 10ms\n" }.joined()
        let result = try library.load("format: \(format)\n" + chapters)
        #expect(result.errors.map(\.message) == (fails ? ["an MP3 file holds at most 255 chapters; this is the 256th"] : []))
        if fails { #expect(result.errors.first?.location?.line == 2 + 255 * 2) }
    }

    /// An Opus comment header cannot hold a title of 51,201 bytes; the render failed at the end.
    @Test(arguments: [("title", 50_000, false), ("title", 50_001, true), ("comment", 70_000, true)])
    func aTagHoldsAtMost50000Bytes(name: String, bytes: Int, fails: Bool) throws {
        let library = try TestLibrary()
        let result = try library.load("format: opus\n\(name): \(String(repeating: "é", count: bytes / 2))\(bytes % 2 == 1 ? "x" : "")\npause 1s")
        #expect(result.errors.map(\.message) == (fails ? ["`\(name)` is \(bytes) bytes long; a tag holds at most 50,000"] : []))
        if fails { #expect((result.errors.first?.location?.line, result.errors.first?.location?.column) == (2, name.count + 3)) }
    }

    // MARK: Paths

    /// One-character paths with no slash crashed `displayPath` (SIGILL in Foundation).
    @Test func oneCharacterPathsResolve() throws {
        let library = try TestLibrary(files: ["a": "pause 1s\n", "b/c": "pause 2s\n"])
        let result = try library.load("include a\ninclude b/c\ninclude a\nsay nothing", as: "z")
        #expect(result.errors.map(\.location?.file) == ["z"], "\(result.report)")
        #expect(result.errors.first?.location?.line == 4)
    }

    /// A `library.defaults` linked to `/etc/passwd` was read, and each of its lines
    /// printed back in the errors.
    @Test func defaultsLinkedOutsideTheRootAreRefusedUnread() throws {
        let outside = try TestLibrary(files: ["secret.txt": "root:x:0:0:root:/root:/bin/bash\n"])
        let library = try TestLibrary()
        try FileManager.default.createSymbolicLink(
            at: library.url("library.defaults"), withDestinationURL: outside.url("secret.txt"))
        let result = try library.load("pause 1s")
        #expect(result.errors.map(\.message) == ["`library.defaults` leads outside the library's root"])
        #expect(result.errors.first?.location?.file == "library.defaults")
        #expect(!DiagnosticFormatter().format(result.diagnostics).contains("root:x"))
    }
}
