import StillpointScript

/// One tone of a tone-set, as SBaGen reads it (`200+10/20`, `pink/30`, …).
/// Numbers keep SBaGen's own meaning: `beat` is signed as written (`C+B`: the
/// left ear is C + B/2), `amplitude` is a share of full scale out of 100.
public struct Tone: Sendable, Hashable {
    public enum Kind: Sendable, Equatable, Hashable {
        /// `C+B/A`, `C-B/A`, `C/A` (beat 0).
        case binaural
        /// `C@P/A` (SBaGenX): `beat` is the pulse rate.
        case isochronic
        case noise(NoiseColor)
        /// `spin:W+R/A`, `bspin:`, `wspin:`: `carrier` is the width in µs, `beat` the rate.
        case spin(NoiseColor)
        /// `mix/A`: the mix-in file.
        case mix
        /// `bell+F/A`: one ping where the set starts.
        case bell
    }

    public var kind: Kind
    public var carrier: Double
    public var beat: Double
    public var amplitude: Double
    /// `mixam:R` in the set of a `mix/` tone: the mix-in file throbs at R Hz (`am R`).
    public var modulation: Double?

    public init(_ kind: Kind, carrier: Double = 0, beat: Double = 0, amplitude: Double) {
        self.kind = kind
        self.carrier = carrier
        self.beat = beat
        self.amplitude = amplitude
    }

    /// The same tone at another amplitude.
    func at(amplitude: Double) -> Tone {
        var tone = self
        tone.amplitude = amplitude
        return tone
    }

    /// Whether the tone has a pitch (fades through silence when it changes under `-`).
    var isPitched: Bool { kind == .binaural || kind == .isochronic }
}

/// `name: tone tone …`: each tone sits in its channel (first tone channel 1, …),
/// which is how SBaGen pairs the tones of one set with the next.
public struct ToneSet: Sendable, Equatable {
    public var name: String
    /// nil where a channel is `-` (not in use) or holds what Stillpoint leaves out.
    public var tones: [Tone?]
    public var location: SourceLocation
    /// The definition as written, kept as a comment in the imported session.
    public var text: String
}

/// One time line after blocks are expanded and times placed on the track.
public struct ScheduledSet: Sendable, Equatable {
    /// Seconds from the track's start.
    public var time: Double
    public var set: String
    /// SBaGen's fade-in character (`<`, `-`, `=`) and fade-out (`>`, `-`, `=`).
    public var fadeIn: Character
    public var fadeOut: Character
    /// `->`: the whole stretch to the next line is a slide.
    public var slides: Bool
    public var location: SourceLocation
    /// The time line as written (the block use, for a line made by a block).
    public var text: String
}

/// A whole schedule: what the parser read, before transitions are worked out.
public struct Schedule: Sendable {
    /// The schedule's path as shown in diagnostics.
    public var path: String = ""
    public var sets: [String: ToneSet] = [:]
    /// Names in order of definition, for the writer.
    public var setOrder: [String] = []
    public var lines: [ScheduledSet] = []
    /// `-m FILE` as written, and where.
    public var mixFile: (name: String, location: SourceLocation)?
    /// `-r RATE`.
    public var rate: Int?
    /// Where the track ends, in seconds (the last time line, or the program's end).
    public var end: Double = 0
    /// Whole-line comments with the line they stand on, kept in the session.
    public var comments: [(line: Int, text: String)] = []
}
