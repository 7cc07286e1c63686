import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

@Suite struct ClipStoreTests {
    static let sourceRate = 44100

    /// 0.5 s silence, 1 s of 300 Hz at 0.3, 0.7 s silence, mono, at 44.1 kHz.
    static func paddedClip(in folder: URL, name: String = "clip.wav", channels: Int = 1) throws -> URL {
        let rate = sourceRate
        let samples = AudioFixtures.silence(frames: rate / 2, channels: channels)
            + AudioFixtures.sine(frequency: 300, amplitude: 0.3, rate: rate, frames: rate, channels: channels)
            + AudioFixtures.silence(frames: rate * 7 / 10, channels: channels)
        let url = folder.appendingPathComponent(name)
        try AudioFixtures.writeWAV(samples, rate: rate, channels: channels, encoding: .float32, to: url)
        return url
    }

    @Test func catalogueReadsHeaderAndAudibleRange() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.paddedClip(in: folder)
        let catalogue = AudioFileCatalogue()
        #expect(try catalogue.info(of: url) == AudioFileInfo(frames: 97020, rate: 44100, channels: 1))
        let audible = try catalogue.audibleRange(of: url, within: 0 ..< 97020)
        // The sine starts at 0 and first reaches −50 dBFS within a sample or two.
        #expect(abs(audible.lowerBound - 22050) <= 2)
        #expect(abs(audible.upperBound - 66150) <= 2)
        let inner = try catalogue.audibleRange(of: url, within: 30000 ..< 40000)
        #expect(inner.lowerBound >= 30000 && inner.upperBound <= 40000 && inner.count >= 9990)
        #expect(try catalogue.audibleRange(of: url, within: 70000 ..< 80000).isEmpty)
    }

    @Test func trimCutsTheSilenceToTheFrame() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.paddedClip(in: folder)
        let store = ClipStore(rate: 48000, channels: 2, voiceLevel: nil)
        let clip = try store.clip(ClipSource(file: url, trim: true))
        let audible = try AudioFileCatalogue().audibleRange(of: url, within: 0 ..< 97020)
        #expect(clip.frames == Int(frames(Int64(audible.count), from: 44100, to: 48000)))
        #expect(abs(clip.frames - 48000) < 10)  // ≈ 1 s, within a few ms
        #expect(clip.channelCount == 1)
        // Sound from (almost) the first frame to the last.
        #expect(IOMeasure.peak(Array(clip.channels[0].prefix(48))) > 0.05)
        #expect(IOMeasure.peak(Array(clip.channels[0].suffix(48))) > 0.05)
        #expect(abs(IOMeasure.frequency(clip.channels[0], rate: 48000) - 300) < 0.5)
    }

    @Test func fromAndToCutAtTheRightSample() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Centred on the cut (0.25 s to 0.5 s), so its mean is far below the DC
        // the store removes (−50 dBFS) and every sample arrives as it was.
        let ramp = (0 ..< 8000).map { Float($0 - 3000) / 8000 }
        let url = folder.appendingPathComponent("ramp.wav")
        try AudioFixtures.writeWAV(ramp, rate: 8000, encoding: .float32, to: url)
        let store = ClipStore(rate: 8000, channels: 1, voiceLevel: nil)
        let clip = try store.clip(ClipSource(file: url, from: 0.25, to: 0.5))
        #expect(clip.frames == 2000)
        #expect(clip.channels[0].first == ramp[2000])
        #expect(clip.channels[0].last == ramp[3999])
        // `to` past the end is clamped to the recording.
        #expect(try store.clip(ClipSource(file: url, from: 0.75, to: 9)).frames == 2000)
    }

    @Test(arguments: [-20.0, -16.0, -30.0])
    func voiceLevelReachesTheTarget(_ target: Double) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.paddedClip(in: folder)
        let store = ClipStore(rate: 48000, channels: 2, voiceLevel: target)
        let clip = try store.clip(ClipSource(file: url))
        let measured = try LoudnessMeter.integratedLoudness(planar: clip.channels, rate: 48000, dualMono: true)
        #expect(abs((measured ?? 0) - target) < 0.5)
        #expect(clip.frames == Int(frames(97020, from: 44100, to: 48000)))
    }

    @Test func unmeasurableClipIsLeftAtZeroDecibels() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("short.wav")
        let blip = AudioFixtures.sine(frequency: 500, amplitude: 0.25, rate: 48000, frames: 4800)
        try AudioFixtures.writeWAV(blip, rate: 48000, encoding: .float32, to: url)
        let clip = try ClipStore(rate: 48000, channels: 2, voiceLevel: -20).clip(ClipSource(file: url))
        #expect(clip.channels[0] == blip)
    }

    @Test func repeatsDecodeOnceEvenFromManyThreads() async throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.paddedClip(in: folder)
        let store = ClipStore(rate: 48000, channels: 2, voiceLevel: -20)
        let source = ClipSource(file: url, trim: true)
        let results = try await withThrowingTaskGroup(of: DecodedAudio.self) { group in
            for _ in 0 ..< 4 { group.addTask { try store.clip(source) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(store.decodeCount == 1)
        #expect(results.allSatisfy { $0 == results[0] })
        _ = try store.clip(ClipSource(file: url, trim: false))
        #expect(store.decodeCount == 2)
    }

    @Test(arguments: [1, 2, 6])
    func channelsStayMonoOrStereo(_ channels: Int) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.paddedClip(in: folder, channels: channels)
        let sound = try ClipStore(rate: 44100, channels: 2, voiceLevel: nil).sound(url)
        #expect(sound.channelCount == min(channels, 2))
        #expect(sound.frames == 97020)
        let expected: Float = channels == 6 ? 0.3 * (1 + 2 * 0.7071) : 0.3
        #expect(abs(IOMeasure.peak(sound.channels[0]) - expected) < 0.01)
    }
}
