import Foundation
import StillpointTestSupport
import Testing

/// `render`: where the track goes, in which format, which stretch of it, its
/// subtitles, drafts, and what a listener hears at the frame the script says.
struct RenderTests {
    struct Destination: Sendable, CustomTestStringConvertible {
        var files: [String: String]
        var arguments: [String]
        var output: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let destinations: [Destination] = [
        Destination(files: ["a.session": "say welcome\n"], arguments: ["a.session"], output: "output/a.flac"),
        Destination(files: ["a.session": "format: wav\nsay welcome\n"], arguments: ["a.session"], output: "output/a.wav"),
        Destination(files: ["lib/library.defaults": "format: wav\n", "lib/deep/x.session": "say welcome\n"],
                    arguments: ["lib/deep/x.session"], output: "output/deep/x.wav"),
        Destination(files: ["a.session": "format: flac\nsay welcome\n"], arguments: ["a.session", "--format", "wav"],
                    output: "output/a.wav"),
        Destination(files: ["a.session": "format: flac\nsay welcome\n"], arguments: ["a.session", "-o", "elsewhere/take.wav"],
                    output: "elsewhere/take.wav"),
        Destination(files: ["a.session": "say welcome\n"], arguments: ["a.session", "--format", "wav", "-o", "take.wav"],
                    output: "take.wav"),
    ]

    /// The track lands where cli.md says, and nowhere else; a WAV is a real WAV.
    @Test(arguments: destinations)
    func theTrackGoesWhereItShould(_ d: Destination) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.recordClip("lib/clips/welcome.wav")
        for (path, text) in d.files { try space.write(path, path.hasSuffix(".session") ? text + "end 0:01\n" : text) }
        let result = try await StillpointCommand.run(["render"] + d.arguments, in: space.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.hasPrefix("wrote \(d.output): 0:01, -18.0 LUFS"), "\(result)")
        let written = space.files(under: ".").filter { !$0.hasPrefix("clips/") && !$0.hasPrefix("lib/") && !d.files.keys.contains($0) }
        #expect(written == [d.output])
        if d.output.hasSuffix(".wav") {
            #expect(try space.wav(d.output).frames == 48000)
        } else {
            #expect(try space.data(d.output).prefix(4) == Data("fLaC".utf8))
        }
    }

