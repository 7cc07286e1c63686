import Foundation
import Testing
import StillpointAudio
import StillpointScript
import StillpointTestSupport

/// The whole render as a listener meets it: levels, peaks, placement, silence,
/// and files that are complete or untouched.
struct RendererTests {
    typealias F = TrackFixture

    /// A speech-like clip: a 1 kHz burst with a click 0.25 s in, to find it by.
    private func clip(in folder: URL) throws -> (URL, Int) {
        let frames = 24000
        var samples = AudioFixtures.sine(frequency: 1000, amplitude: 0.3, rate: F.rate, frames: frames)
        samples[12000] = 0.95
        let url = folder.appendingPathComponent("phrase.wav")
        try AudioFixtures.writeWAV(samples, rate: F.rate, channels: 1, encoding: .float32, to: url)
        return (url, frames)
    }

    @Test(arguments: [-18.0, -23.0, -14.0])
    func meetsLoudnessAndTruePeak(target: Double) throws {
        let folder = try AudioFixtures.temporaryFolder()
        let (phrase, frames) = try clip(in: folder)
        var timeline = F.timeline([
            F.tone(.noise(.pink), kind: .bed, from: 0, to: 8, level: -30, fade: 1),
            F.say(phrase, at: 1, frames: frames), F.say(phrase, at: 4, frames: frames),
        ], length: 8)
        timeline.settings.loudness = target
        let out = folder.appendingPathComponent("track.wav")
        let report = try Renderer().render(timeline, to: out)
        let audio = try F.read(out)
        let measured = try #require(try LoudnessMeter.integratedLoudness(planar: audio, rate: F.rate))
        #expect(abs(measured - target) <= 0.5)
        #expect(abs((report.loudness ?? 0) - measured) < 0.1)
        let meter = try LoudnessMeter(channels: 2, rate: F.rate, truePeak: true)
        try meter.add(planar: audio, range: 0..<audio[0].count)
        for channel in 0..<2 {
            #expect(SignalAnalysis.dB(try meter.truePeak(channel: channel)) <= -1.0)
        }
        #expect(audio[0].count == Int(F.seconds(8)))
    }

    /// The clip's click lands on the exact frame the timeline gives it.
    @Test func placesClipsToTheSample() throws {
        let folder = try AudioFixtures.temporaryFolder()
        let (phrase, frames) = try clip(in: folder)
        let timeline = F.timeline([F.say(phrase, at: 1.2345, frames: frames)], length: 3, loudness: nil)
        let out = folder.appendingPathComponent("track.wav")
        _ = try Renderer().render(timeline, to: out)
        let left = try F.read(out)[0]
        let loudest = left.indices.max { abs(left[$0]) < abs(left[$1]) }
        #expect(loudest == Int(F.seconds(1.2345)) + 12000)
    }

