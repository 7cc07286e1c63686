import Foundation
import StillpointScript

/// Voice clips and sound files decoded, cut, resampled and levelled once for a
/// render, and shared between every event that uses them.
///
/// For a clip, in the order of the format page: `from`/`to` on the recording →
/// `trim` (`AudibleRange`) → channels (mono and stereo stay as they are, more are
/// folded down to stereo) → resampling to the track rate → `voice-level`. The
/// result is exactly `frames(n, from: recordingRate, to: rate)` frames long, where
/// `n` is the length of the cut part as the resolver computed it from the header
/// (`AudioFileCatalogue`), so the clip fills its place on the timeline to the frame.
///
/// Voice-level: the gain that brings the clip's integrated loudness to the target.
/// A mono clip in a stereo track is measured as dual mono, i.e. as it will sound
/// centred in the track. A clip too short (< 0.4 s) or too quiet to measure is left
/// at 0 dB.
///
/// Thread-safe: the first request for a clip decodes it while later requests for
/// the same clip wait for that result; different clips decode in parallel.
public final class ClipStore: @unchecked Sendable {
    public let rate: Int
    public let channels: Int
    public let voiceLevel: Double?

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var decodes = 0
    private var notesByFile: [String: [String]] = [:]

    /// - Parameters:
    ///   - rate: the track's rate.
    ///   - channels: the track's channel count (decides how mono clips are measured).
    ///   - voiceLevel: target LUFS for clips; nil leaves them as recorded.
    public init(rate: Int, channels: Int, voiceLevel: Double?) {
        self.rate = rate
        self.channels = channels
        self.voiceLevel = voiceLevel
    }

