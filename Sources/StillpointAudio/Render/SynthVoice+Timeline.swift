public import StillpointDSP
import StillpointScript

/// The timeline's words for sounds in the DSP's plain values: `StillpointDSP`
/// knows no script types (so it builds, tests and benchmarks on its own), and
/// this is the one place that translates between the two.
extension SynthVoice {
    /// The voice for an event's source, or nil when the source is not synthesised
    /// (silence, a clip, a file).
    /// - Parameter seed: seeds noise; see `eventSeed(track:event:)`.
    init?(source: SoundSource, rate: Int, seed: UInt64) {
        switch source {
        case .generator(let generator):
            guard let sound = Synthesis(generator) else { return nil }
            self.init(sound, rate: rate, seed: seed)
        case .breathe(let pattern):
            self.init(.breathe(BreathCycle(
                inhale: pattern.inhale, holdIn: pattern.holdIn, exhale: pattern.exhale, holdOut: pattern.holdOut,
                times: pattern.times)), rate: rate, seed: seed)
        case .silence, .clip:
            return nil
        }
    }
}

extension Synthesis {
    /// nil for `.file`, which is a decoded recording rather than a synthesised sound.
    init?(_ generator: Generator) {
        switch generator {
        case .sine(let frequency): self = .sine(frequency: Glide(frequency))
        case .binaural(let frequency, let beat): self = .binaural(frequency: Glide(frequency), beat: Glide(beat))
        case .isochronic(let frequency, let pulse):
            self = .isochronic(frequency: Glide(frequency), pulse: Glide(pulse))
        case .noise(let color): self = .noise(NoiseSpectrum(color))
        case .spinningNoise(let color, let spin): self = .spinningNoise(NoiseSpectrum(color), spin: Glide(spin))
        case .bell(let frequency, let decay): self = .bell(frequency: Glide(frequency), decay: decay)
        case .drone(let frequency): self = .drone(frequency: Glide(frequency))
        case .file: return nil
        }
    }
}

extension NoiseSpectrum {
    init(_ color: NoiseColor) {
        switch color {
        case .white: self = .white
        case .pink: self = .pink
        case .brown: self = .brown
        }
    }
}

extension Glide {
    init(_ param: Param) {
        self.init(from: param.start, to: param.end, over: param.glide)
        curve = Curve(param.curve)
        phase = param.phase
    }
}

extension Glide.Curve {
    init(_ curve: GlideCurve) {
        switch curve {
        case .even: self = .even
        case .linear: self = .linear
        }
    }
}

extension GainEnvelope {
    /// The gains of an event that enters the mix as `mix` says; public for the
    /// timeline picture, which draws a bed's level with the mixer's own envelope.
    /// - Parameter rate: the track's rate, for an `am` modulation's phase.
    public init(mix: Mix, length: Int64, minimumFade: Int64 = 0, rate: Int = 48000) {
        self.init(
            level: Glide(mix.level), pan: Glide(mix.pan), fadeIn: mix.fadeIn, fadeOut: mix.fadeOut, length: length,
            minimumFade: minimumFade,
            modulator: mix.modulation.map { AmplitudeModulator(frequency: Glide($0.rate), depth: $0.depth, rate: rate) })
    }
}
