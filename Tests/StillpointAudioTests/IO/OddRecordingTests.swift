import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// A damaged or unusual recording and what a render must make of it (issue 13):
/// either a correct track, measured, or an error at the line that plays the clip
/// in plain words, never libsndfile's own text.
struct OddRecording: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// Rendered: loudness within 0.5 LU of the target (unless `silent`), true
        /// peak at most −1 dBTP, the right length, the clip heard from 1 s.
        case renders(silent: Bool = false)
        /// Refused at the `say` line; the message starts `cannot read `name`: `.
        case refused
    }

    var testDescription: String
    /// The clip's file name in `clips/` (the clip is `welcome`).
    var file: String
    /// Seconds of sound the clip holds, which sets the track's length.
    var seconds: Double
    var outcome: Outcome
    var make: @Sendable (URL) throws -> Void

    /// A 2-second 440 Hz tone made by sox with `options` before the output file
    /// (rate, channels, sample encoding), at `volume` and `wave`.
    static func sox(_ description: String, _ file: String, _ options: [String], wave: String = "sine",
                    volume: String = "0.3", outcome: Outcome = .renders()) -> OddRecording {
        OddRecording(testDescription: description, file: file, seconds: 2, outcome: outcome) { url in
            try OddRecording.tool("sox", ["-n"] + options + [url.path, "synth", "2", wave, "440", "vol", volume])
        }
    }

    static func tool(_ program: String, _ arguments: [String]) throws {
        let result = try ExternalTool.run(program, arguments)
        guard result.status == 0 else { throw ExternalTool.ToolFailure(description: "\(program): \(result)") }
    }

    /// Overwrites `count` bytes from the middle of `url` with a fixed garbage pattern.
    static func damageMiddle(of url: URL, bytes count: Int) throws {
        var bytes = try [UInt8](Data(contentsOf: url))
        let start = bytes.count / 2
        for i in start ..< min(start + count, bytes.count) { bytes[i] = UInt8(truncatingIfNeeded: i &* 131 &+ 7) }
        try Data(bytes).write(to: url)
    }

    static let all: [OddRecording] = [
        OddRecording(testDescription: "FLAC that loses sync", file: "welcome.flac", seconds: 2, outcome: .refused) { url in
            try tool("sox", ["-n", "-r", "48000", "-c", "1", "-b", "16", url.path, "synth", "2", "pinknoise", "vol", "0.3"])
            try damageMiddle(of: url, bytes: 3000)
        },
        // 2,000 bytes: past mpg123's resync limit (1,024), so it stops; a
        // few bytes are skipped with a click (and mpg123's own line on stderr).
        OddRecording(testDescription: "MP3 with garbage in the middle", file: "welcome.mp3", seconds: 2, outcome: .refused) { url in
            try tool("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2:sample_rate=48000",
                                "-af", "volume=0.3", "-c:a", "libmp3lame", "-b:a", "128k", url.path])
            try damageMiddle(of: url, bytes: 2000)
        },
        OddRecording(testDescription: "WAV of 0 frames", file: "welcome.wav", seconds: 0, outcome: .refused) { url in
            try AudioFixtures.writeWAV([], rate: 48000, to: url)
        },
        OddRecording(testDescription: "FLAC of 0 frames", file: "welcome.flac", seconds: 0, outcome: .refused) { url in
            try SoundFileWriter(url: url, format: .flac, rate: 48000, channels: 1).close()
        },
        OddRecording(testDescription: "digital silence", file: "welcome.wav", seconds: 2, outcome: .renders(silent: true)) { url in
            try AudioFixtures.writeWAV(AudioFixtures.silence(frames: 96000), rate: 48000, to: url)
        },
        OddRecording(testDescription: "DC offset", file: "welcome.wav", seconds: 2, outcome: .renders()) { url in
            let tone = AudioFixtures.sine(frequency: 440, amplitude: 0.3, rate: 48000, frames: 96000)
            try AudioFixtures.writeWAV(tone.map { $0 + 0.4 }, rate: 48000, encoding: .float32, to: url)
        },
        sox("full-scale square", "welcome.wav", ["-r", "48000", "-c", "1", "-b", "16"], wave: "square", volume: "1"),
        sox("8-bit", "welcome.wav", ["-r", "48000", "-c", "1", "-b", "8"]),
        sox("32-bit float", "welcome.wav", ["-r", "48000", "-c", "1", "-e", "floating-point", "-b", "32"]),
        sox("6 channels", "welcome.wav", ["-r", "48000", "-c", "6", "-b", "16"]),
        sox("8 kHz", "welcome.wav", ["-r", "8000", "-c", "1", "-b", "16"]),
        sox("192 kHz", "welcome.flac", ["-r", "192000", "-c", "2", "-b", "24"]),
    ]
}

