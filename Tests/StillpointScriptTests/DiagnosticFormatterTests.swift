import Foundation
import StillpointScript
import Testing

@Suite struct DiagnosticFormatterTests {
    @Test func quotesTheLineWithACaretUnderTheSpotEvenAfterTabs() throws {
        let library = try TestLibrary(clips: ["welcome.flac": 1], files: ["parts/x.session": "repeat 2:\n\tsay welcom\n"])
        let result = try library.load("pause 1s\ninclude parts/x.session")
        let error = try #require(result.errors.first)
        #expect(DiagnosticFormatter().format(error) == """
            parts/x.session:2:9: error: no recording for the clip `welcom`
                    say welcom
                        ^
              hint: did you mean `welcome`?
              hint: looked in \(library.root.path)/clips for welcom.flac, .wav, .ogg, .opus, .mp3, .aiff
              hint: record it, or render a draft with --draft
            main.session:2:9: note: included from here
            """)
    }

    @Test func colourIsOnlyThereWhenAsked() {
        let diagnostic = Diagnostic(
            at: SourceLocation(file: "a.session", line: 3, column: 5), .soundNeverUsed("bowl"),
            sourceLine: "sound bowl = bell 432 Hz")
        let plain = DiagnosticFormatter().format(diagnostic)
        let coloured = DiagnosticFormatter(colour: true).format(diagnostic)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == plain)
        #expect(plain.hasPrefix("a.session:3:5: warning: the sound `bowl` is never used\n"))
    }

    @Test func aDiagnosticWithoutItsLineIsOneLinePlusHints() {
        let diagnostic = Diagnostic(at: SourceLocation(file: "x", line: 1, column: 1), .noSuchScript)
        let text = "x:1:1: error: no such script\n  hint: check the spelling, and the folder you are in\n"
        #expect(DiagnosticFormatter().format([diagnostic, diagnostic]) == text + text)
    }

    /// A failure of no line (a lock held, a folder not writable) is `error: message`
    /// and its hints: the same formatter, one prefix, no location.
    @Test func aFailureWithoutALocationHasOnePrefixAndNoPlace() {
        struct Held: DiagnosticMessage {
            var message: String { "another build is running" }
            var hints: [Hint] { [.text("wait for it to finish")] }
        }
        let diagnostic = Diagnostic(.error, Held(), sourceLine: "ignored without a location")
        #expect(DiagnosticFormatter().format(diagnostic) == "error: another build is running\n  hint: wait for it to finish")
        #expect(diagnostic.description == "error: another build is running")
    }
}
