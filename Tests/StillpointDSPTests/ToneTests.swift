import Foundation
import StillpointDSP
import StillpointTestSupport
import Testing

@Test(arguments: [55.0, 440, 1000, 7500])
func aSineHasItsFrequencyAndAPeakOfZeroDB(hertz: Double) throws {
    let out = render(voice(.sine(frequency: Glide(hertz))), frames: 48000).left
    let measured = try #require(SignalAnalysis.zeroCrossingFrequency(out, rate: 48000))
    #expect(abs(measured - hertz) < 0.001 * hertz)
    #expect(abs(SignalAnalysis.peakDB(out)) < 0.01)
    #expect(abs(SignalAnalysis.rmsDB(out) + 3.01) < 0.01)
}

@Test func binauralPutsHalfTheBeatBelowAndAboveTheCarrierInEachEar() throws {
    let out = render(voice(.binaural(frequency: Glide(200), beat: Glide(6))), frames: 48000)
    let left = try #require(SignalAnalysis.zeroCrossingFrequency(out.left, rate: 48000))
    let right = try #require(SignalAnalysis.zeroCrossingFrequency(out.right, rate: 48000))
    #expect(abs(left - 197) < 0.01)
    #expect(abs(right - 203) < 0.01)
    #expect(abs(SignalAnalysis.peakDB(out.left)) < 0.01)
    #expect(abs(SignalAnalysis.peakDB(out.right)) < 0.01)
}

@Test func aFrequencyGlideIsExponentialContinuousAndHoldsItsEnd() throws {
    let rate = 48000
    let out = render(voice(.sine(frequency: Glide(from: 200, to: 800, over: 48000))), frames: 72000).left
    // Halfway through the glide the pitch is one octave up (400 Hz), not 500 Hz.
    let middle = try #require(SignalAnalysis.zeroCrossingFrequency(out, rate: rate, range: 23400..<24600))
    #expect(abs(middle - 400) < 4)
    let end = try #require(SignalAnalysis.zeroCrossingFrequency(out, rate: rate, range: 48000..<72000))
    #expect(abs(end - 800) < 0.01)
    // No sample moves further than the fastest the sine itself can (2π·800/48000).
    #expect(largestStep(out) <= Float(2 * Double.pi * 800 / Double(rate)) * 1.001)
}

@Test func aBeatGlideEndsAtItsFinalBeat() throws {
    let out = render(voice(.binaural(frequency: Glide(300), beat: Glide(from: 10, to: 4, over: 24000))), frames: 72000)
    let left = try #require(SignalAnalysis.zeroCrossingFrequency(out.left, rate: 48000, range: 24000..<72000))
    let right = try #require(SignalAnalysis.zeroCrossingFrequency(out.right, rate: 48000, range: 24000..<72000))
    #expect(abs(right - left - 4) < 0.02)
    #expect(largestStep(out.left) <= Float(2 * Double.pi * 305 / 48000) * 1.001)
}

@Test func isochronicPulsesAtItsRateWithSmoothEdges() throws {
    let rate = 48000
    let out = render(voice(.isochronic(frequency: Glide(1000), pulse: Glide(10))), frames: 2 * rate).left
    // Envelope: the largest |x| over each millisecond (one tone period).
    let envelope = stride(from: 0, to: out.count, by: 48).map { start in
        out[start..<min(start + 48, out.count)].reduce(Float(0)) { max($0, abs($1)) }
    }
    let onsets = SignalAnalysis.risingCrossings(envelope, level: 0.5)
    #expect(onsets.count == 20)
    let period = (onsets.last! - onsets.first!) / Double(onsets.count - 1) / 1000
    #expect(abs(1 / period - 10) < 0.05)
    // Pulses reach the tone's full peak and fall silent between.
    #expect(abs(SignalAnalysis.peakDB(out)) < 0.01)
    #expect(SignalAnalysis.peakDB(out, range: 3000..<4200) < -120)
    // No click: no step larger than the 1 kHz tone's own.
    #expect(largestStep(out) <= Float(2 * Double.pi * 1000 / Double(rate)) * 1.001)
}