    /// How many files have been decoded so far (each distinct request once): for
    /// tests that check a file is decoded once however often it is used.
    package var decodeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return decodes
    }

    /// A voice clip ready for the mixer (level, pan and edge fades still to apply).
    public func clip(_ source: ClipSource) throws -> DecodedAudio {
        guard let file = source.file else {
            throw AudioFileError(.read, path: "(missing clip)", reason: "the clip has no recording", call: "sf_open")
        }
        let key = Key(file: file.standardizedFileURL.path, from: source.from, to: source.to, trim: source.trim, voice: true)
        return try entry(key).value { try self.process(file, source: source, level: self.voiceLevel) }
    }

    /// A recording used as a sound (`play`, file beds): whole, resampled, not levelled.
    public func sound(_ file: URL) throws -> DecodedAudio {
        let key = Key(file: file.standardizedFileURL.path, from: nil, to: nil, trim: false, voice: false)
        return try entry(key).value { try self.process(file, source: ClipSource(file: file), level: nil) }
    }

    private func entry(_ key: Key) -> Entry {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[key] { return entry }
        let entry = Entry()
        entries[key] = entry
        return entry
    }

    private func process(_ file: URL, source: ClipSource, level: Double?) throws -> DecodedAudio {
        lock.lock()
        decodes += 1
        lock.unlock()
        let info = try AudioFileCatalogue.header(of: file)
        let reader = try SoundFileReader(url: file)
        var range = recordingRange(from: source.from, to: source.to, rate: info.rate, frames: info.frames)
        let decoded = try reader.decode(range)
        try ClipConditioning.requirePlayable(decoded, file: file)
        if range.upperBound == info.frames, ClipConditioning.headerIsExact(file) {
            // What the header promised against what decoding found.
            let promised = max(PromisedLength.frames(of: file) ?? 0, info.frames)
            let found = range.lowerBound + Int64(decoded.frames)
            if promised > found {
                note(file, ClipConditioning.shortfallNote(missing: promised - found, of: promised, rate: info.rate))
            }
        }
        var audio = decoded.slice(0 ..< Int(range.count))
        if source.trim {
            let audible = AudibleRange.of(audio)
            audio = audio.slice(audible)
            range = range.lowerBound + Int64(audible.lowerBound) ..< range.lowerBound + Int64(audible.upperBound)
        }
        audio = Self.foldedToStereo(audio)
        ClipConditioning.removeDC(&audio)
        let length = Int(frames(Int64(range.count), from: info.rate, to: rate))
        do {
            audio = DecodedAudio(
                channels: try Resampler.resample(planar: audio.channels, from: info.rate, to: rate, frames: length), rate: rate)
        } catch let error as AudioProcessingError {
            throw AudioFileError(.resample, file: file, reason: error.reason, call: error.call)
        }
        if let level {
            let dualMono = audio.channelCount == 1 && channels == 2
            let loudness: Double?
            do {
                loudness = try LoudnessMeter.integratedLoudness(planar: audio.channels, rate: rate, dualMono: dualMono)
            } catch let error as AudioProcessingError {
                throw AudioFileError(.measure, file: file, reason: error.reason, call: error.call)
            }
            let peak = audio.channels.reduce(Float(0)) { peak, channel in channel.reduce(peak) { max($0, abs($1)) } }
            let (gain, problem) = ClipConditioning.levelGain(loudness: loudness, peak: peak, target: level)
            if let problem { note(file, problem) }
            Self.apply(gainDB: gain, to: &audio)
        }
        return audio
    }

    /// What conditioning found wrong with `file` (see `ClipConditioning`), once each.
    public func notes(about file: URL) -> [String] {
        lock.withLock { notesByFile[file.standardizedFileURL.path] ?? [] }
    }

    private func note(_ file: URL, _ text: String) {
        lock.withLock {
            let key = file.standardizedFileURL.path
            if !(notesByFile[key] ?? []).contains(text) { notesByFile[key, default: []].append(text) }
        }
    }

    /// More than two channels become stereo: 5.1 (L R C LFE Ls Rs) by the ITU
    /// matrix without LFE; other layouts by averaging even channels into the left
    /// and odd ones into the right.
    static func foldedToStereo(_ audio: DecodedAudio) -> DecodedAudio {
        let count = audio.channelCount
        guard count > 2 else { return audio }
        let weights: [(left: Float, right: Float)]
        if count == 6 {
            let s: Float = 0.7071
            weights = [(1, 0), (0, 1), (s, s), (0, 0), (s, 0), (0, s)]
        } else {
            let left = 1 / Float((count + 1) / 2), right = 1 / Float(count / 2)
            weights = (0 ..< count).map { $0 % 2 == 0 ? (left, 0) : (0, right) }
        }
        var left = [Float](repeating: 0, count: audio.frames)
        var right = [Float](repeating: 0, count: audio.frames)
        for (channel, weight) in weights.enumerated() {
            let samples = audio.channels[channel]
            if weight.left != 0 { for i in 0 ..< samples.count { left[i] += weight.left * samples[i] } }
            if weight.right != 0 { for i in 0 ..< samples.count { right[i] += weight.right * samples[i] } }
        }
        return DecodedAudio(channels: [left, right], rate: audio.rate)
    }

    private static func apply(gainDB: Double, to audio: inout DecodedAudio) {
        guard gainDB != 0 else { return }
        let factor = Float(pow(10, gainDB / 20))
        for channel in audio.channels.indices {
            audio.channels[channel].withUnsafeMutableBufferPointer { samples in
                for i in samples.indices { samples[i] *= factor }
            }
        }
    }

    private struct Key: Hashable {
        var file: String
        var from: Double?
        var to: Double?
        var trim: Bool
        var voice: Bool
    }

    /// One cached result; its own lock makes concurrent requests for it wait for a single decode.
    private final class Entry: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<DecodedAudio, Error>?

        func value(_ make: () throws -> DecodedAudio) throws -> DecodedAudio {
            lock.lock()
            defer { lock.unlock() }
            if let result { return try result.get() }
            let made = Result { try make() }
            result = made
            return try made.get()
        }
    }
}
