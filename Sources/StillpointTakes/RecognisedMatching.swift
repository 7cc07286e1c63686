import Foundation
import StillpointAudio

/// Finds which phrase each stretch of a take is, by ear: every stretch (and,
/// when it alone is no whole phrase, it with the next one or two, for a phrase
/// read in two breaths) is heard against the grammar of whole transcripts.
/// A stumble hears nothing; a re-take hears its phrase again and, being later,
/// wins; phrases read out of order land under their own names.
struct RecognisedMatching {
    let recogniser: Recogniser
    /// Phrase indices by their words joined with spaces (two clips may share words).
    let phrasesByWords: [String: [Int]]

    struct Match {
        var phrases: [Int]
        var stretches: Range<Int>
        var confidence: Double
    }

    /// Pauses longer than this are never inside one phrase.
    static let longestInnerPause = 2.5
    /// Audio around a stretch given to the recogniser, for its silence model.
    static let margin = 0.15

    func match(_ map: SpeechMap, take: TakeAudio, cleaner: VoiceCleaner) throws(TakesError) -> [Match] {
        var matches: [Match] = []
        let stretches = map.stretches
        var i = 0
        while i < stretches.count {
            var found: Match?
            var j = i + 1
            while j <= min(stretches.count, i + 3) {
                if j > i + 1, Double(stretches[j - 1].start - stretches[j - 2].end) / Double(map.rate) > Self.longestInnerPause { break }
                let span = stretches[i].start ..< stretches[j - 1].end
                if let heard = try hear(span, map: map, take: take, cleaner: cleaner) {
                    found = Match(phrases: heard.phrases, stretches: i ..< j, confidence: heard.confidence)
                    break
                }
                j += 1
            }
            if var found {
                // A stumble joined to the full reading after it: the reading alone wins.
                for later in found.stretches.dropFirst() {
                    let span = stretches[later].start ..< stretches[found.stretches.upperBound - 1].end
                    if let heard = try hear(span, map: map, take: take, cleaner: cleaner), heard.phrases == found.phrases {
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
    private func hear(_ span: Range<Int64>, map: SpeechMap, take: TakeAudio, cleaner: VoiceCleaner) throws(TakesError) -> (phrases: [Int], confidence: Double)? {
        let pad = Int64(Self.margin * Double(map.rate))
        let audio = try cleaner.read(max(0, span.lowerBound - pad) ..< min(map.frames, span.upperBound + pad), from: take)
        let samples = Self.speechRate(audio, rate: map.rate)
        guard let phrase = recogniser.hear(samples, as: .phrase),
            let indices = phrasesByWords[phrase.words.joined(separator: " ")]
        else { return nil }
        let free = recogniser.hear(samples, as: .words)
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
