import Foundation
import StillpointAudio
import StillpointTestSupport
import Testing

@Suite struct LoudnessMeterTests {
    static let rate = 48000

    @Test(arguments: [(0.0, -3.01), (-20.0, -23.01)])
    func sineMeasuresAsTheStandardSays(peakDB: Double, lufs: Double) throws {
        let tone = AudioFixtures.sine(frequency: 1000, amplitude: pow(10, peakDB / 20), rate: Self.rate, frames: Self.rate * 2)
        let loudness = try LoudnessMeter.integratedLoudness(planar: [tone], rate: Self.rate)
        #expect(abs((loudness ?? 0) - lufs) < 0.1)
    }

    @Test func monoCountedInBothEarsIsThreeDecibelsLouder() throws {
        let tone = AudioFixtures.sine(frequency: 1000, amplitude: 0.1, rate: Self.rate, frames: Self.rate)
        let plain = try LoudnessMeter.integratedLoudness(planar: [tone], rate: Self.rate) ?? 0
        let dual = try LoudnessMeter.integratedLoudness(planar: [tone], rate: Self.rate, dualMono: true) ?? 0
        #expect(abs(dual - plain - 3.01) < 0.05)
    }

    @Test func twoHalvesOnTwoThreadsMergeToTheWhole() async throws {
        // A level step in the middle, so the halves differ and the gate matters.
        let quiet = AudioFixtures.sine(frequency: 500, amplitude: 0.05, rate: Self.rate, frames: Self.rate * 2, channels: 2)
        let loud = AudioFixtures.sine(frequency: 500, amplitude: 0.4, rate: Self.rate, frames: Self.rate * 2, channels: 2)
        let whole = try LoudnessMeter(channels: 2, rate: Self.rate)
        try whole.add(interleaved: quiet + loud)
        let first = try LoudnessMeter(channels: 2, rate: Self.rate)
        let second = try LoudnessMeter(channels: 2, rate: Self.rate)
        let preroll = Array(quiet.suffix(LoudnessMeter.preroll(rate: Self.rate) * 2))
        #expect((quiet.count / 2) % LoudnessMeter.blockStep(rate: Self.rate) == 0)
        async let a: Void = first.add(interleaved: quiet)
        async let b: Void = second.add(interleaved: preroll + loud)
        _ = try await (a, b)
        let merged = try LoudnessMeter.integratedLoudness(of: [first, second])
        let single = try whole.integratedLoudness()
        #expect(abs((merged ?? 0) - (single ?? 1)) < 0.05)
        // Without the pre-roll the blocks across the split are lost and the reading drifts.
        let bare = try LoudnessMeter(channels: 2, rate: Self.rate)
        try bare.add(interleaved: loud)
        let drifted = try LoudnessMeter.integratedLoudness(of: [first, bare])
        #expect(abs((drifted ?? 0) - (single ?? 1)) > 0.1)
    }

    @Test func truePeakOfASineBetweenSamples() throws {
        // fs/4 with a 45° phase: samples land at ±0.707 of the true crest.
        let frames = Self.rate
        let samples = (0 ..< frames).map { Float(0.5 * sin(Double.pi / 2 * Double($0) + Double.pi / 4)) }
        let meter = try LoudnessMeter(channels: 1, rate: Self.rate, truePeak: true)
        try meter.add(interleaved: samples)
        #expect(abs(IOMeasure.peak(samples) - 0.3536) < 0.001)
        #expect(abs(try meter.truePeak(channel: 0) - 0.5) < 0.01)
    }

    @Test(arguments: [
        ("too short", AudioFixtures.sine(frequency: 1000, rate: 48000, frames: 4800)),
        ("silence", AudioFixtures.silence(frames: 48000)),
        ("below the gate", AudioFixtures.sine(frequency: 1000, amplitude: 0.0001, rate: 48000, frames: 48000)),
    ])
    func unmeasurableIsNilAndGainZero(_ label: String, _ samples: [Float]) throws {
        let loudness = try LoudnessMeter.integratedLoudness(planar: [samples], rate: 48000)
        #expect(loudness == nil)
        #expect(LoudnessMeter.gain(from: loudness, to: -20) == 0)
        #expect(LoudnessMeter.gain(from: -26, to: -20) == 6)
    }

    @Test func truePeakWithoutTheModeIsAnError() throws {
        let meter = try LoudnessMeter(channels: 1, rate: 48000)
        #expect(throws: AudioProcessingError.self) { try meter.truePeak(channel: 0) }
        #expect(throws: AudioProcessingError.self) { try LoudnessMeter(channels: 0, rate: 48000) }
    }
}