    /// `--format` and `-o` disagreeing, or `-o` naming no format, is refused before
    /// anything is written.
    @Test(arguments: [
        (["--format", "flac", "-o", "take.wav"], "--format flac and -o take.wav disagree"),
        (["--format", "wav", "-o", "take.ogg"], "--format wav and -o take.ogg disagree"),
        (["-o", "take.xyz"], "-o take.xyz: the extension names no format"),
        (["--format", "aiff"], "aiff"),
    ])
    func aFormatConflictIsAnError(_ arguments: [String], _ message: String) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "say welcome\n")
        let result = try await StillpointCommand.run(["render", "a.session"] + arguments, in: space.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result)")
        #expect(space.files(under: ".") == ["a.session", "clips/welcome.wav"])
    }

    /// `--from/--to` renders exactly that stretch (the track lasts 5 s), as a
    /// preview beside the track rather than in its place.
    @Test(arguments: [
        (["--from", "0:01", "--to", "0:03"], 96000),
        (["--from", "0:00.250", "--to", "0:01"], 36000),
        (["--from", "1.5s", "--to", "2s"], 24000),
        (["--to", "0:02"], 96000),
        (["--from", "0:04"], 48000),
        (["--from", "0:03", "--to", "0:09"], 96000),
    ])
    func anExcerptHasExactlyItsFrames(_ arguments: [String], _ frames: Int) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "format: wav\nbed noise pink level -30 dB\nsay welcome\nend 0:05\n")
        let result = try await StillpointCommand.run(["render", "a.session"] + arguments, in: space.root)
        #expect(result.status == 0, "\(result)")
        let wav = try space.wav("output/a.preview.wav")
        #expect(wav.frames == frames)
        #expect(wav.rate == 48000)
        #expect(wav.channels == 2)
        #expect(space.files(under: "output") == ["a.preview.wav"])
    }

    @Test(arguments: [["--from", "0:03", "--to", "0:02"], ["--from", "0:05"], ["--from", "soon"]])
    func anEmptyOrUnreadableExcerptIsAnError(_ arguments: [String]) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "format: wav\nsay welcome\nend 0:05\n")
        let result = try await StillpointCommand.run(["render", "a.session"] + arguments, in: space.root)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.lowercased().contains("error: "), "\(result)")
        #expect(!space.exists("output/a.wav"))
    }

    /// One cue per `say` with its transcript and its time on the track; chapters as NOTEs.
    @Test func subtitlesHaveOneCuePerSay() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", """
            format: wav
            title: Evening
            chapter Opening
            say welcome "Hello."
            pause 1s
            say welcome "Hello \\"again\\"."
            chapter Close
            +0.5s say welcome "Bye."
            end 0:04

            """)
        let result = try await space.run("render", "a.session", "--subtitles")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.hasSuffix("\nwrote output/a.vtt\n"), "\(result)")
        let vtt = try String(contentsOf: space.url("output/a.vtt"), encoding: .utf8)
        #expect(vtt == """
            WEBVTT

            NOTE Evening

            NOTE Chapter: Opening (00:00:00.000)

            1
            00:00:00.000 --> 00:00:00.500
            Hello.

            2
            00:00:01.500 --> 00:00:02.000
            Hello "again".

            NOTE Chapter: Close (00:00:02.500)

            3
            00:00:02.500 --> 00:00:03.000
            Bye.

            """)
    }

    /// A missing clip: an error naming the folder searched, the earlier track kept
    /// byte for byte; with `--draft` a track that says it is a draft.
    @Test func aMissingClipIsAnErrorUnlessDraft() async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.recordClip("clips/goodbye.wav", frequency: 330)
        try space.write("a.session", "format: wav\nsay welcome\nsay goodbye \"Goodbye now, rest well.\"\nend 0:04\n")
        #expect(try await space.run("render", "a.session").status == 0)
        let earlier = try space.data("output/a.wav")

        try space.remove("clips/goodbye.wav")
        let refused = try await space.run("render", "a.session")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("a.session:3:5: error: no recording for the clip `goodbye`"), "\(refused)")
        #expect(refused.stderr.contains("hint: looked in \(space.root.path)/clips for goodbye.flac"), "\(refused)")
        #expect(try space.data("output/a.wav") == earlier)
        #expect(space.files(under: "output") == ["a.wav"])

        let draft = try await space.run("render", "a.session", "--draft")
        #expect(draft.status == 0, "\(draft)")
        #expect(draft.stderr.contains("DRAFT: 1 phrase not recorded"), "\(draft)")
        #expect(try space.wav("output/a.wav").frames == 4 * 48000)
        #expect(try space.data("output/a.wav") != earlier)
    }

    /// The finished track meets its `loudness:` within 0.5 LU, as ffmpeg's EBU R128
    /// meter reads it.
    @Test(arguments: [-18.0, -23.0])
    func theTrackMeetsItsLoudness(_ target: Double) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.write("a.session", "format: wav\nloudness: \(Int(target)) LUFS\nbed noise pink level -30 dB\nsay welcome\nend 0:04\n")
        #expect(try await space.run("render", "a.session").status == 0)
        let measured = try await ffmpegIntegratedLoudness(space.url("output/a.wav"))
        #expect(abs(measured - target) <= 0.5, "measured \(measured) LUFS")
    }

    /// A click recorded at a known frame of a clip or file lands on the exact frame
    /// of the track the script puts it at, at its recorded level.
    @Test(arguments: [
        ("pause 1s\n+0.25s say click", 72000),
        ("at 0:00.5 say click", 36000),
        ("pause 1s\nsay click from 0.1s to 0.5s", 55200),
        ("pause 1s\n+0.25s play click.wav", 72000),
        ("pause 1s\nsay welcome\nsay click", 84000),
    ])
    func aClickLandsOnItsFrame(_ cues: String, _ frame: Int) async throws {
        let space = try TemporaryLibrary()
        try space.recordClip("clips/welcome.wav")
        try space.recordClip("clips/click.wav", clickAt: 12000)
        try space.recordClip("click.wav", clickAt: 12000)
        try space.write("a.session", "format: wav\nbits: 32f\nloudness: off\nvoice-level: off\n\(cues)\nend 0:02\n")
        let result = try await space.run("render", "a.session")
        #expect(result.status == 0, "\(result)")
        let wav = try space.wav("output/a.wav")
        for channel in 0 ..< 2 {
            let samples = try #require(wav.channel(channel).dropFirst(frame - 24000).prefix(48000).enumerated()
                .max { abs($0.element) < abs($1.element) })
            #expect(samples.offset + frame - 24000 == frame, "channel \(channel)")
            #expect(abs(samples.element - 0.5) < 0.01, "channel \(channel)")
        }
    }

    /// The script's chapters are in the rendered file, as ffprobe reads them, to the
    /// millisecond: titles as written, each ending where the next starts, the last
    /// at the end of the track (for Opus, ffprobe's end counts 6.5 ms of pre-skip).
    @Test(arguments: ["flac", "ogg", "opus", "mp3"])
    func ffprobeFindsTheChaptersOfARenderedTrack(_ format: String) async throws {
        let space = try TemporaryLibrary()
        try space.write("a.session", """
            bed noise pink level -30 dB
            chapter Arriving
            pause 0.5s
            chapter "Breath — \\"Atem\\""
            pause 0.75s
            chapter Returning
            pause 0.25s
            end 0:02

            """)
        let result = try await space.run("render", "a.session", "--format", format)
        #expect(result.status == 0, "\(result)")
        #expect(try await FFprobe.chapters(of: space.url("output/a.\(format)")) == [
            ProbedChapter("Arriving", start: 0, end: 500),
            ProbedChapter("Breath — \"Atem\"", start: 500, end: 1250),
            ProbedChapter("Returning", start: 1250, end: format == "opus" ? 2007 : 2000),
        ])
    }

    /// Integrated loudness from `ffmpeg -af ebur128` (installed by scripts/setup.sh).
    private func ffmpegIntegratedLoudness(_ file: URL) async throws -> Double {
        let result = try await ExternalTool.run(
            "ffmpeg", ["-hide_banner", "-nostats", "-i", file.path, "-af", "ebur128", "-f", "null", "-"])
        let summary = try #require(result.stderr.components(separatedBy: "Integrated loudness:").last)
        let line = try #require(summary.split(separator: "\n").first { $0.contains("I:") })
        return try #require(Double(line.split(separator: " ").dropFirst().first ?? ""))
    }
}
