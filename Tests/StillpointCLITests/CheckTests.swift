import Foundation
import StillpointTestSupport
import Testing

/// `check` on a folder: every script's problems in one run, include-only parts
/// checked through their includers, and a one-line summary.
struct CheckTests {
    @Test func aFolderReportsEveryScriptsProblemsInOneRun() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("lib/clips/welcome.wav")
        try space.write("lib/library.defaults", "format: wav\n")
        try space.write("lib/good.session", "say welcome\n")
        try space.write("lib/one.session", "sya welcome\n")
        try space.write("lib/two.session", "say welcom\npause 4\n")
        try space.write("lib/deep/three.session", "include ../parts/open.session\n")
        try space.write("lib/parts/open.session", "paus 1s\n")
        try space.write("lib/warn.session", "sound bowl = bell 400 Hz\nsay welcome\n")
        let result = try await space.run("check", "lib")
        #expect(result.status == 1)
        let located = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(located.map { $0.prefix { $0 != " " } }.sorted() == [
            "lib/one.session:1:1:", "lib/parts/open.session:1:1:", "lib/two.session:1:5:",
            "lib/two.session:2:7:", "lib/warn.session:1:7:",
        ], "\(result)")
        #expect(result.stderr.hasSuffix("checked 5 scripts: 4 errors, 1 warning\n"), "\(result)")
    }

    @Test func aGoodLibraryHasNoProblems() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("lib/clips/welcome.wav")
        try space.write("lib/library.defaults", "format: wav\n")
        try space.write("lib/a.session", "include parts/open.session\n")
        try space.write("lib/parts/open.session", "say welcome\n")
        try space.write("lib/sleep/b.session", "say welcome\n")
        try space.write("lib/sleep/_part.session", "pause 1s\n")
        let result = try await space.run("check", "lib")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "checked 2 scripts: no problems\n")
    }

    /// Several paths, files and folders, in one run.
    @Test func severalPathsAreCheckedTogether() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "say welcome\n")
        try space.write("b.session", "sya welcome\n")
        try space.write("more/c.session", "bogus\n")
        let result = try await space.run("check", "a.session", "b.session", "more")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("checked 3 scripts: 2 errors\n"), "\(result)")
    }

    @Test func aPathThatIsNotThereIsAnError() async throws {
        let space = try TemporaryLibrary()
        let result = try await space.run("check", "nowhere.session")
        #expect(result.status != 0)
        #expect(result.stderr.contains("nowhere.session: no such file or folder"), "\(result)")
    }
}
