import Foundation
internal import StillpointDSP
import StillpointScript

/// Pass 1: synthesises the whole mix at unity gain and keeps its `LoudnessProfile`.
/// The track is cut in two at a 100 ms boundary and each half is synthesised and
/// metered on its own core; the second half's meter also hears the 300 ms before
/// its start, so its first gating blocks read as they would in one run.
struct LoudnessPass {
    let timeline: Timeline
    let voices: VoiceFactory

    func measure() throws -> LoudnessProfile {
        let rate = timeline.rate
        let chunk = LoudnessProfile.chunkFrames(rate: rate)
        let chunks = (timeline.length + Int64(chunk) - 1) / Int64(chunk)
        let middle = chunks / 2 * Int64(chunk)
        let parts = middle > Int64(LoudnessMeter.preroll(rate: rate)) ? [0..<middle, middle..<timeline.length] : [0..<timeline.length]
        let results = ResultBox<LoudnessProfile>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            results.set(index, Result { try measure(parts[index], chunk: chunk) })
        }
        var profile = LoudnessProfile(rate: rate)
        for part in try results.values() { profile.append(contentsOf: part) }
        return profile
    }

    private func measure(_ part: Range<Int64>, chunk: Int) throws -> LoudnessProfile {
        var meter = ChunkMeter(channels: timeline.settings.channels, rate: timeline.rate)
        let mixer = Mixer(timeline: timeline, voices: voices)
        let preroll = part.lowerBound == 0 ? 0 : Int64(LoudnessMeter.preroll(rate: timeline.rate))
        mixer.seek(to: part.lowerBound - preroll)
        var left = [Float](repeating: 0, count: chunk), right = left
        var profile = LoudnessProfile(rate: timeline.rate)
        var frame = part.lowerBound - preroll
        while frame < part.upperBound {
            let n = Int(min(Int64(chunk), part.upperBound - frame))
            try mixer.render(count: n, left: &left, right: &right)
            left.withUnsafeBufferPointer { l in
                right.withUnsafeBufferPointer { r in
                    let channels = timeline.settings.channels == 2 ? [l.baseAddress!, r.baseAddress!] : [l.baseAddress!]
                    meter.add(channels, count: n, to: &profile, record: frame >= part.lowerBound)
                }
            }
            frame += Int64(n)
        }
        meter.finish(into: &profile)
        return profile
    }
}

/// Results filled in by parallel workers, each at its own index.
final class ResultBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Value, any Error>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    /// Every value in order, or the first error.
    func values() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return try results.map { try $0!.get() }
    }
}
