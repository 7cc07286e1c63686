import Foundation
import StillpointTestSupport
import Testing

/// Problems as a practitioner reads them on standard error: `path:line:col:`, the
/// line quoted, a caret under the spot, hints; no colour when standard error is
/// not a terminal; the exit status says whether anything was an error.
struct DiagnosticTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// `a.session` is the script checked; `welcome.wav` is always recorded.
        var files: [String: String]
        /// Standard error exactly; `{root}` stands for the workspace folder.
        var stderr: String
        var status: Int32
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a misspelt keyword", files: ["a.session": "format: wav\n\nsya welcome \"Hello.\"\n"], stderr: """
            a.session:3:1: error: unknown instruction `sya`
                sya welcome "Hello."
                ^
              hint: did you mean `say`?
            checked 1 script: 1 error

            """, status: 1),
        Case(name: "a misspelt clip name", files: ["a.session": "say welcom \"Hello.\"\n"], stderr: """
            a.session:1:5: error: no recording for the clip `welcom`
                say welcom "Hello."
                    ^
              hint: did you mean `welcome`?
              hint: looked in {root}/clips for welcom.flac, .wav, .ogg, .opus, .mp3, .aiff
              hint: record it, or render a draft with --draft
            checked 1 script: 1 error

            """, status: 1),
        Case(name: "a clip name in the wrong case", files: ["a.session": "say Welcome\n"], stderr: """
            a.session:1:5: error: no recording for the clip `Welcome`
                say Welcome
                    ^
              hint: did you mean `welcome`?
              hint: looked in {root}/clips for Welcome.flac, .wav, .ogg, .opus, .mp3, .aiff
              hint: record it, or render a draft with --draft
            checked 1 script: 1 error

            """, status: 1),
        Case(name: "a misspelt setting", files: ["a.session": "format: wav\nloudnes: -18 LUFS\nsay welcome\n"], stderr: """
            a.session:2:1: error: unknown setting `loudnes`
                loudnes: -18 LUFS
                ^
              hint: did you mean `loudness:`?
            checked 1 script: 1 error

            """, status: 1),
        Case(name: "a misspelt sound", files: ["a.session": "sound bowl = bell 400 Hz\nplay bowl\nplay bowel\n"], stderr: """
            a.session:3:6: error: unknown sound `bowel`
                play bowel
                     ^
              hint: did you mean `bowl`?
              hint: define it above this line with `sound bowel = …`
            checked 1 script: 1 error

            """, status: 1),
        Case(name: "an error in an included file", files: [
            "a.session": "format: wav\ninclude parts/open.session\n",
            "parts/open.session": "pause 1s\nsay welcome\nbogus 3\n",
        ], stderr: """
            parts/open.session:3:1: error: unknown instruction `bogus`
                bogus 3
                ^
            a.session:2:9: note: included from here
            checked 1 script: 1 error

            """, status: 1),
        Case(name: "a warning alone", files: ["a.session": "sound bowl = bell 400 Hz\nsay welcome\n"], stderr: """
            a.session:1:7: warning: the sound `bowl` is never used
                sound bowl = bell 400 Hz
                      ^
              hint: play it with `play bowl` or `bed bowl`, or remove it
            checked 1 script: 1 warning

            """, status: 0),
        Case(name: "overlapping voice clips", files: ["a.session": "say welcome\nat 0:00.2 say welcome\n"], stderr: """
            a.session:2:11: warning: this voice clip overlaps `welcome` (a.session:1:1) by 0:00.300
                at 0:00.2 say welcome
                          ^
              hint: move it later, or shorten the one before
            checked 1 script: 1 warning

            """, status: 0),
    ]

    @Test(arguments: cases)
    func checkPrintsTheProblemExactly(_ c: Case) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        for (path, text) in c.files { try space.write(path, text) }
        let result = try await space.run("check", "a.session")
        #expect(result.stderr == c.stderr.replacingOccurrences(of: "{root}", with: space.root.path), "\(result)")
        #expect(result.status == c.status)
        #expect(!result.stderr.contains(escape), "colour codes although standard error is a file")
        #expect(result.stdout.isEmpty)
    }

    /// Every command that reads a script stops on its errors with the same report
    /// and status 1, and writes nothing.
    @Test(arguments: [["timeline", "a.session"], ["timeline", "--json", "a.session"], ["render", "a.session"],
                      ["render", "a.session", "--draft"], ["build", "."]])
    func everyCommandRefusesABrokenScript(_ arguments: [String]) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "format: wav\nsay welcome\nsya welcome\n")
        let result = try await StillpointCommand.run(arguments, in: space.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(":3:1: error: unknown instruction `sya`\n    sya welcome\n    ^\n  hint: did you mean `say`?\n"),
                "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!space.exists("output/a.wav"))
    }

    /// Warnings are shown but never change the status, in any command.
    @Test(arguments: [["timeline", "a.session"], ["render", "a.session"], ["build", "."]])
    func warningsAloneExitZero(_ arguments: [String]) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "format: wav\nsound bowl = bell 400 Hz\nsay welcome\n")
        let result = try await StillpointCommand.run(arguments, in: space.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains(":2:7: warning: the sound `bowl` is never used"), "\(result)")
    }
}

