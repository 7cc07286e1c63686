import Foundation
@testable import StillpointAudio
import StillpointDSP
import StillpointScript
import Testing

/// The translation from a timeline's sources to the DSP's voices
/// (`SynthVoice+Timeline.swift`): what is synthesised sounds exactly like the DSP
/// voice it names, and what is not synthesised gets no voice.
@Test(arguments: [
    (Generator.sine(frequency: Param(from: 200, to: 300, over: 900)), Synthesis.sine(frequency: Glide(from: 200, to: 300, over: 900))),
    (.binaural(frequency: Param(200), beat: Param(6)), .binaural(frequency: Glide(200), beat: Glide(6))),
    (.noise(.brown), .noise(.brown)),
    (.bell(frequency: Param(432), decay: 0.2), .bell(frequency: Glide(432), decay: 0.2)),
])
func aTimelineGeneratorPlaysItsDSPVoice(generator: Generator, sound: Synthesis) throws {
    var mapped = try #require(SynthVoice(source: .generator(generator), rate: 8000, seed: 5))
    var direct = SynthVoice(sound, rate: 8000, seed: 5)
    var a = [Float](repeating: 0, count: 2000), b = [Float](repeating: 1, count: 2000)
    a.withUnsafeMutableBufferPointer { mapped.render(from: 0, count: 1000, left: $0.baseAddress!, right: $0.baseAddress! + 1000) }
    b.withUnsafeMutableBufferPointer { direct.render(from: 0, count: 1000, left: $0.baseAddress!, right: $0.baseAddress! + 1000) }
    #expect(a == b)
    #expect(a.contains { $0 != 0 })
}

@Test func filesSilencesAndClipsAreNotSynthesised() {
    #expect(SynthVoice(source: .generator(.file(URL(fileURLWithPath: "/x.flac"), loop: false)), rate: 48000, seed: 1) == nil)
    #expect(SynthVoice(source: .silence, rate: 48000, seed: 1) == nil)
}
