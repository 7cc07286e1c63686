import Foundation
internal import StillpointDSP
import StillpointScript

/// Walks a timeline in blocks and sums every sounding event into planar buffers:
/// each event renders its own sound, then its level, fades and pan (`GainEnvelope`)
/// and, for beds, plays and tones, the voice ducking (`DuckEnvelope`) are applied
/// as it is added. Events are taken up in order of start and let go at their end,
/// so a block costs only the events sounding in it, and nothing depends on where
/// blocks begin: any block size gives the same samples.
///
/// Not thread-safe; pass 1 gives each thread a mixer of its own.
final class Mixer {
    let timeline: Timeline
    let channels: Int
    private let voices: VoiceFactory
    private var duck: DuckEnvelope
    private var next = 0
    private var active: [ActiveEvent] = []
    private var frame: Int64 = 0

    // Scratch, sized to the largest block asked for.
    private var capacity = 0
    private var source: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)
    private var gain: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)
    private var duckGain: UnsafeMutablePointer<Float>

    private struct ActiveEvent {
        let event: Event
        var voice: EventVoice
        let envelope: GainEnvelope
    }

    init(timeline: Timeline, voices: VoiceFactory) {
        self.timeline = timeline
        self.voices = voices
        channels = timeline.settings.channels
        let speech = timeline.events.filter { $0.kind == .say }.map { $0.start..<$0.end }
        duck = DuckEnvelope(depth: timeline.settings.duck, voices: speech, rate: timeline.rate)
        source = (.allocate(capacity: 0), .allocate(capacity: 0))
        gain = (.allocate(capacity: 0), .allocate(capacity: 0))
        duckGain = .allocate(capacity: 0)
    }

    deinit {
        [source.0, source.1, gain.0, gain.1, duckGain].forEach { $0.deallocate() }
    }

    /// Continues from track frame `start` (for the second half of pass 1, or a
    /// `--from` excerpt): events already sounding there join mid-way.
    func seek(to start: Int64) {
        frame = start
        active = []
        next = 0
        while next < timeline.events.count, timeline.events[next].start < start {
            next += 1
        }
        for index in 0..<next where timeline.events[index].end > start {
            if let joined = activate(index) { active.append(joined) }
        }
    }

    /// Mixes the next `count` frames into `left` and `right` (`right` ignored for
    /// a mono track), overwriting them.
    func render(count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>) throws {
        reserve(count)
        left.update(repeating: 0, count: count)
        if channels == 2 { right.update(repeating: 0, count: count) }
        let end = frame + Int64(count)
        while next < timeline.events.count, timeline.events[next].start < end {
            if let started = activate(next) { active.append(started) }
            next += 1
        }
        var steadyDuck: Float? = 1
        if duck.isActive {
            duck.fill(from: frame, count: count, into: duckGain)
            let first = duckGain[0]
            steadyDuck = UnsafeBufferPointer(start: duckGain, count: count).allSatisfy { $0 == first } ? first : nil
        }
        for i in active.indices {
            mix(&active[i], from: frame, count: count, steadyDuck: steadyDuck, into: left, right)
        }
        active.removeAll { $0.event.end <= end }
        frame = end
    }

    private func activate(_ index: Int) -> ActiveEvent? {
        let event = timeline.events[index]
        guard event.end > event.start, let voice = voices.voice(for: event, index: index) else { return nil }
        let minimumFade = event.kind == .say ? GainEnvelope.minimumClipFade(rate: timeline.rate) : 0
        return ActiveEvent(event: event, voice: voice,
                           envelope: GainEnvelope(mix: event.mix, length: event.length, minimumFade: minimumFade, rate: timeline.rate))
    }

    /// - Parameter steadyDuck: the duck gain when it is the same for the whole block.
    private func mix(_ item: inout ActiveEvent, from blockStart: Int64, count: Int, steadyDuck: Float?,
                     into left: UnsafeMutablePointer<Float>, _ right: UnsafeMutablePointer<Float>) {
        let first = max(item.event.start, blockStart), last = min(item.event.end, blockStart + Int64(count))
        guard first < last else { return }
        let offset = Int(first - blockStart), n = Int(last - first), local = first - item.event.start
        let stereo = channels == 2
        let source = source, gain = gain
        item.voice.render(from: local, count: n, left: source.0, right: stereo ? source.1 : nil)
        let l = left + offset, r = right + offset
        let ducked = duck.isActive && item.event.mix.ducks
        // Most blocks of most events have one gain throughout: a scalar multiply-add
        // (with the same products, envelope times duck, as the buffers would hold).
        if let duckGain = ducked ? steadyDuck : 1,
           let constant = item.envelope.constantGains(from: local, count: n, stereo: stereo) {
            let gainLeft = ducked ? constant.left * duckGain : constant.left
            let gainRight = ducked ? constant.right * duckGain : constant.right
            for i in 0..<n { l[i] += source.0[i] * gainLeft }
            if stereo {
                for i in 0..<n { r[i] += source.1[i] * gainRight }
            }
            return
        }
        item.envelope.fill(from: local, count: n, left: gain.0, right: stereo ? gain.1 : nil)
        if ducked {
            let duckGain = duckGain + offset
            for i in 0..<n {
                gain.0[i] *= duckGain[i]
                gain.1[i] *= duckGain[i]
            }
        }
        for i in 0..<n { l[i] += source.0[i] * gain.0[i] }
        if stereo {
            for i in 0..<n { r[i] += source.1[i] * gain.1[i] }
        }
    }

    private func reserve(_ count: Int) {
        guard count > capacity else { return }
        [source.0, source.1, gain.0, gain.1, duckGain].forEach { $0.deallocate() }
        source = (.allocate(capacity: count), .allocate(capacity: count))
        gain = (.allocate(capacity: count), .allocate(capacity: count))
        duckGain = .allocate(capacity: count)
        capacity = count
    }
}
