import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// One output encoding and what reading it back must give.
struct EncodingCase: CustomTestStringConvertible, Sendable {
    var format: AudioFormat
    var depth: SampleDepth
    /// Frames the decoder may add or drop (codec delay/padding); 0 for PCM and FLAC.
    var frameTolerance: Int
    /// dB the level may move.
    var levelTolerance: Double
    var testDescription: String { "\(format.rawValue) \(depth.rawValue)" }

    static let all: [EncodingCase] = [
        .init(format: .wav, depth: .int16, frameTolerance: 0, levelTolerance: 0.01),
        .init(format: .wav, depth: .int24, frameTolerance: 0, levelTolerance: 0.01),
        .init(format: .wav, depth: .float32, frameTolerance: 0, levelTolerance: 0.001),
        .init(format: .flac, depth: .int16, frameTolerance: 0, levelTolerance: 0.01),
        .init(format: .flac, depth: .int24, frameTolerance: 0, levelTolerance: 0.01),
        .init(format: .ogg, depth: .int16, frameTolerance: 2048, levelTolerance: 0.5),
        .init(format: .opus, depth: .int16, frameTolerance: 2048, levelTolerance: 0.5),
        .init(format: .mp3, depth: .int16, frameTolerance: 2400, levelTolerance: 0.5),
    ]
}

@Suite struct SoundFileRoundTripTests {
    static let tags = Tags(
        title: "Settle — Ünïcode", artist: "A. Teacher", album: "Evening", comment: "for rest", genre: "Meditation",
        date: "2026")

    @Test(arguments: EncodingCase.all)
    func toneSurvivesEncoding(_ encoding: EncodingCase) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("tone.\(encoding.format.fileExtension)")
        let rate = 48000, frames = 36000
        let writer = try SoundFileWriter(
            url: url, format: encoding.format, depth: encoding.depth, quality: 0.7, rate: rate, channels: 2,
            tags: Self.tags)
        let tone = AudioFixtures.sine(frequency: 1000, amplitude: 0.5, rate: rate, frames: frames, channels: 2)
        // Written in uneven blocks, as a renderer would.
        try writer.write(Array(tone[0 ..< 2 * 1000]))
        try writer.write(Array(tone[(2 * 1000)...]))
        try writer.close()
        // As the renderer does: completes the tags where libsndfile cannot (MP3 text is Latin-1 there).
        try ChapterWriter.write(chapters: [], tags: Self.tags, to: url, format: encoding.format)

