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
            .warning, at: SourceLocation(file: "a.session", line: 3, column: 5), "the sound `bowl` is never used",
            hints: ["play it"], sourceLine: "sound bowl = bell 432 Hz")
        let plain = DiagnosticFormatter().format(diagnostic)
        let coloured = DiagnosticFormatter(colour: true).format(diagnostic)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == plain)
        #expect(plain.hasPrefix("a.session:3:5: warning: the sound `bowl` is never used\n"))
    }

    @Test func aDiagnosticWithoutItsLineIsOneLinePlusHints() {
        let diagnostic = Diagnostic(.error, at: SourceLocation(file: "x", line: 1, column: 1), "cannot read the script")
        #expect(DiagnosticFormatter().format([diagnostic, diagnostic]) == "x:1:1: error: cannot read the script\n".appending("x:1:1: error: cannot read the script\n"))
    }
}
