import Foundation
@testable import StillpointAudio
import StillpointDSP
import StillpointScript
import StillpointTestSupport
import Testing

/// Where pass 2's synthesis thread spends its time on a B60-like hour: the mixer,
/// the loudness gain and limiter, the interleave and the loudness meter, each timed
/// on the thread's own CPU clock (other work on the machine does not count). Run
/// with `STILLPOINT_BENCH=1 swift test -c release --no-parallel --filter MixBenchmarks`.
/// With `STILLPOINT_BENCH_SESSION=/path/b60.session` (from `bench/run.sh --session
/// 60`) it also times whole renders of that script, FLAC 16-bit and WAV 24-bit.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STILLPOINT_BENCH"] == "1"))
struct MixBenchmarks {
    typealias F = TrackFixture
    static let block = 4096

    /// B60's layers: pink bed at −34 dBFS RMS, binaural 200 Hz beat 6 Hz at −30 dB,
    /// a bell every 360 s, and 120 speech-like 2.5-s clips (peak −1 dBFS) every 30 s.
    static func timeline(minutes: Int) throws -> Timeline {
        let folder = try AudioFixtures.temporaryFolder("mixbench")
        let clip = folder.appendingPathComponent("clip.wav")
        let frames = 120_000
        let syllables = (0..<frames).map { i -> Float in
            let t = Double(i) / Double(F.rate)
            let envelope = max(0, sin(Double.pi * 4 * t))
            return Float(0.89 * envelope * (0.6 * sin(2 * .pi * 180 * t) + 0.4 * sin(2 * .pi * 540 * t)))
        }
        try AudioFixtures.writeWAV(syllables, rate: F.rate, channels: 1, encoding: .float32, to: clip)
        let length = Double(minutes * 60)
        var events = [
            F.tone(.noise(.pink), kind: .bed, from: 0, to: length, level: -30.99, fade: 10),
            F.tone(.binaural(frequency: Param(200), beat: Param(6)), kind: .bed, from: 0, to: length, level: -30, fade: 20),
        ]
        for start in stride(from: 0.0, to: length, by: 360) {
            events.append(F.tone(.bell(frequency: Param(432), decay: 8), kind: .play, from: start, to: start + 8, level: -12))
        }
        for start in stride(from: 2.0, to: length - 3, by: 30) {
            events.append(F.say(clip, at: start, frames: frames))
        }
        return F.timeline(events, length: length, format: .flac, bits: .int16)
    }

    @Test func sixtyMinutesOfB60Synthesis() throws {
        let timeline = try Self.timeline(minutes: 60)
        let settings = timeline.settings
        let voices = try VoiceFactory(
            timeline: timeline, clips: ClipStore(rate: F.rate, channels: 2, voiceLevel: nil),
            drafts: DraftVoices(rate: F.rate, channels: 2, voiceLevel: nil))
        let mixer = Mixer(timeline: timeline, voices: voices)
        let limiter = TruePeakLimiter(ceiling: settings.peak, rate: F.rate, channels: 2)
        var meter = ChunkMeter(channels: 2, rate: F.rate)
        var profile = LoudnessProfile(rate: F.rate)
        let gain = Float(pow(10, 7.0 / 20))
        var left = [Float](repeating: 0, count: Self.block), right = left
        var interleaved = [Float](repeating: 0, count: 2 * Self.block)
        var times = (mix: 0.0, limit: 0.0, interleave: 0.0, meter: 0.0)
        var frame: Int64 = 0
        var clock = ThreadClock.seconds()
        func lap(_ stage: inout Double) {
            let now = ThreadClock.seconds()
            stage += now - clock
            clock = now
        }
        while frame < timeline.length {
            let n = Int(min(Int64(Self.block), timeline.length - frame))
            try mixer.render(count: n, left: &left, right: &right)
            lap(&times.mix)
            for i in 0..<n {
                left[i] *= gain
                right[i] *= gain
            }
            let limited = limiter.process(left: &left, right: &right, count: n)
            lap(&times.limit)
            for i in 0..<limited {
                interleaved[2 * i] = left[i]
                interleaved[2 * i + 1] = right[i]
            }
            lap(&times.interleave)
            left.withUnsafeBufferPointer { l in
                right.withUnsafeBufferPointer { r in meter.add([l.baseAddress!, r.baseAddress!], count: limited, to: &profile) }
            }
            lap(&times.meter)
            frame += Int64(n)
        }
        let total = times.mix + times.limit + times.interleave + times.meter
        func figure(_ name: String, _ seconds: Double) {
            print("BENCH B60 \(name): \(String(format: "%.3f", seconds)) s")
        }
        figure("mixer", times.mix)
        figure("gain + limiter", times.limit)
        figure("interleave", times.interleave)
        figure("loudness meter", times.meter)
        figure("mixer + limiter", times.mix + times.limit)
        figure("total", total)
        print("BENCH B60 limited by \(String(format: "%.2f", -20 * log10(Double(limiter.smallestGain)))) dB")
        #expect(limiter.smallestGain < 0.7, "the clips need limiting, as B60's voice does")
        #expect(total < 60)
    }

    @Test(arguments: [(AudioFormat.flac, SampleDepth.int16), (.wav, .int24)])
    func wholeRenderOfASession(format: AudioFormat, bits: SampleDepth) throws {
        guard let path = ProcessInfo.processInfo.environment["STILLPOINT_BENCH_SESSION"] else { return }
        let script = URL(fileURLWithPath: path)
        let loaded = ScriptLoader(inspector: AudioFileCatalogue()).load(script, options: ResolveOptions(format: format))
        var timeline = try #require(loaded.timeline, "\(loaded.diagnostics)")
        timeline.settings.bits = bits
        let out = try AudioFixtures.temporaryFolder("renderbench").appendingPathComponent("b60.\(format.rawValue)")
        let settings = timeline.settings
        let voices = try VoiceFactory(
            timeline: timeline, clips: ClipStore(rate: settings.rate, channels: settings.channels, voiceLevel: settings.voiceLevel),
            drafts: DraftVoices(rate: settings.rate, channels: settings.channels, voiceLevel: settings.voiceLevel))
        let passStart = DispatchTime.now().uptimeNanoseconds
        _ = try LoudnessPass(timeline: timeline, voices: voices).measure()
        let pass1 = Double(DispatchTime.now().uptimeNanoseconds - passStart) / 1e9
        print("BENCH render pass 1 alone: \(String(format: "%.2f", pass1)) s wall")
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try Renderer().render(timeline, to: out)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("BENCH render \(format.rawValue) \(bits.rawValue): \(String(format: "%.2f", wall)) s wall for "
            + "\(String(format: "%.0f", report.seconds)) s (\(String(format: "%.0f", report.seconds / wall))x real time), "
            + "\(String(format: "%.2f", report.loudness ?? .nan)) LUFS, limited \(String(format: "%.1f", report.limiting)) dB")
        try? FileManager.default.removeItem(at: out)
    }
}
