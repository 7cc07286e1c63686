/// What a `SynthVoice` synthesises, in plain values (Hz, dB, frames), so that this
/// module knows nothing of scripts or timelines: `StillpointAudio` translates a
/// timeline's `Generator` into one of these (`SynthVoice+Timeline.swift`), and the
/// DSP can be tested and benchmarked on its own.
public enum Synthesis: Sendable, Equatable {
    case sine(frequency: Glide)
    /// Left ear frequency − beat/2, right ear frequency + beat/2.
    case binaural(frequency: Glide, beat: Glide)
    case isochronic(frequency: Glide, pulse: Glide)
    case noise(NoiseSpectrum)
    /// Noise panned round the head, full left to full right and back, `spin` times a second.
    case spinningNoise(NoiseSpectrum, spin: Glide)
    /// Partials at 1, 2.76 and 5.40 × frequency, reaching −60 dB after `decay` seconds.
    case bell(frequency: Glide, decay: Double)
    /// Frequency, its fifth and its octave, with a slow swell.
    case drone(frequency: Glide)
    case breathe(BreathCycle)
}

/// A value that may glide: `start` at frame 0, moving to `end` over `frames`
/// frames, then holding. With the `.even` curve frequencies glide exponentially,
/// levels linearly in dB; with `.linear` both move linearly (Hz, amplitude), as
/// SBaGen slides. Pan glides linearly either way.
public struct Glide: Sendable, Equatable {
    /// How a glide moves from `start` to `end`.
    public enum Curve: Sendable, Equatable {
        /// Evenly in pitch (a frequency) or in dB (a level): how a listener hears a steady change.
        case even
        /// Linearly in Hz (a frequency) or in amplitude (a level).
        case linear
    }

    public var start: Double
    public var end: Double
    public var frames: Int64
    public var curve: Curve = .even
    /// For a frequency: the phase, in cycles, its oscillator starts at, so a tone
    /// can carry on from another without a seam.
    public var phase: Double = 0

    public init(_ value: Double) {
        self.init(from: value, to: value, over: 0)
    }

    public init(from start: Double, to end: Double, over frames: Int64) {
        self.start = start
        self.end = end
        self.frames = frames
    }

    public var isConstant: Bool { frames == 0 || start == end }
}

/// The colour of a noise bed: its spectrum's slope per octave (0, −3, −6 dB).
public enum NoiseSpectrum: Sendable, Equatable, CaseIterable {
    case white, pink, brown
}

/// One breath of a pacing tone, in frames: in, hold, out, hold; `times` cycles.
public struct BreathCycle: Sendable, Equatable {
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

    /// Frames in one cycle.
    public var length: Int64 { inhale + holdIn + exhale + holdOut }
}
