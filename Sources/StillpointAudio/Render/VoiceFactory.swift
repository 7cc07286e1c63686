import Foundation
internal import StillpointDSP
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
        let recorded = timeline.events.indices.filter { Self.isRecording(timeline.events[$0].source) }
        // Recordings decode on both cores (the store decodes each file once, however
        // many events use it); on B60 that is 120 clips before synthesis can start.
        let results = ResultBox<(DecodedAudio, LoopSeam?)?>(count: recorded.count)
        let rate = rate
        DispatchQueue.concurrentPerform(iterations: recorded.count) { i in
            let event = timeline.events[recorded[i]]
            results.set(i, Result {
                do {
                    return try Self.recording(for: event, clips: clips, drafts: drafts, rate: rate)
                } catch let error as AudioFileError {
                    throw RenderError.unreadableAudio(error, at: event.location)
                }
            })
        }
        for (i, value) in try results.values().enumerated() {
            recordings[recorded[i]] = value
        }
        var told: Set<URL> = []
        for event in recorded.map({ timeline.events[$0] }) {
            guard let file = Self.file(of: event.source), told.insert(file).inserted else { continue }
            for note in clips.notes(about: file) {
                warnings.append("\(event.location): warning: `\(file.lastPathComponent)`: \(note)")
            }
        }
    }

    /// What the clip store found wrong with the recordings, each at the first cue
    /// that plays it (`path:line:col: warning: …`).
    private(set) var warnings: [String] = []

    private static func file(of source: SoundSource) -> URL? {
        switch source {
        case .clip(let clip): clip.file
        case .generator(.file(let url, _)): url
        default: nil
        }
    }

    /// Whether an event plays a recording (a clip, a draft stand-in, a file).
    private static func isRecording(_ source: SoundSource) -> Bool {
        switch source {
        case .clip, .generator(.file): true
        default: false
        }
    }

    /// Decodes the recording an event plays; nil for a sound that is synthesised.
    private static func recording(
        for event: Event, clips: ClipStore, drafts: DraftVoices, rate: Int
    ) throws -> (DecodedAudio, LoopSeam?)? {
        switch event.source {
        case .clip(let clip) where clip.file == nil:
            return (try drafts.phrase(event), nil)
        case .clip(let clip):
            return (try clips.clip(clip), nil)
        case .generator(.file(let url, let loop)):
            let audio = try clips.sound(url)
            return loop ? LoopSeam.prepare(audio, rate: rate) : (audio, nil)
        default:
            return nil
        }
    }

    /// The voice of event `index`, or nil for a silence.
    func voice(for event: Event, index: Int) -> EventVoice? {
        if let (audio, loop) = recordings[index] { return .recording(audio, loop: loop) }
        return SynthVoice(source: event.source, rate: rate, seed: SynthVoice.eventSeed(track: seed, event: index))
            .map(EventVoice.synth)
    }
}
