import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

@Suite struct ResamplerTests {
    struct Conversion: Sendable, CustomTestStringConvertible {
        var from: Int, to: Int
        var testDescription: String { "\(from) → \(to)" }
    }

    @Test(arguments: [Conversion(from: 22050, to: 48000), .init(from: 48000, to: 44100), .init(from: 44100, to: 48000)])
    func toneKeepsFrequencyLevelAndLength(_ conversion: Conversion) throws {
        let inFrames = conversion.from / 2
        let tone = AudioFixtures.sine(frequency: 1000, amplitude: 0.5, rate: conversion.from, frames: inFrames)
        let outFrames = Int(frames(Int64(inFrames), from: conversion.from, to: conversion.to))
        let output = try Resampler.resample(
            planar: [tone, tone.map { -$0 }], from: conversion.from, to: conversion.to, frames: outFrames)
        #expect(output.count == 2)
        #expect(output.allSatisfy { $0.count == outFrames })
        let middle = IOMeasure.middle(output[0])
        #expect(abs(IOMeasure.frequency(middle, rate: conversion.to) - 1000) < 0.5)
        #expect(abs(IOMeasure.rmsDB(middle) - IOMeasure.rmsDB(IOMeasure.middle(tone))) < 0.1)
        #expect(abs(IOMeasure.rmsDB(IOMeasure.middle(output[1])) - IOMeasure.rmsDB(middle)) < 0.01)
        // No delay: the first upward zero crossing stays at the start (within a sample).
        let firstCrossing = (1 ..< 100).first { output[0][$0 - 1] <= 0 && output[0][$0] > 0 } ?? 0
        #expect(abs(firstCrossing - conversion.to / 1000) <= 1)
    }

    @Test(arguments: [-3, 0, 5])
    func outputLengthIsExactlyWhatIsAsked(_ extra: Int) throws {
        let tone = AudioFixtures.sine(frequency: 440, rate: 44100, frames: 4410, channels: 2)
        let wanted = 4800 + extra
        let output = try Resampler.resample(interleaved: tone, channels: 2, from: 44100, to: 48000, frames: wanted)
        #expect(output.count == wanted * 2)
    }

    @Test func sameRatePadsOrCuts() throws {
        let input: [Float] = [1, 2, 3]
        #expect(try Resampler.resample(interleaved: input, channels: 1, from: 48000, to: 48000, frames: 5) == [1, 2, 3, 0, 0])
        #expect(try Resampler.resample(interleaved: input, channels: 1, from: 48000, to: 48000, frames: 2) == [1, 2])
    }
}
