import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

/// What a render is asked to do beyond the timeline itself.
public struct RenderOptions: Sendable {
    /// Only this stretch of the track (`--from/--to`), at the gain of the whole track.
    public var range: Range<Int64>?
    /// Also write WebVTT subtitles beside the track.
    public var subtitles: Bool
    /// Frames per block. Any size gives the same samples, so only the tests that
    /// show it set this (hence `package`).
    package var blockSize = 4096
    /// Called now and then from the synthesis thread with the fraction done (0…1).
    public var progress: (@Sendable (Double) -> Void)?

    public init(range: Range<Int64>? = nil, subtitles: Bool = false, progress: (@Sendable (Double) -> Void)? = nil) {
        self.range = range
        self.subtitles = subtitles
        self.progress = progress
    }

    /// A render in blocks of `blockSize` frames.
    package init(blockSize: Int) {
        self.init()
        self.blockSize = blockSize
    }
}

/// What a render did, with the figures a practitioner wants to see after it.
public struct RenderReport: Sendable {
    /// The main file, in the first format listed.
    public var output: URL
    /// The same track in the other formats listed, beside it.
    public var otherFormats: [URL]
    public var subtitles: URL?
    public var frames: Int64
    public var rate: Int
    /// The gain applied to the mix to reach the loudness target, in dB.
    public var gain: Double
    /// Integrated loudness of the written track (LUFS); nil for an excerpt, or a
    /// track too quiet or short to measure.
    public var loudness: Double?
    /// The deepest gain reduction of the true-peak limiter, in dB (0: untouched).
    public var limiting: Double
    /// Phrases rendered as draft stand-ins because their clips are missing.
    public var draftPhrases: Int
    /// Problems the track was rendered despite, each a `path:line:col: warning: …`
    /// line (a damaged recording) or a `warning: …` line (the loudness target).
    public var warnings: [String] = []

    public var seconds: Double { Double(frames) / Double(rate) }
}

/// Turns a timeline into a finished file in two passes (architecture.md):
/// pass 1 synthesises the whole mix on both cores and measures its loudness; pass 2
/// synthesises it again with the gain that reaches the target, holds the true peak
/// under the ceiling with the limiter, and encodes, with synthesis and encoding on
/// two threads. The file is written beside its destination and moved into place
/// only when complete.
public struct Renderer: Sendable {
    public init() {}

    public func render(_ timeline: Timeline, to destination: URL, options: RenderOptions = RenderOptions()) throws -> RenderReport {
        let settings = timeline.settings
        let range = options.range ?? 0..<timeline.length
        guard range.lowerBound >= 0, range.upperBound <= timeline.length, !range.isEmpty else {
            throw RenderError.excerptOutsideTrack(seconds: timeline.seconds)
        }
        // Refused before any work, so a bad target costs nothing and harms nothing.
        try OutputTarget.check(destination, against: timeline.dependencies)
        if options.subtitles { try OutputTarget.check(Self.subtitlesFile(beside: destination), against: timeline.dependencies) }
        var timeline = timeline
        let drafted = timeline.events.count { if case .clip(let c) = $0.source { c.file == nil } else { false } }
        if drafted > 0 {
            // A draft says so wherever the track is played.
            let note = "DRAFT: \(drafted) phrase\(drafted == 1 ? "" : "s") not yet recorded."
            timeline.tags.comment = [note, timeline.tags.comment].compactMap { $0 }.joined(separator: " ")
        }
        let clips = ClipStore(rate: settings.rate, channels: settings.channels, voiceLevel: settings.voiceLevel)
        let drafts = DraftVoices(rate: settings.rate, channels: settings.channels, voiceLevel: settings.voiceLevel)
        let voices = try VoiceFactory(timeline: timeline, clips: clips, drafts: drafts)

        // The main file at `destination`, the other formats beside it under the same
        // name; their folder is made (and found writable) before the loudness pass,
        // so `-o /proc/nope/x.flac` fails at once instead of after a whole pass.
        let outputs = try settings.formats.map { format in
            try AtomicOutput(destination: format == settings.format
                ? destination : destination.deletingPathExtension().appendingPathExtension(format.fileExtension))
        }
        var gain = 0.0
        if let target = settings.loudness {
            let profile = try LoudnessPass(timeline: timeline, voices: voices).measure()
            gain = profile.gainToReach(target: target, ceiling: settings.limiterCeiling) ?? 0
        }
        let files = zip(outputs, settings.formats).map { (url: $0.temporary, format: $1) }
        do {
            let pass = MasteringPass(timeline: timeline, voices: voices, range: range, blockSize: options.blockSize)
            var result = try pass.write(to: files, gain: gain, progress: options.progress)
            // The prediction of the limiter's cost can miss on unusual material;
            // the written track is measured, and rendered again if it missed.
            if let target = settings.loudness, options.range == nil, let measured = result.loudness,
               abs(measured - target) > 0.4 {
                gain += target - measured
                result = try pass.write(to: files, gain: gain, progress: options.progress)
            }
            for file in files {
                try ChapterWriter.write(
                    chapters: Self.chapterMarks(timeline, in: range), tags: timeline.tags, to: file.url, format: file.format)
            }
            for output in outputs { try output.commit() }
            let subtitles = options.subtitles ? try Self.writeSubtitles(timeline, range: range, beside: destination) : nil
            var warnings = voices.warnings
            if settings.loudness != nil, result.limiting > Self.limitingWorthAWarning {
                warnings.append(Self.limitingWarning(result.limiting, loudness: result.loudness, target: settings.loudness))
            }
            return RenderReport(
                output: destination, otherFormats: outputs.dropFirst().map(\.destination), subtitles: subtitles,
                frames: Int64(range.count), rate: settings.rate,
                gain: gain, loudness: options.range == nil ? result.loudness : nil,
                limiting: result.limiting, draftPhrases: drafted, warnings: warnings)
        } catch {
            outputs.forEach { $0.discard() }
            throw Self.namingTheTarget(error, of: outputs)
        }
    }
}

