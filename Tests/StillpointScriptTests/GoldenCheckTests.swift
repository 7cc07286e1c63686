import Foundation
import StillpointTestSupport
import Testing

/// The golden helper itself: it passes only on an exact match, and a run that
/// records fails too, so that recording can never pass for checking.
struct GoldenCheckTests {
    @Test func anExactMatchPasses() throws {
        let library = try TemporaryLibrary()
        try library.write("golden.txt", "same\n")
        Golden.check("same\n", against: library.url("golden.txt"), recording: false)
    }

    @Test(arguments: ["other\n", "same", "same\n\n", ""])
    func anyDifferenceFails(_ actual: String) throws {
        let library = try TemporaryLibrary()
        try library.write("golden.txt", "same\n")
        withKnownIssue { Golden.check(actual, against: library.url("golden.txt"), recording: false) }
    }

    @Test func aMissingGoldenFails() throws {
        let library = try TemporaryLibrary()
        withKnownIssue { Golden.check("new\n", against: library.url("golden.txt"), recording: false) }
    }

    @Test func recordingWritesTheGoldenAndFails() throws {
        let library = try TemporaryLibrary()
        withKnownIssue { Golden.check("new\n", against: library.url("help/golden.txt"), recording: true) }
        #expect(try library.text("help/golden.txt") == "new\n")
    }
}