/// Failures past the parser print through the same formatter as a script's
/// problems: located at the cue when a cue caused them, one `error:` prefix, the
/// file named as it lies in the library, and libsndfile's own words turned into
/// a sentence.
extension DiagnosticTests {
    /// A FLAC whose header is sound but whose frames are overwritten in the
    /// middle: the resolver (which reads the header) accepts it, and decoding
    /// it at render fails.
    static func damagedFLAC(in space: TemporaryLibrary) async throws {
        try space.write("make.session", "format: flac\ntone sine 440 Hz for 2s\nend 0:02\n")
        let made = try await space.run("render", "make.session", "-o", "clips/x.flac")
        #expect(made.status == 0, "\(made)")
        try FileManager.default.removeItem(at: space.url("make.session"))
        var bytes = [UInt8](try Data(contentsOf: space.url("clips/x.flac")))
        let start = bytes.count / 3
        for i in start..<(start + bytes.count / 6) { bytes[i] = UInt8(truncatingIfNeeded: i &* 37) }
        try Data(bytes).write(to: space.url("clips/x.flac"))
    }

    static let damagedClipReport = """
        a.session:2:1: error: cannot read clips/x.flac: the FLAC data is damaged (it lost sync)
            say x "Hi."
            ^
          hint: export the recording again from your recording program

        """

    @Test func aDamagedClipIsReportedAtTheLineThatSaysIt() async throws {
        let space = try TemporaryLibrary()
        try await Self.damagedFLAC(in: space)
        try space.write("a.session", "format: wav\nsay x \"Hi.\"\n")
        // `check` decodes every recording to its end, so it finds the damage too, located.
        let checked = try await space.run("check", "a.session")
        #expect(checked.status == 1 && checked.stderr.hasPrefix("a.session:2:"), "\(checked)")
        try space.write("output/a.wav", "earlier track")

        let result = try await space.run("render", "a.session")
        #expect(result.stderr == Self.damagedClipReport, "\(result)")
        #expect(result.status == 1)
        #expect(try String(contentsOf: space.url("output/a.wav"), encoding: .utf8) == "earlier track")
    }

    @Test func aBuildReportsTheDamagedClipOnceAndGoesOn() async throws {
        let space = try TemporaryLibrary()
        try await Self.damagedFLAC(in: space)
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "format: wav\nsay x \"Hi.\"\n")
        try space.write("b.session", "format: wav\nsay welcome\n")

        let result = try await space.run("build", ".")
        #expect(result.stderr.hasPrefix("failed a.session:\n" + Self.damagedClipReport), "\(result)")
        #expect(result.stderr.components(separatedBy: "error:").count == 2, "one prefix, once: \(result)")
        #expect(result.stderr.hasSuffix("build: 1 rendered, 0 up to date, 1 failed: a.session\n"), "\(result)")
        #expect(result.status == 1)
        #expect(space.exists("output/b.wav"))
    }

    /// Failures of no line: `error: message`, once, status 1, no usage text.
    @Test(arguments: [
        (["build", "nowhere"], "error: the library folder {root}/nowhere does not exist or is not a folder\n"),
        (["check", "nowhere.session"], "error: nowhere.session: no such file or folder\n"),
        (["render", "a.session", "--from", "0:03", "--to", "0:01"],
         "error: --from must come before --to, inside the track (it lasts 0:11)\n"),
    ])
    func aFailureOfNoLineIsOneLine(arguments: [String], stderr: String) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "format: wav\nsay welcome\n")
        let result = try await StillpointCommand.run(arguments, in: space.root)
        #expect(result.stderr == stderr.replacingOccurrences(of: "{root}", with: space.root.path), "\(result)")
        #expect(result.status == 1)
    }
}
