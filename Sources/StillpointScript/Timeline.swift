import Foundation

/// A script resolved into sound: every event placed in whole frames at the output
/// rate, with everything the renderer needs and nothing it must look up again
/// except the audio files themselves. This is the contract between
/// `StillpointScript` and `StillpointAudio`; `timeline --json` prints it.
public struct Timeline: Sendable, Equatable {
    /// The script's path as given by the user.
    public var script: String
    public var settings: OutputSettings
    public var tags: Tags
    /// The track's length in frames (content end plus `tail`, or `end`).
    public var length: Int64
    /// In order of start, then of source line.
    public var events: [Event]
    public var chapters: [Chapter]
    /// Every file the track depends on (script, includes, defaults, clips, sound
    /// files), absolute, for the build's staleness check.
    public var dependencies: [URL]
    /// The version this timeline is (`versions:` or `--length`); nil for a script
    /// rendered at its one length.
    public var version: TrackVersion?
    /// The shortest and longest the script can be, in frames, when it has ranged
    /// pauses (`pause 2m..10m`); nil when its length is fixed.
    public var lengthRange: ClosedRange<Int64>?

    public init(
        script: String, settings: OutputSettings, tags: Tags, length: Int64,
        events: [Event], chapters: [Chapter], dependencies: [URL],
        version: TrackVersion? = nil, lengthRange: ClosedRange<Int64>? = nil
    ) {
        self.script = script
        self.settings = settings
        self.tags = tags
        self.length = length
        self.events = events
        self.chapters = chapters
        self.dependencies = dependencies
        self.version = version
        self.lengthRange = lengthRange
    }

    public var rate: Int { settings.rate }
    public var seconds: Double { Double(length) / Double(settings.rate) }
}

public enum AudioFormat: String, Sendable, Equatable, CaseIterable, Codable {
    case wav, flac, ogg, opus, mp3

    public var fileExtension: String { rawValue }
    public var isLossy: Bool { self == .ogg || self == .opus || self == .mp3 }
}

public enum SampleDepth: String, Sendable, Equatable, Codable {
    case int16 = "16", int24 = "24", float32 = "32f"
}

public struct OutputSettings: Sendable, Equatable {
    /// The track's main file: the first of `format: flac, mp3`.
    public var format: AudioFormat = .flac
    /// The other formats listed, each encoded from the same render beside the main file.
    public var extraFormats: [AudioFormat] = []
    /// PCM depth; ignored by the lossy formats.
    public var bits: SampleDepth = .int16
    /// 0…1, lossy formats only.
    public var quality: Double = 0.7
    public var rate: Int = 48000
    public var channels: Int = 2
    /// Target integrated loudness in LUFS; nil is `loudness: off`.
    public var loudness: Double? = -18
    /// True-peak ceiling in dBTP.
    public var peak: Double = -1
    /// Loudness every voice clip is first brought to; nil is `voice-level: off`.
    public var voiceLevel: Double? = -20
    /// How far (dB, ≤ 0) beds, plays and tones dip under voice; 0 is off.
    public var duck: Double = 0
    /// Seed for noise, so that a render is the same every time.
    public var seed: UInt64 = 1

    public init() {}

    /// Every format written, the main one first.
    public var formats: [AudioFormat] { [format] + extraFormats }
}

public struct Tags: Sendable, Equatable {
    public var title: String?
    public var artist: String?
    public var album: String?
    public var comment: String?
    public var genre: String?
    public var date: String?
    /// The `language:` the words are spoken in (a BCP 47 tag), for the published
    /// page and feed; no audio format's tags are written with it.
    public var language: String?
    /// The `cover:` picture (PNG or JPEG, inside the library), embedded in every
    /// format but WAV and shown on the published page.
    public var cover: URL?

    public init(
        title: String? = nil, artist: String? = nil, album: String? = nil,
        comment: String? = nil, genre: String? = nil, date: String? = nil, language: String? = nil, cover: URL? = nil
    ) {
        self.title = title
        self.artist = artist
        self.album = album
        self.comment = comment
        self.genre = genre
        self.date = date
        self.language = language
        self.cover = cover
    }
}

public struct Chapter: Sendable, Equatable {
    public var title: String
    public var start: Int64
    public var location: SourceLocation

    public init(title: String, start: Int64, location: SourceLocation) {
        self.title = title
        self.start = start
        self.location = location
    }
}

