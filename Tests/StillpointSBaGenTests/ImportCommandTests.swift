import Foundation
import StillpointTestSupport
import Testing

/// `stillpoint import` and `.sbg` given to `check` and `render`, run as a user runs them.
@Suite struct ImportCommandTests {
    static let schedule = "## Calm\na: pink/20 200+4/10\nb: {\n +0:00 a\n}\n0:00 b\n0:10 a\n"

    @Test func importWritesTheSessionAndNeverReplacesOne() async throws {
        let library = try TemporaryLibrary("sbg-cli")
        try library.write("calm.sbg", Self.schedule)
        let first = try await StillpointCommand.run(["import", "calm.sbg"], in: library.library)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr == "wrote calm.session\n")
        let written = try String(contentsOf: library.url("calm.session"), encoding: .utf8)
        #expect(written.hasPrefix("## Calm\n"))
        let printed = try await StillpointCommand.run(["import", "calm.sbg", "-o", "-"], in: library.library)
        #expect(printed.stdout == written)
        let again = try await StillpointCommand.run(["import", "calm.sbg"], in: library.library)
        #expect(again.status == 1)
        #expect(again.stderr.contains("error: calm.session already exists"))
        let check = try await StillpointCommand.run(["check", "calm.session", "calm.sbg"], in: library.library)
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr.hasSuffix("checked 2 scripts: no problems\n"))
    }

    @Test func aBadScheduleIsReportedInItsOwnLines() async throws {
        let library = try TemporaryLibrary("sbg-cli-bad")
        try library.write("bad.sbg", "a: 200+4/10\n0:00 ab\n")
        let result = try await StillpointCommand.run(["render", "bad.sbg"], in: library.library)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bad.sbg:2:6: error: no tone-set or block is called `ab`\n"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean `a`?"))
        #expect(!FileManager.default.fileExists(atPath: library.url("output").path))
    }
}