@Test func aBellHasItsPartialsItsPeakAndItsDecay() throws {
    let rate = 48000
    let decay = 2.0
    let out = render(voice(.bell(frequency: Glide(432), decay: decay)), frames: Int(2.2 * Double(rate))).left
    #expect(abs(SignalAnalysis.peakDB(out)) < 0.001)
    let spectrum = SignalAnalysis.spectrum(Array(out[0..<32768]), rate: rate)
    for (partial, relative) in [(432.0, 1.0), (1192.32, 0.5), (2332.8, 0.25)] {
        let measured = spectrum.dominantFrequency(in: (partial - 30)...(partial + 30))
        #expect(abs(measured - partial) < 1, "partial \(partial)")
        let ratio = spectrum.magnitude(near: partial) / spectrum.magnitude(near: 432)
        #expect(abs(SignalAnalysis.dB(ratio / relative)) < 0.5, "partial \(partial) amplitude")
    }
    // The level falls in a straight line in dB that reaches −60 dB at `decay`
    // (±5%): measured from the RMS of 50-ms windows at 0.5 s and 1.5 s.
    let window = rate / 20
    let at = { (seconds: Double) in
        SignalAnalysis.rmsDB(out, range: Int(seconds * Double(rate)) - window / 2..<Int(seconds * Double(rate)) + window / 2)
    }
    let slope = (at(1.5) - at(0.5)) / 1.0
    #expect(abs(-60 / slope - decay) < 0.05 * decay)
    #expect(out[Int(decay * Double(rate))...].allSatisfy { $0 == 0 })
}

@Test func aBellLeavesOutPartialsAboveHalfTheRate() throws {
    let rate = 22050
    let out = render(voice(.bell(frequency: Glide(3000), decay: 1), rate: rate), frames: 16384).left
    let spectrum = SignalAnalysis.spectrum(out, rate: rate)
    #expect(abs(spectrum.dominantFrequency() - 3000) < 2)
    // 2.76 × 3000 = 8280 Hz stays; 5.40 × 3000 = 16200 Hz would alias to 5850 Hz.
    let fundamental = spectrum.magnitude(near: 3000)
    #expect(abs(SignalAnalysis.dB(spectrum.magnitude(near: 8280) / fundamental / 0.5)) < 0.5)
    #expect(spectrum.magnitude(near: 5850) < 1e-4 * fundamental)
    #expect(abs(SignalAnalysis.peakDB(out)) < 0.001)
}

@Test func aDroneHoldsItsFifthAndOctaveAndSwellsSlowly() {
    let rate = 8000
    let out = render(voice(.drone(frequency: Glide(110)), rate: rate), frames: 12 * rate).left
    let spectrum = SignalAnalysis.averagedSpectrum(out, rate: rate, segment: 8192)
    for partial in [110.0, 165, 220] {
        #expect(abs(spectrum.dominantFrequency(in: (partial - 20)...(partial + 20)) - partial) < 0.5)
        #expect(spectrum.magnitude(near: partial) > 0.1 * spectrum.magnitude(near: 110))
    }
    #expect(spectrum.magnitude(near: 330) < 1e-3 * spectrum.magnitude(near: 110))
    let peak = SignalAnalysis.peakDB(out)
    #expect(peak <= 0.001 && peak > -0.5)
    // The swell: the 165 Hz partial's level over 1-s windows moves by several dB
    // and comes back after about ten seconds.
    let fifth = (0..<12).map { second in
        SignalAnalysis.spectrum(Array(out[(second * rate)..<(second * rate + 4096)]), rate: rate).magnitude(near: 165)
    }
    let swing = SignalAnalysis.dB(fifth.max()! / fifth.min()!)
    #expect(swing > 3 && swing < 12)
    #expect(abs(SignalAnalysis.dB(fifth[10] / fifth[0])) < 1)
}

@Test func breathingSwellsRisesHoldsFallsAndRests() throws {
    let rate = 16000
    let pattern = BreathCycle(inhale: 16000, holdIn: 8000, exhale: 24000, holdOut: 8000, times: 2)
    let out = render(voice(.breathe(pattern), rate: rate), frames: 2 * 56000 + 4000).left
    // Peak 0 dB, reached in the hold after the in-breath.
    #expect(abs(SignalAnalysis.peakDB(out)) < 0.01)
    #expect(abs(SignalAnalysis.peakDB(out, range: 16000..<24000)) < 0.01)
    // Pitch: low at the start of the in-breath, three semitones up in the hold.
    let early = try #require(SignalAnalysis.zeroCrossingFrequency(out, rate: rate, range: 1000..<4000))
    let held = try #require(SignalAnalysis.zeroCrossingFrequency(out, rate: rate, range: 16000..<24000))
    #expect(abs(early - 220) < 3)
    #expect(abs(held - 220 * pow(2, 3.0 / 12)) < 0.5)
    // Fades through the out-breath, silent through the hold-out and after the last cycle.
    #expect(SignalAnalysis.rmsDB(out, range: 44000..<48000) < SignalAnalysis.rmsDB(out, range: 24000..<28000) - 20)
    #expect(out[48000..<56000].allSatisfy { $0 == 0 })
    #expect(out[112_000...].allSatisfy { $0 == 0 })
    #expect(SignalAnalysis.peakDB(out, range: 56000..<112_000) > -0.01)
    #expect(largestStep(out) <= Float(2 * Double.pi * 2 * 262 / Double(rate)))
}