/// One sound on the track. `start..<end` is where it is heard (for a bed, `end` is
/// where it has faded to silence); fades lie inside that span.
public struct Event: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case say, pause, breathe, play, tone, bed
    }

    public var kind: Kind
    public var start: Int64
    public var end: Int64
    /// Clip name for `say`, sound name for `play`/named beds, nil otherwise.
    public var name: String?
    /// The transcript of a `say`.
    public var text: String?
    /// Where the cue is written (for a `repeat`, the line inside the block).
    public var location: SourceLocation
    public var source: SoundSource
    public var mix: Mix
    /// For a ranged pause (`pause 2m..10m`), the shortest and longest it may be,
    /// in frames; its length is what the track's length chose.
    public var stretch: ClosedRange<Int64>?

    public init(
        kind: Kind, start: Int64, end: Int64, name: String? = nil, text: String? = nil,
        location: SourceLocation, source: SoundSource, mix: Mix, stretch: ClosedRange<Int64>? = nil
    ) {
        self.stretch = stretch
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name
        self.text = text
        self.location = location
        self.source = source
        self.mix = mix
    }

    public var length: Int64 { end - start }
}

/// What makes the sound of an event.
public enum SoundSource: Sendable, Equatable {
    /// `pause`: nothing (beds keep running).
    case silence
    /// A voice clip; `file` is nil when the clip is missing and the render is a draft.
    case clip(ClipSource)
    case generator(Generator)
    case breathe(BreathPattern)
}

public struct ClipSource: Sendable, Equatable {
    /// Absolute path of the recording; nil for a missing clip in a draft.
    public var file: URL?
    /// Part of the recording to use, in seconds of the recording (`from … to …`).
    public var from: Double?
    public var to: Double?
    /// Cut leading and trailing silence below −50 dBFS.
    public var trim: Bool

    public init(file: URL?, from: Double? = nil, to: Double? = nil, trim: Bool = false) {
        self.file = file
        self.from = from
        self.to = to
        self.trim = trim
    }
}

public enum NoiseColor: String, Sendable, Equatable, Codable, CaseIterable {
    case white, pink, brown
}

public enum Generator: Sendable, Equatable {
    case sine(frequency: Param)
    /// Left ear frequency − beat/2, right ear frequency + beat/2.
    case binaural(frequency: Param, beat: Param)
    case isochronic(frequency: Param, pulse: Param)
    case noise(NoiseColor)
    /// Noise panned round the head, full left to full right and back, `rate` times a second.
    case spinningNoise(NoiseColor, rate: Param)
    /// Partials at 1, 2.76 and 5.40 × frequency, reaching −60 dB after `decay` seconds.
    case bell(frequency: Param, decay: Double)
    /// Frequency, its fifth and its octave, with a slow swell.
    case drone(frequency: Param)
    /// A recording, resampled to the track's rate; `loop` repeats it seamlessly.
    case file(URL, loop: Bool)
}

/// A breath-pacing tone: swells and rises in pitch through `inhale`, holds, falls
/// away through `exhale`, holds; `times` cycles. Durations are in frames.
public struct BreathPattern: Sendable, Equatable {
    public var inhale: Int64
    public var holdIn: Int64
    public var exhale: Int64
    public var holdOut: Int64
    public var times: Int

    public init(inhale: Int64, holdIn: Int64, exhale: Int64, holdOut: Int64, times: Int) {
        self.inhale = inhale
        self.holdIn = holdIn
        self.exhale = exhale
        self.holdOut = holdOut
        self.times = times
    }

    public var cycle: Int64 { inhale + holdIn + exhale + holdOut }
}

/// A value that may glide: `start` at the event's start, moving to `end` over
/// `glide` frames, then holding. With the `.even` curve frequencies glide
/// exponentially, levels linearly in dB; with `.linear` both move linearly (Hz,
/// amplitude). Pan glides linearly either way.
public struct Param: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var glide: Int64
    public var curve: GlideCurve = .even
    /// For a frequency: the phase, in cycles, its oscillator starts at (`phase`).
    public var phase: Double = 0

    public init(_ value: Double) {
        self.start = value
        self.end = value
        self.glide = 0
    }

    public init(from start: Double, to end: Double, over glide: Int64) {
        self.start = start
        self.end = end
        self.glide = glide
    }

    public var isConstant: Bool { glide == 0 || start == end }
}

/// How an event enters the mix.
public struct Mix: Sendable, Equatable {
    /// Gain in dB (see the format page for what it means per generator).
    public var level: Param
    /// −1 left … 1 right, constant power, 0 dB in both channels at the centre.
    public var pan: Param
    /// Fade lengths in frames, inside `start..<end`.
    public var fadeIn: Int64
    public var fadeOut: Int64
    /// Whether this sound dips under voice (`noduck` clears it; voice never ducks).
    public var ducks: Bool
    /// `am R depth D`: the gain throbs at R Hz; nil for a steady sound.
    public var modulation: AmplitudeModulation?

    public init(level: Param, pan: Param = Param(0), fadeIn: Int64 = 0, fadeOut: Int64 = 0, ducks: Bool) {
        self.level = level
        self.pan = pan
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
        self.ducks = ducks
    }
}
