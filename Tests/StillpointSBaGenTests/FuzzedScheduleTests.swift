import Foundation
import StillpointSBaGen
import StillpointScript
import StillpointTestSupport
import Testing

/// What fuzzing the importer found (`scripts/fuzz.sh sbagen`), each kept as a
/// regression test (docs/reliability.md, "Fuzzing").
@Suite struct FuzzedScheduleTests {
    /// A lone CR mid-file (found after 20 s: a comment line of the corpus with a
    /// CR in it) ended a line for the loader's quoting but not for the
    /// schedule's parser, so every problem after it pointed one line too high,
    /// at the wrong text. Now LF, CRLF and CR all end a line, as in a script.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndEndsAScheduleLine(_ end: String) throws {
        let library = try TemporaryLibrary("sbg-line-ends")
        let lines = ["## A comment", "a: 200+10/20", "b: 300+4/x", "0:00 a", "0:10 b"]
        let (schedule, result) = try ScheduleRendering.schedule(lines.joined(separator: end) + end, in: library)
        let error = try #require(result.diagnostics.first { $0.isError }, "\(result.diagnostics)")
        #expect(error.location == SourceLocation(file: schedule.relativePath, line: 3, column: 4))
        #expect(error.sourceLine == "b: 300+4/x")
        #expect(error.message == "`300+4/x` is not a tone SBaGen knows")

        try library.write("good.sbg", lines.filter { !$0.hasPrefix("b") && !$0.hasPrefix("0:10") }.joined(separator: end) + end)
        let imported = SBaGenImport.importSchedule(library.url("good.sbg"))
        #expect(!imported.hasErrors, "\(imported.diagnostics)")
        #expect(imported.session.text.contains("## A comment"))
        #expect(imported.session.text.contains("200 Hz"), "\(imported.session.text)")
    }
}