@Suite struct OddRecordingTests {
    /// libsndfile's raw phrases, which must never reach the user.
    static let rawPhrases = ["Error :", "System error", "SF_INFO", "possibly a pipe", "sf_", "internal error", "unknown error"]

    @Test(arguments: OddRecording.all)
    func anOddRecordingRendersOrIsALocatedError(_ odd: OddRecording) throws {
        let library = try TemporaryLibrary("stillpoint-odd")
        try FileManager.default.createDirectory(at: library.url("clips"), withIntermediateDirectories: true)
        try odd.make(library.url("clips/" + odd.file))
        try library.write("s.session", "format: wav\nbits: 32f\npause 1s\nsay welcome\nend +0.5s\n")
        let script = library.url("s.session")
        let loaded = ScriptLoader(inspector: AudioFileCatalogue()).load(script, options: ResolveOptions(verifyAudio: false))
        let out = library.url("s.wav")

        switch odd.outcome {
        case .refused:
            // `check` (which decodes every recording) and a render both say so at line 4.
            let checked = ScriptLoader(inspector: AudioFileCatalogue()).load(script, options: ResolveOptions(verifyAudio: true))
            let errors = (checked.diagnostics + loaded.diagnostics).filter(\.isError)
            var messages = errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" }
            if let timeline = loaded.timeline {
                let error = #expect(throws: RenderError.self) { try Renderer().render(timeline, to: out) }
                messages += error?.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } ?? []
            }
            #expect(!messages.isEmpty)
            for message in messages {
                // `check` names the clip at its name (4:5), a render at its line (4:1).
                #expect(message.hasPrefix("4:") && message.contains(odd.file) && message.contains("cannot read"), "\(message)")
                #expect(!Self.rawPhrases.contains { message.contains($0) }, "\(message)")
            }
            #expect(!library.exists("s.wav"))

        case .renders(let silent):
            let timeline = try #require(loaded.timeline, "\(loaded.diagnostics)")
            let report = try Renderer().render(timeline, to: out)
            let audio = try SoundFileReader(url: out).decode().channels
            #expect(audio.count == 2)
            #expect(audio[0].count == Int((1.5 + odd.seconds) * 48000), "\(audio[0].count) frames")
            #expect(audio.allSatisfy { $0.allSatisfy(\.isFinite) })
            let peak = audio.map { SignalAnalysis.dB(SignalAnalysis.truePeak($0)) }.max() ?? 0
            #expect(report.warnings.allSatisfy { !Self.rawPhrases.contains(where: $0.contains) }, "\(report.warnings)")
            if silent {
                #expect(peak < -90, "a silent take stays silent: \(peak) dBTP")
                return
            }
            #expect(peak <= -1, "\(peak) dBTP")
            let loudness = try #require(try LoudnessMeter.integratedLoudness(planar: audio, rate: 48000))
            #expect(abs(loudness - -18) < 0.5, "\(loudness) LUFS")
            // Placed at 1 s: silence before, the tone's level through it.
            for channel in audio {
                #expect(SignalAnalysis.rmsDB(channel, range: 0 ..< 45600) < -80)
                let inside = SignalAnalysis.rmsDB(channel, range: 48000 + 4800 ..< 48000 + Int(odd.seconds * 48000) - 4800)
                #expect(inside > -40, "\(inside) dB")
                #expect(SignalAnalysis.rmsDB(channel, range: 48000 + Int(odd.seconds * 48000) + 2400 ..< channel.count) < -80)
            }
            let frequency = IOMeasure.frequency(Array(audio[0][60000 ..< 120000]), rate: 48000)
            #expect(abs(frequency - 440) < 2, "\(frequency) Hz")
        }
    }
}