        let reader = try SoundFileReader(url: url)
        #expect(reader.info.rate == rate)
        #expect(reader.info.channels == 2)
        let samples = try reader.readAll()
        let decoded = samples.count / 2
        #expect(abs(decoded - frames) <= encoding.frameTolerance, "decoded \(decoded) frames")
        #expect(abs(Int(reader.info.frames) - frames) <= encoding.frameTolerance)
        for channel in 0 ..< 2 {
            let middle = IOMeasure.middle(IOMeasure.channel(samples, channel, of: 2))
            #expect(abs(IOMeasure.frequency(middle, rate: rate) - 1000) < 1)
            let expected = 20 * log10(0.5 / 2.0.squareRoot())
            #expect(abs(IOMeasure.rmsDB(middle) - expected) < encoding.levelTolerance)
        }
        #expect(reader.tags == Self.tags)
    }

    @Test(arguments: [AudioFormat.ogg, .opus, .mp3])
    func higherQualitySpendsMoreBytes(_ format: AudioFormat) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Deterministic noise: hard to encode, so the bit budget shows.
        var state: UInt32 = 12345
        let noise = (0 ..< 48000 * 2).map { _ -> Float in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(Int32(bitPattern: state)) / Float(Int32.max) * 0.3
        }
        func size(_ quality: Double) throws -> Int {
            let url = folder.appendingPathComponent("q\(quality).\(format.fileExtension)")
            let writer = try SoundFileWriter(url: url, format: format, quality: quality, rate: 48000, channels: 2)
            try writer.write(noise)
            try writer.close()
            return try Data(contentsOf: url).count
        }
        let low = try size(0.1), high = try size(0.9)
        #expect(Double(high) > Double(low) * 1.5, "\(low) → \(high) bytes")
    }

    /// At the default quality Opus stays near 64 kbit/s a channel (noise is the
    /// hardest case, so the encoder spends its whole budget on it).
    @Test func opusDefaultQualityKeepsAModestBitRate() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state: UInt32 = 99
        let noise = (0 ..< 48000 * 2 * 4).map { _ -> Float in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Float(Int32(bitPattern: state)) / Float(Int32.max) * 0.3
        }
        let url = folder.appendingPathComponent("default.opus")
        let writer = try SoundFileWriter(url: url, format: .opus, rate: 48000, channels: 2)
        try writer.write(noise)
        try writer.close()
        let kbps = Double(try Data(contentsOf: url).count) * 8 / 4 / 1000
        #expect((100...180).contains(kbps), "\(kbps) kbit/s")
    }

    @Test func opusRefusesUnsupportedRate() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("x.opus")
        let error = #expect(throws: AudioFileError.self) {
            _ = try SoundFileWriter(url: url, format: .opus, rate: 44100, channels: 2)
        }
        #expect(error?.description.contains("44100 Hz") == true)
        #expect(error?.description.contains(url.path) == true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test(arguments: [SampleDepth.int16, .int24])
    func overshootClipsInsteadOfWrapping(_ depth: SampleDepth) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("loud.wav")
        let writer = try SoundFileWriter(url: url, format: .wav, depth: depth, rate: 48000, channels: 1)
        try writer.write(AudioFixtures.sine(frequency: 100, amplitude: 1.5, rate: 48000, frames: 4800))
        try writer.close()
        let samples = try SoundFileReader(url: url).readAll()
        // Wrapping would turn the top of each cycle negative; clipping holds it at full scale.
        let tops = stride(from: 120, to: 4800, by: 480).map { samples[$0] }
        #expect(tops.allSatisfy { $0 > 0.99 })
    }

    @Test func sixteenBitDitherIsDeterministicAndOneLSB() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func render(_ name: String, seed: UInt64) throws -> (Data, [Float]) {
            let url = folder.appendingPathComponent(name)
            let writer = try SoundFileWriter(url: url, format: .wav, depth: .int16, rate: 48000, channels: 1, ditherSeed: seed)
            try writer.write(AudioFixtures.silence(frames: 4800))
            try writer.close()
            return (try Data(contentsOf: url), try SoundFileReader(url: url).readAll())
        }
        let (a, samples) = try render("a.wav", seed: 7)
        let (b, _) = try render("b.wav", seed: 7)
        let (c, _) = try render("c.wav", seed: 8)
        #expect(a == b)
        #expect(a != c)
        let lsb: Float = 1 / 32768
        #expect(IOMeasure.peak(samples) <= lsb * 1.01)
        #expect(samples.contains { $0 != 0 })
    }

    @Test func flacRefusesFloat() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: AudioFileError.self) {
            _ = try SoundFileWriter(url: folder.appendingPathComponent("x.flac"), format: .flac, depth: .float32, rate: 48000, channels: 2)
        }
    }

    @Test func seekReadsFromTheFrame() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ramp.wav")
        let ramp = (0 ..< 1000).map { Float($0) / 1000 }
        try AudioFixtures.writeWAV(ramp, rate: 8000, encoding: .float32, to: url)
        let reader = try SoundFileReader(url: url)
        try reader.seek(to: 600)
        let rest = try reader.readAll()
        #expect(rest.count == 400)
        #expect(rest.first == ramp[600])
        #expect(throws: AudioFileError.self) { try reader.seek(to: 5000) }
    }
}
