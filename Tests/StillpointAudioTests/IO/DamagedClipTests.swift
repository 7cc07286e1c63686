import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// Recordings that once made a bad track with a success line (issue 13): NaN or
/// infinite samples, a DC offset, a file cut short, a silent or nearly empty take,
/// a corrupt FLAC that `check` passed, and a loudness target only deep limiting
/// reaches. Each is a real file, read through the real loader and renderer.
@Suite struct DamagedClipTests {
    /// A library folder with `clips/` and a script, loaded with `check`'s options.
    private struct Library {
        let folder: URL

        init() throws {
            folder = try AudioFixtures.temporaryFolder("stillpoint-damaged")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("clips"), withIntermediateDirectories: true)
        }

        func clip(_ name: String) -> URL { folder.appendingPathComponent("clips/" + name) }

        func load(_ script: String, verify: Bool = true) throws -> LoadResult {
            let file = folder.appendingPathComponent("s.session")
            try Data(script.utf8).write(to: file)
            return ScriptLoader(inspector: AudioFileCatalogue()).load(file, options: ResolveOptions(verifyAudio: verify))
        }

        func render(_ script: String) throws -> (report: RenderReport, audio: [[Float]]) {
            let result = try load(script, verify: false)
            let timeline = try #require(result.timeline, "\(result.diagnostics)")
            let out = folder.appendingPathComponent("s.wav")
            let report = try Renderer().render(timeline, to: out)
            return (report, try SoundFileReader(url: out).decode().channels)
        }
    }

    static let tone = AudioFixtures.sine(frequency: 440, amplitude: 0.3, rate: 48000, frames: 96000)

    /// NaN or infinity switched off both normalisation and the true-peak ceiling
    /// (+1.4 dBTP); `check` now names the clip at its line, and a render refuses it there.
    @Test(arguments: [Float.nan, Float.infinity, -Float.infinity])
    func aNonFiniteSampleIsAnErrorAtTheLineThatPlaysIt(_ bad: Float) throws {
        let library = try Library()
        var samples = Self.tone
        samples[1000] = bad
        try AudioFixtures.writeWAV(samples, rate: 48000, encoding: .float32, to: library.clip("welcome.wav"))
        let checked = try library.load("pause 1s\nsay welcome\n")
        #expect(checked.diagnostics.map(\.message) == [
            "cannot read `welcome.wav`: 1 of its samples are not numbers (NaN or infinite), so the file is damaged; export it again"
        ])
        #expect(checked.diagnostics.first.map { [$0.location?.line, $0.location?.column] } == [2, 5])
        let timeline = try #require(try library.load("pause 1s\nsay welcome\n", verify: false).timeline)
        let error = #expect(throws: RenderError.self) {
            try Renderer().render(timeline, to: library.folder.appendingPathComponent("s.wav"))
        }
        guard case .unreadableAudio(_, let location)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(location.line == 2)
    }

    /// A DC offset stayed in the track and the loudness missed its target by 3 LU.
    @Test(arguments: [0.3, -0.5])
    func aDCOffsetIsRemoved(_ offset: Float) throws {
        let library = try Library()
        try AudioFixtures.writeWAV(Self.tone.map { $0 + offset }, rate: 48000, encoding: .float32, to: library.clip("welcome.wav"))
        let (report, audio) = try library.render("format: wav\nbits: 32f\nsay welcome\nend +0.5s\n")
        for channel in audio {
            let mean = channel.reduce(0.0) { $0 + Double($1) } / Double(channel.count)
            #expect(SignalAnalysis.dB(abs(mean)) < -60, "DC \(SignalAnalysis.dB(abs(mean))) dBFS")
        }
        let loudness = try #require(try LoudnessMeter.integratedLoudness(planar: audio, rate: 48000))
        #expect(abs(loudness - -18) < 0.5, "\(loudness) LUFS")
        #expect(audio.allSatisfy { SignalAnalysis.dB(SignalAnalysis.truePeak($0)) <= -1 })
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    /// A WAV or AIFF whose header promises more than the file holds (an interrupted
    /// copy) plays what is there, and the render warns naming the clip, the line and
    /// how much is missing; it once rendered silently short.
    @Test(arguments: ["wav", "aiff"])
    func aFileCutShortPlaysWhatIsThereAndWarns(_ type: String) throws {
        let library = try Library()
        let whole = type == "wav" ? AudioFixtures.wav(Self.tone, rate: 48000, channels: 1) : Self.aiff(Self.tone)
        let headerBytes = type == "wav" ? 44 : 54
        try whole.prefix(headerBytes + 48000).write(to: library.clip("welcome.\(type)"))  // 24,000 of 96,000 frames
        let (report, audio) = try library.render("format: wav\nloudness: off\nvoice-level: off\npause 1s\nsay welcome\nend +0.5s\n")
        let script = library.folder.appendingPathComponent("s.session").path
        #expect(report.warnings == [
            "\(script):5:1: warning: `welcome.\(type)`: the file ends early: its header promises 2.000 s, but only 0.500 s are there (1.500 s missing; an interrupted copy?); what is there is played"
        ])
        // The half second that is there is heard at its level, from 1 s.
        #expect(abs(SignalAnalysis.rmsDB(audio[0], range: 48000 + 2400 ..< 48000 + 21600) - SignalAnalysis.rmsDB(Self.tone)) < 0.5)
        #expect(audio[0].count == 96000)
    }

    /// A nearly empty take (a 1 ms click, then 2 s of zeros) measures as very quiet,
    /// and `voice-level` raised it past full scale: the gain now stops where the
    /// take's loudest sample reaches full scale, with a warning; a silent take is
    /// silence, with a warning; a normal take is levelled as before.
    @Test(arguments: [(48, Float(0.05), true), (0, Float(0), true), (96000, Float(0.3), false)])
    func voiceLevelNeverRaisesATakePastFullScale(sounding: Int, blip: Float, warns: Bool) throws {
        let library = try Library()
        var samples = [Float](repeating: 0, count: 96000)
        for i in 0 ..< sounding { samples[i] = blip * Float(sin(2 * Double.pi * 440 * Double(i) / 48000)) }
        let file = library.clip("welcome.wav")
        try AudioFixtures.writeWAV(samples, rate: 48000, encoding: .float32, to: file)
        let store = ClipStore(rate: 48000, channels: 2, voiceLevel: -20)
        let clip = try store.clip(ClipSource(file: file))
        let peak = clip.channels.map { SignalAnalysis.samplePeak($0) }.max() ?? 0
        #expect(peak <= 1.0001, "peak \(SignalAnalysis.dB(peak)) dBFS")
        #expect(clip.channels.allSatisfy { $0.allSatisfy(\.isFinite) })
        #expect(store.notes(about: file).isEmpty == !warns, "\(store.notes(about: file))")
        if warns, blip > 0 { #expect(peak > 0.98, "raised to full scale, no further") }
    }

    /// A corrupt FLAC passed `check` and failed the render later; `check` now
    /// decodes every recording and reports it at the line that uses it.
    @Test func aCorruptFLACIsFoundByCheck() throws {
        let library = try Library()
        let file = library.clip("welcome.flac")
        let writer = try SoundFileWriter(url: file, format: .flac, rate: 48000, channels: 1)
        let noise = (0 ..< 96000).map { _ in Float.random(in: -0.3 ... 0.3) }
        try noise.withUnsafeBufferPointer { try writer.write($0) }
        try writer.close()
        var bytes = try [UInt8](Data(contentsOf: file))
        for i in bytes.count / 2 ..< bytes.count / 2 + 3000 { bytes[i] = bytes[i] &* 7 &+ 13 }
        try Data(bytes).write(to: file)
        let checked = try library.load("say welcome\n")
        #expect(checked.diagnostics.count == 1, "\(checked.diagnostics)")
        #expect(checked.diagnostics.first?.message.hasPrefix("cannot read `welcome.flac`: ") == true, "\(checked.diagnostics)")
        #expect(checked.diagnostics.first.map { [$0.location?.line, $0.location?.column] } == [1, 5])
        // Without decoding (every other command), the header alone reads well.
        #expect(try library.load("say welcome\n", verify: false).timeline != nil)
    }

    /// A target only deep limiting can reach (10 ms of sound in 3 s of silence)
    /// said nothing: now the render warns with the limiting and the loudness
    /// reached, and the track still stays under the ceiling.
    @Test func anUnreachableLoudnessTargetIsAWarning() throws {
        let library = try Library()
        var samples = [Float](repeating: 0, count: 48000)
        for i in 0 ..< 480 { samples[i] = 0.5 * Float(sin(2 * Double.pi * 440 * Double(i) / 48000)) }
        try AudioFixtures.writeWAV(samples, rate: 48000, encoding: .float32, to: library.clip("click.wav"))
        let (report, audio) = try library.render("format: wav\nbits: 32f\nvoice-level: off\nsay click\nend +2s\n")
        #expect(report.limiting > 6)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.hasPrefix(String(format: "warning: reaching -18.0 LUFS takes %.1f dB of limiting", report.limiting)) == true,
                "\(report.warnings)")
        let peak = audio.map { SignalAnalysis.dB(SignalAnalysis.truePeak($0)) }.max() ?? 0
        #expect(peak <= -1, "\(peak) dBTP")
    }

    /// AIFF (16-bit mono, 48 kHz) by hand: FORM/AIFF, COMM, SSND.
    static func aiff(_ samples: [Float]) -> Data {
        var data = Data()
        func be32(_ v: Int) { data.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) }) }
        func be16(_ v: Int) { data.append(contentsOf: [8, 0].map { UInt8(truncatingIfNeeded: v >> $0) }) }
        let sound = samples.count * 2
        data.append(contentsOf: Array("FORM".utf8)); be32(4 + 26 + 16 + sound)
        data.append(contentsOf: Array("AIFFCOMM".utf8)); be32(18)
        be16(1); be32(samples.count); be16(16)
        data.append(contentsOf: [0x40, 0x0E, 0xBB, 0x80, 0, 0, 0, 0, 0, 0])  // 48000 as an 80-bit float
        data.append(contentsOf: Array("SSND".utf8)); be32(8 + sound); be32(0); be32(0)
        for sample in samples { be16(Int((max(-1, min(1, sample)) * 32767).rounded())) }
        return data
    }
}
