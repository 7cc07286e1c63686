import Foundation
import StillpointTestSupport
import Testing

/// `check --format json`: every problem as an editor's problem pane reads it,
/// with the span to underline, on standard output; the exit status as for text.
struct CheckJSONTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var script: String
        var line: Int, column: Int, endColumn: Int
        var severity: String
        var message: String
        var hint: String?
        var testDescription: String { script.trimmingCharacters(in: .newlines) }
    }

    static let cases: [Case] = [
        Case(script: "sya welcome\n", line: 1, column: 1, endColumn: 4, severity: "error",
             message: "unknown instruction `sya`", hint: "did you mean `say`?"),
        Case(script: "say welcom\n", line: 1, column: 5, endColumn: 11, severity: "error",
             message: "no recording for the clip `welcom`", hint: "did you mean `welcome`?"),
        Case(script: "say welcome\npause 4\n", line: 2, column: 7, endColumn: 8, severity: "error",
             message: "`4` needs a unit", hint: nil),
        Case(script: "sound bowl = bell 400 Hz\nsay welcome\n", line: 1, column: 7, endColumn: 11, severity: "warning",
             message: "`bowl`", hint: nil),
    ]

    @Test(arguments: cases)
    func eachProblemIsOneObjectWithItsSpan(_ c: Case) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", c.script)
        let result = try await space.run("check", "--format", "json", "a.session")
        #expect(result.status == (c.severity == "error" ? 1 : 0), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        try #require(diagnostics.count == 1, "\(result)")
        let d = diagnostics[0]
        #expect(d["file"] as? String == "a.session")
        #expect(d["line"] as? Int == c.line)
        #expect(d["column"] as? Int == c.column)
        #expect(d["endColumn"] as? Int == c.endColumn)
        #expect(d["severity"] as? String == c.severity)
        #expect((d["message"] as? String)?.contains(c.message) == true, "\(d)")
        if let hint = c.hint {
            #expect((d["hints"] as? [String])?.contains(where: { $0.contains(hint) }) == true, "\(d)")
        }
        #expect(document["scripts"] as? Int == 1)
        #expect(document["errors"] as? Int == (c.severity == "error" ? 1 : 0))
    }

    /// A problem inside an included file names that file, with the include chain as notes;
    /// a clean folder gives an empty list and status 0.
    @Test func includesAndCleanScripts() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("main.session", "say welcome\ninclude parts/open.session\n")
        try space.write("parts/open.session", "paus 1s\n")
        let broken = try await space.run("check", "--format", "json", "main.session")
        #expect(broken.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])
        let d = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["file"] as? String == "parts/open.session")
        #expect((d["endColumn"] as? Int, d["column"] as? Int) == (5, 1))
        let note = try #require((d["notes"] as? [[String: Any]])?.first)
        #expect(note["file"] as? String == "main.session")
        #expect(note["line"] as? Int == 2)

        try space.write("parts/open.session", "pause 1s\n")
        let clean = try await space.run("check", "--format", "json", "main.session")
        #expect(clean.status == 0, "\(clean)")
        let cleanDocument = try #require(try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [String: Any])
        #expect((cleanDocument["diagnostics"] as? [Any])?.isEmpty == true)
    }

    /// Quotes, backslashes and control characters in messages stay valid JSON.
    @Test func awkwardTextStaysValidJSON() async throws {
        let space = try TemporaryLibrary()
        try space.write("a.session", "say \"quote\\\" and \\\\ back\"\nsay wel\u{7}come\n")
        let result = try await space.run("check", "--format", "json", "a.session")
        #expect(result.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((document?["diagnostics"] as? [Any])?.isEmpty == false, "\(result)")
    }
}
