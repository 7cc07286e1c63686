import StillpointDSP
import StillpointTestSupport
import Testing

/// Every generator, with glides where it has a frequency, for the properties that
/// must hold for all of them.
let everyVoice: [(String, SynthVoice)] = [
    ("sine", voice(.sine(frequency: Glide(440)))),
    ("sine glide", voice(.sine(frequency: Glide(from: 200, to: 400, over: 9000)))),
    ("binaural", voice(.binaural(frequency: Glide(200), beat: Glide(from: 10, to: 6, over: 12000)))),
    ("isochronic", voice(.isochronic(frequency: Glide(300), pulse: Glide(from: 8, to: 12, over: 10000)))),
    ("noise white", voice(.noise(.white))),
    ("noise pink", voice(.noise(.pink))),
    ("noise brown", voice(.noise(.brown))),
    ("bell", voice(.bell(frequency: Glide(432), decay: 0.4))),
    ("drone", voice(.drone(frequency: Glide(from: 110, to: 130, over: 7000)))),
    ("breathe", voice(.breathe(BreathCycle(inhale: 6000, holdIn: 2000, exhale: 7000, holdOut: 1500, times: 2)))),
]

@Test(arguments: everyVoice.indices)
func blockSizeNeverChangesTheSamples(index: Int) {
    let (name, v) = everyVoice[index]
    let small = render(v, frames: 20000, block: 64)
    let large = render(v, frames: 20000, block: 8192)
    #expect(small.left == large.left, "\(name): left")
    #expect(small.right == large.right, "\(name): right")
    #expect(SignalAnalysis.samplePeak(small.left) > 0.1, "\(name) is not silent")
}

@Test(arguments: everyVoice.indices)
func aRenderStartingMidwayMatchesTheFullRender(index: Int) {
    let (name, v) = everyVoice[index]
    let full = render(v, frames: 40000, block: 1000)
    let tail = render(v, frames: 10000, block: 1000, from: 30000)
    let difference = zip(full.left[30000...], tail.left).reduce(Float(0)) { max($0, abs($1.0 - $1.1)) }
    #expect(difference <= 1e-6, "\(name): differs by \(difference)")
}

@Test func noiseIsTheSameForTheSameSeedAndDiffersForAnother() {
    for color in NoiseSpectrum.allCases {
        let a = render(voice(.noise(color), seed: 7), frames: 48000).left
        let b = render(voice(.noise(color), seed: 7), frames: 48000).left
        let c = render(voice(.noise(color), seed: 8), frames: 48000).left
        #expect(a == b, "\(color)")
        let correlation = zip(a, c).reduce(0.0) { $0 + Double($1.0 * $1.1) } / (SignalAnalysis.rms(a) * SignalAnalysis.rms(c) * 48000)
        #expect(abs(correlation) < 0.3, "\(color): seeds 7 and 8 correlate by \(correlation)")
    }
    #expect(SynthVoice.eventSeed(track: 1, event: 3) != SynthVoice.eventSeed(track: 1, event: 4))
    #expect(SynthVoice.eventSeed(track: 1, event: 3) == SynthVoice.eventSeed(track: 1, event: 3))
}

@Test func monoSourcesSendTheSameSignalToBothChannels() {
    let out = render(voice(.noise(.pink)), frames: 2000)
    #expect(out.left == out.right)
    #expect(voice(.noise(.pink)).channels == 1)
    #expect(voice(.binaural(frequency: Glide(200), beat: Glide(6))).channels == 2)
}
