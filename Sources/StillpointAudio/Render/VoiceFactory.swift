import Foundation
import StillpointScript

/// Makes each event's voice for the mixer. Every recording a track uses is
/// decoded, cut, resampled and levelled once, before synthesis starts (so a bad
/// file fails the render at once, naming the cue that uses it), and shared by
/// every event and every pass that plays it.
final class VoiceFactory: @unchecked Sendable {
    private let rate: Int
    private let seed: UInt64
    private var recordings: [Int: (DecodedAudio, LoopSeam?)] = [:]

    /// Decodes what `timeline` plays. Missing clips of a draft are spoken by
    /// `drafts`.
    init(timeline: Timeline, clips: ClipStore, drafts: DraftVoices) throws {
        rate = timeline.rate
        seed = timeline.settings.seed
        for (index, event) in timeline.events.enumerated() {
            do {
                switch event.source {
                case .clip(let clip) where clip.file == nil:
                    recordings[index] = (try drafts.phrase(event), nil)
                case .clip(let clip):
                    recordings[index] = (try clips.clip(clip), nil)
                case .generator(.file(let url, let loop)):
                    let audio = try clips.sound(url)
                    recordings[index] = loop ? LoopSeam.prepare(audio, rate: rate) : (audio, nil)
                default:
                    continue
                }
            } catch let error as AudioFileError {
                throw RenderError.unreadableAudio(file: error.path, location: event.location, reason: error.reason)
            }
        }
    }

    /// The voice of event `index`, or nil for a silence.
    func voice(for event: Event, index: Int) -> EventVoice? {
        if let (audio, loop) = recordings[index] { return .recording(audio, loop: loop) }
        return SynthVoice(source: event.source, rate: rate, seed: SynthVoice.eventSeed(track: seed, event: index))
            .map(EventVoice.synth)
    }
}
