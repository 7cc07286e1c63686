import Foundation
import StillpointAudio

/// Finds which phrase each stretch of a take is, by ear: every stretch (and,
/// when it alone is no whole phrase, it with the next one or two, for a phrase
/// read in two breaths) is heard against the grammar of whole transcripts.
/// A stumble hears nothing; a re-take hears its phrase again and, being later,
/// wins; phrases read out of order land under their own names.
struct RecognisedMatching {
    /// Phrase indices by their words joined with spaces (two clips may share words).
    let phrasesByWords: [String: [Int]]

    struct Match {
        var phrases: [Int]
        var stretches: Range<Int>
        var confidence: Double
    }

    /// One recogniser and one reader of the take, for one thread.
    struct Worker {
        var recogniser: Recogniser
        var take: TakeAudio
    }

    /// Pauses longer than this are never inside one phrase.
    static let longestInnerPause = 2.5
    /// Audio around a stretch given to the recogniser, for its silence model.
    static let margin = 0.15

    /// Every match in the take, heard by the workers at once, each through a
    /// part of the take that ends at a pause no phrase spans (so the result is
    /// the same whatever the number of workers).
    func match(_ map: SpeechMap, workers: [Worker], cleaner: VoiceCleaner) throws(TakesError) -> [Match] {
        let parts = Self.parts(map, count: workers.count)
        let shared = Shared(workers: workers, count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { n in
            shared.results[n] = Result { () throws(TakesError) in try match(map, parts[n], shared.workers[n], cleaner) }
        }
        var matches: [Match] = []
        for n in parts.indices { matches += try shared.results[n].get() }
        return matches
    }

    /// The workers and result slots handed to `concurrentPerform`. Unchecked,
    /// but safe: iteration `n` touches only worker `n` and slot `n`, so no two
    /// threads share anything they change.
    private final class Shared: @unchecked Sendable {
        let workers: [Worker]
        let results: UnsafeMutablePointer<Result<[Match], TakesError>>
        private let count: Int

        init(workers: [Worker], count: Int) {
            self.workers = workers
            self.count = count
            results = .allocate(capacity: count)
            results.initialize(repeating: .success([]), count: count)
        }

        deinit {
            results.deinitialize(count: count)
            results.deallocate()
        }
    }

    /// The stretches cut into up to `count` runs of about equal length, each cut
    /// at the longest pause near its place that is longer than any inner pause.
    static func parts(_ map: SpeechMap, count: Int) -> [Range<Int>] {
        let stretches = map.stretches
        let longest = Int64(longestInnerPause * Double(map.rate))
        var cuts: [Int] = []
        for k in 1 ..< max(1, count) {
            let ideal = stretches.count * k / count, reach = max(1, stretches.count / (3 * count))
            let candidates = max(1, ideal - reach) ..< min(stretches.count, ideal + reach)
            let gap = { (i: Int) in stretches[i].start - stretches[i - 1].end }
            if let cut = candidates.filter({ gap($0) > longest && $0 > (cuts.last ?? 0) }).max(by: { gap($0) < gap($1) }) {
                cuts.append(cut)
            }
        }
        let edges = [0] + cuts + [stretches.count]
        return zip(edges, edges.dropFirst()).map { $0 ..< $1 }.filter { !$0.isEmpty }
    }

    private func match(_ map: SpeechMap, _ part: Range<Int>, _ worker: Worker, _ cleaner: VoiceCleaner) throws(TakesError) -> [Match] {
        let hear = { (span: Range<Int64>) throws(TakesError) in
            try self.hear(span, map: map, worker: worker, cleaner: cleaner)
        }
        var matches: [Match] = []
        let stretches = map.stretches
        var i = part.lowerBound
        while i < part.upperBound {
            var found: Match?
            var j = i + 1
            while j <= min(part.upperBound, i + 3) {
                if j > i + 1, Double(stretches[j - 1].start - stretches[j - 2].end) / Double(map.rate) > Self.longestInnerPause { break }
                if let heard = try hear(stretches[i].start ..< stretches[j - 1].end) {
                    found = Match(phrases: heard.phrases, stretches: i ..< j, confidence: heard.confidence)
                    break
                }
                j += 1
            }
            if var found {
                // A stumble joined to the full reading after it: the reading alone wins.
                for later in found.stretches.dropFirst() {
                    let span = stretches[later].start ..< stretches[found.stretches.upperBound - 1].end
                    if let heard = try hear(span), heard.phrases == found.phrases {
                        found = Match(phrases: heard.phrases, stretches: later ..< found.stretches.upperBound, confidence: heard.confidence)
                        break
                    }
                }
                matches.append(found)
                i = found.stretches.upperBound
            } else {
                i += 1
            }
        }
        return matches
    }

    /// The phrase heard in `span`, with how sure: the whole-phrase hearing's
    /// score against the free hearing of the same audio, per 10 ms frame. Equal
    /// scores (the free hearing found the phrase too) give about 0.8.
    private func hear(_ span: Range<Int64>, map: SpeechMap, worker: Worker, cleaner: VoiceCleaner) throws(TakesError) -> (phrases: [Int], confidence: Double)? {
        let pad = Int64(Self.margin * Double(map.rate))
        let audio = try cleaner.read(max(0, span.lowerBound - pad) ..< min(map.frames, span.upperBound + pad), from: worker.take)
        let samples = Self.speechRate(audio, rate: map.rate)
        guard let phrase = worker.recogniser.hear(samples, as: .phrase),
            let indices = phrasesByWords[phrase.words.joined(separator: " ")]
        else { return nil }
        let free = worker.recogniser.hear(samples, as: .words)
        let margin = Double(phrase.score - (free?.score ?? phrase.score)) / Double(max(phrase.frames, 1))
        return (indices, 1 / (1 + exp(-(margin + 12) / 8)))
    }

    /// 16 kHz 16-bit, what the acoustic model was trained on.
    static func speechRate(_ audio: [Float], rate: Int) -> [Int16] {
        let frames = Int(Int64(audio.count) * 16000 / Int64(rate))
        let resampled = (try? Resampler.resample(interleaved: audio, channels: 1, from: rate, to: 16000, frames: frames)) ?? []
        return resampled.map { Int16(max(-32767, min(32767, ($0 * 32767).rounded()))) }
    }
}
