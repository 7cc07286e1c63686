import Foundation
import StillpointAudio
import StillpointDSP
import StillpointScript

/// How loud a sound is at a moment, as the mixer makes it: its level and glide,
/// its fades and, for sounds that duck, the dip under the voice. The picture asks
/// the renderer's own envelopes rather than working it out again, so a band drawn
/// here rises and falls exactly where the track does.
struct LevelCurve {
    private var duck: DuckEnvelope
    private let rate: Int

    init(_ timeline: Timeline) {
        rate = timeline.rate
        let speech = timeline.events.filter { $0.kind == .say }.map { $0.start..<$0.end }
        duck = DuckEnvelope(depth: timeline.settings.duck, voices: speech, rate: timeline.rate)
    }

    /// The event's gain in dB at each of `frames` (track frames, rising);
    /// −∞ where it is silent.
    mutating func decibels(_ event: Event, at frames: [Int64]) -> [Double] {
        let envelope = GainEnvelope(mix: event.mix, length: event.length)
        var gain: Float = 0, dip: Float = 1
        return frames.map { frame in
            envelope.fill(from: frame - event.start, count: 1, left: &gain, right: nil)
            if event.mix.ducks, duck.isActive {
                duck.fill(from: frame, count: 1, into: &dip)
            } else {
                dip = 1
            }
            let linear = Double(gain * dip)
            return linear > 0 ? 20 * log10(linear) : -.infinity
        }
    }
}
