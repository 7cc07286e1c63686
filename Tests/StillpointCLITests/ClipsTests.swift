import Foundation
import StillpointTestSupport
import Testing

/// `clips`: every phrase a script or library uses, with its transcript, whether it
/// is recorded and where it is used; `--missing` is the recording sheet.
struct ClipsTests {
    /// Clips `one` and `two` recorded; `three` and `four` not; `one` only in a part.
    private func library() throws -> TemporaryLibrary {
        let space = try TemporaryLibrary()
        try space.write("lib/library.defaults", "format: wav\n")
        try space.recordClip("lib/clips/one.wav")
        try space.recordClip("lib/clips/two.wav")
        try space.write("lib/parts/intro.session", "say one \"One.\"\n")
        try space.write("lib/a.session", "include parts/intro.session\nsay two \"Two.\"\nsay three \"Three, not yet.\"\n")
        try space.write("lib/sleep/b.session", "say three\nsay four \"Four.\"\nsay two\n")
        return space
    }

    @Test func everyPhraseIsListedWithItsTranscriptAndUses() async throws {
        let space = try library()
        let result = try await space.run("clips", "lib")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            one  [one.wav]
                "One."
                used at lib/parts/intro.session:1
            two  [two.wav]
                "Two."
                used at lib/a.session:2, lib/sleep/b.session:3
            three  [not recorded]
                "Three, not yet."
                used at lib/a.session:3, lib/sleep/b.session:1
            four  [not recorded]
                "Four."
                used at lib/sleep/b.session:2

            """, "\(result)")
        #expect(result.stderr.isEmpty)
    }

    @Test func theRecordingSheetListsExactlyTheUnrecordedPhrases() async throws {
        let space = try library()
        let result = try await space.run("clips", "--missing", "lib")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            Recording sheet: 2 phrases to record into lib/clips/
            three
                "Three, not yet."
                used at lib/a.session:3, lib/sleep/b.session:1
            four
                "Four."
                used at lib/sleep/b.session:2

            """, "\(result)")

        try space.recordClip("lib/clips/three.wav")
        let fewer = try await space.run("clips", "--missing", "lib")
        #expect(fewer.stdout.hasPrefix("Recording sheet: 1 phrase to record"), "\(fewer)")
        #expect(!fewer.stdout.contains("three"))

        try space.recordClip("lib/clips/four.wav")
        let none = try await space.run("clips", "--missing", "lib")
        #expect(none.stdout == "Every phrase is recorded.\n", "\(none)")
    }

    /// `--tsv`, what scripts/make-sample-clips.sh reads: one line a phrase, name,
    /// clips folder and words; `--missing` narrows it the same way.
    @Test(arguments: [
        ([String](), ["one\tlib/clips\tOne.", "two\tlib/clips\tTwo.", "three\tlib/clips\tThree, not yet.",
                      "four\tlib/clips\tFour."]),
        (["--missing"], ["three\tlib/clips\tThree, not yet.", "four\tlib/clips\tFour."]),
    ])
    func tsvHasOneLineOfThreeFieldsAPhrase(_ flags: [String], _ lines: [String]) async throws {
        let space = try library()
        let result = try await StillpointCommand.run(["clips", "--tsv"] + flags + ["lib"], in: space.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == lines.map { $0 + "\n" }.joined(), "\(result)")
    }

    /// A tab, a backslash or a quote in the words stays in one field; a phrase
    /// without words has an empty one.
    @Test func tsvEscapesTabsAndBackslashes() async throws {
        let space = try TemporaryLibrary()
        try space.write("a.session", "say calm \"In\tout \\\\ \\\"here\\\"\"\nsay bare\n")
        let result = try await space.run("clips", "--tsv", "a.session")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "calm\tclips\tIn\\tout \\\\ \"here\"\nbare\tclips\t\n", "\(result)")
    }

    /// One script: only its phrases, its own transcripts.
    @Test func oneScriptListsOnlyItsPhrases() async throws {
        let space = try library()
        let result = try await space.run("clips", "--missing", "lib/a.session")
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropFirst() == ["three"], "\(result)")
    }

    /// cli.md: "non-zero when any script has an error". Missing clips are not an
    /// error for `clips`, but a script that cannot be read is.
    @Test func aBrokenScriptMakesClipsFail() async throws {
        let space = try library()
        try space.write("lib/c.session", "say two\nsya three\n")
        let result = try await space.run("clips", "lib")
        #expect(result.stderr.contains("lib/c.session:2:1: error: unknown instruction `sya`"), "\(result)")
        #expect(result.status == 1)
    }
}
