import Foundation
@testable import StillpointTakes
import StillpointTestSupport
import Testing

/// Speech and pauses from the take's own levels: tone bursts stand for words,
/// over a noise floor that rises by 12 dB halfway (a fridge starting).
struct SpeechMapTests {
    static let rate = 16000

    /// Bursts at (start, end) seconds, in `seconds` of noise at -60 dBFS, then -48 dBFS after the middle.
    private func map(_ bursts: [(Double, Double)], seconds: Double) throws -> SpeechMap {
        let count = Int(seconds * Double(Self.rate))
        var samples = SpokenTake.pink(count: count, seed: 11)
        let unit = Float(pow(10, -60.0 / 20) / SignalAnalysis.rms(samples))
        for i in samples.indices { samples[i] *= unit * (i < count / 2 ? 1 : 4) }
        for (from, to) in bursts {
            for i in Int(from * Double(Self.rate)) ..< Int(to * Double(Self.rate)) {
                samples[i] += Float(0.2 * sin(2 * Double.pi * 220 * Double(i) / Double(Self.rate)))
            }
        }
        let folder = try AudioFixtures.temporaryFolder("speech-map")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("take.wav")
        try AudioFixtures.writeWAV(samples, rate: Self.rate, encoding: .float32, to: url)
        return try SpeechMap(TakeAudio(url: url))
    }

    @Test func aCommaPauseStaysInsideAndAPhraseGapSeparates() throws {
        // 0.3 s inside the first phrase; 1.2 s between phrases; the floor rises at 10 s.
        let speech = try map([(1, 2), (2.3, 3.5), (4.7, 6), (12, 13.5)], seconds: 20)
        let seconds = speech.stretches.map { (Double($0.start) / Double(Self.rate), Double($0.end) / Double(Self.rate)) }
        #expect(seconds.count == 3, "\(seconds)")
        for (found, expected) in zip(seconds, [(1.0, 3.5), (4.7, 6.0), (12.0, 13.5)]) {
            #expect(abs(found.0 - expected.0) < 0.03 && abs(found.1 - expected.1) < 0.03, "\(found) for \(expected)")
        }
    }

    @Test func pausesForLearningKeepClearOfSpeech() throws {
        let speech = try map([(1, 2), (4, 5)], seconds: 8)
        let pauses = speech.pauses().map { (Double($0.lowerBound) / Double(Self.rate), Double($0.upperBound) / Double(Self.rate)) }
        #expect(pauses.count == 3, "\(pauses)")
        #expect(pauses.allSatisfy { p in ![(1.0, 2.0), (4.0, 5.0)].contains { p.0 < $0.1 + 0.09 && p.1 > $0.0 - 0.09 } }, "\(pauses)")
    }
}
