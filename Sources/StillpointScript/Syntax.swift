import Foundation

/// A spot in the file being parsed; the file is known from the `SyntaxFile`.
struct Spot: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// A number with a unit that may glide (`10 Hz -> 6 Hz over 3m`), in the unit's
/// base (Hz, dB, LUFS, pan position); `over` is in seconds, 0 when constant.
struct GlideValue: Sendable, Equatable {
    var start: Double
    var end: Double
    var over: Double
    var spot: Spot
    /// Where the glide's end value is written, for "out of range" errors.
    var endSpot: Spot

    init(_ value: Double, at spot: Spot) {
        start = value
        end = value
        over = 0
        self.spot = spot
        endSpot = spot
    }
}

/// A duration as written, in seconds.
struct DurationValue: Sendable, Equatable {
    var seconds: Double
    var spot: Spot
}

/// A duration that may stretch (`2m..10m`): `longest` is nil when it is fixed.
/// How far it stretches is decided when the track's length is (`length:`).
struct StretchValue: Sendable, Equatable {
    var shortest: DurationValue
    var longest: DurationValue?
}

enum GeneratorSyntax: Sendable, Equatable {
    case sine(GlideValue)
    case binaural(GlideValue, beat: GlideValue)
    case isochronic(GlideValue, pulse: GlideValue)
    case noise(NoiseColor)
    /// `noise pink spin 4 Hz`: see `Generator.spinningNoise`.
    case spinningNoise(NoiseColor, rate: GlideValue)
    case bell(GlideValue, decay: DurationValue?)
    case drone(GlideValue)
    case file(path: String, spot: Spot, loop: Bool)
    /// A name defined with `sound`.
    case sound(name: String, spot: Spot)

    /// Generators that stop by themselves: `play` needs no `for`.
    var endsByItself: Bool {
        switch self {
        case .bell, .file: true
        default: false
        }
    }
}

/// The options a cue or a sound may carry; nil means "not written", so that a
/// cue's options replace exactly the ones it writes of the sound it plays.
struct OptionsSyntax: Sendable, Equatable {
    static func == (a: OptionsSyntax, b: OptionsSyntax) -> Bool {
        a.level == b.level && a.fadeIn == b.fadeIn && a.fadeOut == b.fadeOut && a.pan == b.pan && a.noduck == b.noduck
            && a.trim == b.trim && a.from == b.from && a.to == b.to && a.loop == b.loop && a.times == b.times
            && a.duration == b.duration && a.glideCurve == b.glideCurve
            && a.modulation?.rate == b.modulation?.rate && a.modulation?.depth == b.modulation?.depth
            && a.phase?.left == b.phase?.left && a.phase?.right == b.phase?.right
    }

    var level: GlideValue?
    var fadeIn: DurationValue?
    var fadeOut: DurationValue?
    var pan: GlideValue?
    var noduck = false
    var trim = false
    var from: DurationValue?
    var to: DurationValue?
    var loop = false
    var times: Int?
    var duration: DurationValue?
    /// `glide linear`: every glide of the sound moves linearly (see `GlideCurve`).
    var glideCurve: GlideCurve?
    /// `am R [depth D]`: see `AmplitudeModulation`.
    var modulation: (rate: GlideValue, depth: Double)?
    /// `phase L [R]`: where the oscillator starts, in cycles (left ear, right ear).
    var phase: (left: Double, right: Double)?

    /// Options of `self` win over those of `base` (a cue over its sound).
    func replacing(_ base: OptionsSyntax) -> OptionsSyntax {
        var merged = self
        merged.level = level ?? base.level
        merged.fadeIn = fadeIn ?? base.fadeIn
        merged.fadeOut = fadeIn != nil ? fadeOut : base.fadeOut
        merged.pan = pan ?? base.pan
        merged.noduck = noduck || base.noduck
        merged.loop = loop || base.loop
        merged.duration = duration ?? base.duration
        merged.glideCurve = glideCurve ?? base.glideCurve
        merged.modulation = modulation ?? base.modulation
        merged.phase = phase ?? base.phase
        return merged
    }
}

enum TimePrefix: Sendable, Equatable {
    /// `+4s` (or `+2m..10m`): the spine moves later first.
    case after(StretchValue)
    /// `at 14:00` / `14:00`: the spine jumps to that time on the track.
    case at(DurationValue)
    /// `at end -3m`: the spine jumps to that long before the track's end.
    case beforeEnd(DurationValue)
}

enum Action: Sendable, Equatable {
    case say(clip: String, clipSpot: Spot, text: String?)
    case pause(StretchValue)
    case breathe(inhale: DurationValue, holdIn: DurationValue?, exhale: DurationValue, holdOut: DurationValue?)
    case play(GeneratorSyntax)
    case tone(GeneratorSyntax)
    case bed(name: String?, nameSpot: Spot?, GeneratorSyntax)
    case stop(name: String, nameSpot: Spot)
}

struct Cue: Sendable, Equatable {
    var prefix: TimePrefix?
    var action: Action
    var options: OptionsSyntax
    /// Where the cue's keyword is written (the event's location).
    var spot: Spot
}

struct SettingSyntax: Sendable {
    var name: String
    var spot: Spot
    /// The value's words, with `name:` blanked out so that their columns are true.
    var value: [Token]
    /// The value as written (quotes removed when it is one quoted text).
    var raw: String
    var valueSpot: Spot
}

struct SoundSyntax: Sendable, Equatable {
    var name: String
    var spot: Spot
    var generator: GeneratorSyntax
    var options: OptionsSyntax
}

/// `every D CUE [from T] [until T]`: an underneath cue repeated every `interval`
/// (random within it when it is a range), expanded into events when resolved.
struct EverySyntax: Sendable, Equatable {
    var interval: StretchValue
    /// A `play` or `tone`, with no prefix.
    var cue: Cue
    var from: DurationValue?
    var until: DurationValue?
    /// `until end -D`: that long before the track's end.
    var untilBeforeEnd: DurationValue?
    var spot: Spot
}

indirect enum Statement: Sendable {
    case setting(SettingSyntax)
    case sound(SoundSyntax)
    case cue(Cue)
    case repeatBlock(count: Int, body: [Statement], spot: Spot)
    case include(path: String, spot: Spot)
    case chapter(title: String, spot: Spot)
    /// `end T` (absolute) or `end +D` (after the content).
    case end(DurationValue, relative: Bool, spot: Spot)
    case every(EverySyntax)
}

/// One parsed file: its statements and the text, kept for quoting lines in
/// diagnostics.
struct SyntaxFile: Sendable {
    var url: URL
    var source: SourceText
    var statements: [Statement]
}