extension Renderer {
    /// Limiting deeper than this (dB) is audible as flattened peaks: the mix is too
    /// quiet in most places, or too peaky, for the loudness target.
    static let limitingWorthAWarning = 6.0

    // Diagnostic text (one place, for the diagnostics enum).
    static func limitingWarning(_ limiting: Double, loudness: Double?, target: Double?) -> String {
        let measured = loudness.map { String(format: "%.1f LUFS", $0) } ?? "too quiet to measure"
        return String(
            format: "warning: reaching %.1f LUFS takes %.1f dB of limiting on the loudest moments, which flattens them audibly; the track measures %@; lower `loudness:`, or raise the quiet parts of the mix",
            target ?? 0, limiting, measured)
    }

    /// A failure writing a hidden temporary file (the disk is full), told as a
    /// failure writing the track it was to become: the user never sees that name.
    static func namingTheTarget(_ error: any Error, of outputs: [AtomicOutput]) -> any Error {
        guard var failure = error as? AudioFileError,
            let output = outputs.first(where: { $0.temporary.path == failure.path })
        else { return error }
        failure.path = output.destination.path
        return failure
    }

    /// The chapters that start inside `range`, timed from its start.
    static func chapterMarks(_ timeline: Timeline, in range: Range<Int64>) -> [ChapterMark] {
        let chapters = timeline.chapters.filter { range.contains($0.start) }.map { chapter in
            var moved = chapter
            moved.start -= range.lowerBound
            return moved
        }
        return ChapterMark.marks(chapters, rate: timeline.rate)
    }

    static func subtitlesFile(beside track: URL) -> URL {
        track.deletingPathExtension().appendingPathExtension("vtt")
    }

    /// Writes `<track>.vtt` beside the track, as atomically as the track itself.
    static func writeSubtitles(_ timeline: Timeline, range: Range<Int64>, beside track: URL) throws -> URL {
        let file = subtitlesFile(beside: track)
        do {
            try AtomicReplacement.write(Array(WebVTT.text(for: timeline, range: range).utf8), to: FilePath(file.path))
        } catch {
            throw RenderError.cannotWrite(file.path, reason: error.reason)
        }
        return file
    }
}

extension OutputSettings {
    /// The ceiling the limiter holds, a little under `peak`: lossy encoders add
    /// overshoot of their own (up to about 0.5 dB was measured on MP3 and Vorbis at
    /// the defaults), and the limiter's short 4× interpolator reads inter-sample
    /// peaks up to 0.15 dB lower than ffmpeg's meter did on B60. With several
    /// formats from one render, a lossy one among them sets the margin for all.
    var limiterCeiling: Double { peak - (formats.contains(where: \.isLossy) ? 1.0 : 0.3) }
}