    /// A clip found in the finished track by cross-correlation, under a noise bed,
    /// starts on the exact frame the timeline gives it.
    @Test(arguments: [0.5, 1.2345, 2.00002])
    func clipStartsOnItsFrameByCorrelation(start: Double) throws {
        let folder = try AudioFixtures.temporaryFolder()
        var state: UInt64 = 7
        let burst = (0..<12000).map { _ -> Float in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23) * 0.3
        }
        let url = folder.appendingPathComponent("breath.wav")
        try AudioFixtures.writeWAV(burst, rate: F.rate, channels: 1, encoding: .float32, to: url)
        let timeline = F.timeline([
            F.tone(.noise(.pink), kind: .bed, from: 0, to: 3, level: -30, fade: 0.2),
            F.say(url, at: start, frames: burst.count),
        ], length: 3, loudness: nil)
        let out = folder.appendingPathComponent("track.wav")
        _ = try Renderer().render(timeline, to: out)
        let left = try F.read(out)[0]
        #expect(SignalAnalysis.offset(of: burst, in: left) == Int(F.seconds(start)))
    }

    /// Where the script has silence, the file is silent: not quiet, zero.
    @Test func silenceWhereNothingSounds() throws {
        let folder = try AudioFixtures.temporaryFolder()
        let timeline = F.timeline([F.tone(.sine(frequency: Param(440)), from: 1, to: 2, level: -12)], length: 4, loudness: nil)
        let out = folder.appendingPathComponent("track.wav")
        _ = try Renderer().render(timeline, to: out)
        let left = try F.read(out)[0]
        #expect(SignalAnalysis.samplePeak(left[0..<Int(F.seconds(1))]) == 0)
        #expect(SignalAnalysis.samplePeak(left[Int(F.seconds(2))...]) == 0)
        let tone = Array(left[Int(F.seconds(1.1))..<Int(F.seconds(1.9))])
        #expect(abs(SignalAnalysis.peakDB(tone) - -12) < 0.05)
        #expect(abs((SignalAnalysis.zeroCrossingFrequency(tone, rate: F.rate) ?? 0) - 440) < 0.5)
    }

    private func busyTimeline(in folder: URL) throws -> Timeline {
        let (phrase, frames) = try clip(in: folder)
        return F.timeline([
            F.tone(.noise(.brown), kind: .bed, from: 0, to: 5, level: -28, fade: 0.5),
            F.tone(.binaural(frequency: Param(from: 200, to: 300, over: F.seconds(3)), beat: Param(8)), kind: .bed, from: 0, to: 5, fade: 1),
            F.tone(.bell(frequency: Param(432), decay: 2), kind: .play, from: 0.3, to: 2.3, level: -10),
            F.say(phrase, at: 1.5, frames: frames),
        ], length: 5, duck: -8)
    }

    /// Architecture: block size never changes the result, and a render is the
    /// same every time (16-bit dither included).
    @Test(arguments: [(64, 8192, AudioFormat.wav, SampleDepth.float32), (4096, 4096, .flac, .int16), (100, 4096, .flac, .int16)])
    func sameBytesWhateverTheBlocks(a: Int, b: Int, format: AudioFormat, bits: SampleDepth) throws {
        let folder = try AudioFixtures.temporaryFolder()
        var timeline = try busyTimeline(in: folder)
        timeline.settings.format = format
        timeline.settings.bits = bits
        let first = folder.appendingPathComponent("a.\(format.rawValue)")
        let second = folder.appendingPathComponent("b.\(format.rawValue)")
        _ = try Renderer().render(timeline, to: first, options: RenderOptions(blockSize: a))
        _ = try Renderer().render(timeline, to: second, options: RenderOptions(blockSize: b))
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    /// An excerpt sounds as it does inside the whole track: same gain, same samples.
    @Test func excerptMatchesTheWholeTrack() throws {
        let folder = try AudioFixtures.temporaryFolder()
        let timeline = try busyTimeline(in: folder)
        let whole = folder.appendingPathComponent("whole.wav"), part = folder.appendingPathComponent("part.wav")
        _ = try Renderer().render(timeline, to: whole)
        let range = F.seconds(1)..<F.seconds(3)
        _ = try Renderer().render(timeline, to: part, options: RenderOptions(range: range))
        let full = try F.read(whole)[0], excerpt = try F.read(part)[0]
        #expect(excerpt.count == range.count)
        // The limiter starts afresh at the cut; away from its first moments the
        // samples are those of the whole track.
        let settled = 4800..<excerpt.count
        let difference = settled.map { abs(excerpt[$0] - full[Int(range.lowerBound) + $0]) }.max() ?? 1
        #expect(difference < 1e-4)
    }

    /// Voice ducking: the bed dips by `duck` while a clip plays and comes back
    /// after it; the bed (200 Hz) is measured apart from the clip (1 kHz) by FFT.
    @Test(arguments: [-10.0, -4.0])
    func bedsDipUnderVoice(duck: Double) throws {
        let folder = try AudioFixtures.temporaryFolder()
        let (phrase, frames) = try clip(in: folder)
        let timeline = F.timeline([
            F.tone(.sine(frequency: Param(200)), kind: .bed, from: 0, to: 6, level: -20),
            F.say(phrase, at: 3, frames: frames),
        ], length: 6, channels: 1, loudness: nil, duck: duck)
        let out = folder.appendingPathComponent("track.wav")
        _ = try Renderer().render(timeline, to: out)
        let mono = try F.read(out)[0]
        func bed(_ from: Double, _ to: Double) -> Double {
            let window = Array(mono[Int(F.seconds(from))..<Int(F.seconds(to))])
            return SignalAnalysis.dB(SignalAnalysis.spectrum(window, rate: F.rate).magnitude(near: 200))
        }
        let before = bed(1, 2.5), during = bed(3.0, 3.5), after = bed(4.8, 5.8)
        #expect(abs(during - before - duck) < 0.3)
        #expect(abs(after - before) < 0.1)
        // The ramp down is complete when the clip starts, and began 300 ms before.
        let ramp = SignalAnalysis.rmsDB(mono, range: Int(F.seconds(2.6))..<Int(F.seconds(2.65)))
        #expect(abs(ramp - (-20 - 3.01)) < 0.2)
    }

    /// A looping file bed plays on past the recording's end without a click at
    /// the seam.
    @Test func loopSeamDoesNotClick() throws {
        let folder = try AudioFixtures.temporaryFolder()
        // 0.73 s of 110.3 Hz: the recording ends mid-cycle, which clicks if looped raw.
        let samples = AudioFixtures.sine(frequency: 110.3, amplitude: 0.5, rate: F.rate, frames: 35040)
        let file = folder.appendingPathComponent("ocean.wav")
        try AudioFixtures.writeWAV(samples, rate: F.rate, channels: 1, encoding: .float32, to: file)
        let bed = Event(kind: .bed, start: 0, end: F.seconds(3), location: F.here,
                        source: .generator(.file(file, loop: true)), mix: Mix(level: Param(0), ducks: true))
        let out = folder.appendingPathComponent("track.wav")
        _ = try Renderer().render(F.timeline([bed], length: 3, channels: 1, loudness: nil), to: out)
        let mono = try F.read(out)[0]
        let largestStep = zip(mono.dropFirst(), mono).map { abs($0 - $1) }.max() ?? 1
        // A 110 Hz sine of peak 0.5 moves at most 0.0072 a sample; a raw seam jumps ~0.5.
        #expect(largestStep < 0.01)
        #expect(SignalAnalysis.rmsDB(mono, range: Int(F.seconds(2))..<Int(F.seconds(2.5))) > -10)
    }

    /// A render that fails leaves the earlier track as it was, and no stray files.
    @Test func failureLeavesEarlierOutputIntact() throws {
        let folder = try AudioFixtures.temporaryFolder()
        let out = folder.appendingPathComponent("track.wav")
        try Data("earlier track".utf8).write(to: out)
        let missing = folder.appendingPathComponent("gone.wav")
        let timeline = F.timeline([F.say(missing, at: 0.5, frames: 4800)], length: 2)
        #expect(throws: RenderError.self) { try Renderer().render(timeline, to: out) }
        #expect(try String(contentsOf: out, encoding: .utf8) == "earlier track")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["track.wav"])
    }
}
