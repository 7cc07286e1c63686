import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// Interval bells as heard: each `every` repeat is found in the rendered audio
/// by onset detection, where the script says it rings.
extension ScriptRenderTests {
    /// The onsets of the bells: sound above −50 dBFS after at least 0.3 s below.
    private func bells(_ left: [Float]) -> [Int] {
        SignalAnalysis.onsets(left, threshold: -50, quiet: 14_400)
    }

    @Test func fixedIntervalBellsRingAtTheirTimes() throws {
        let (audio, timeline) = try render("""
            format: wav
            loudness: off
            tail: 0.5s
            pause 1s
            every 2s play bell 880 Hz decay 0.4s level -12 dB
            pause 7s
            """)
        // From the spine at 1 s, every 2 s while before the content's end at 8 s.
        let expected = [1, 3, 5, 7].map { $0 * 48000 }
        let found = bells(audio[0])
        #expect(found.count == expected.count, "\(found)")
        for (onset, start) in zip(found, expected) { #expect(abs(onset - start) <= 48, "\(onset) vs \(start)") }
        #expect(timeline.length == 17 * 24000)
    }

    @Test func randomIntervalBellsRingWhereTheTimelinePutsThem() throws {
        let (audio, timeline) = try render("""
            format: wav
            loudness: off
            tail: 0.5s
            seed: 11
            every 1s..2s play bell 660 Hz decay 0.4s level -12 dB
            pause 12s
            """)
        let starts = timeline.events.filter { $0.kind == .play }.map { Int($0.start) }
        let found = bells(audio[0])
        #expect(found.count == starts.count && starts.count >= 6, "\(found) \(starts)")
        for (onset, start) in zip(found, starts) { #expect(abs(onset - start) <= 48, "\(onset) vs \(start)") }
        let gaps = zip(found.dropFirst(), found).map { Double($0 - $1) / 48000 }
        #expect(gaps.allSatisfy { (0.99...2.01).contains($0) }, "\(gaps)")
    }
}
