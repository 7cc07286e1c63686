/// One event's generated sound, rendered block by block into `Float` buffers.
///
/// The mixer creates one voice per generator or breathing event and asks it for
/// local frames `[n, n + count)` (n counts from the event's start). Output is at
/// the 0 dB reference of the format page, so the mixer's gain 10^(L/20) gives the
/// level L: a sine's peak is 1, each binaural ear's peak is 1, the isochronic
/// tone's peak is 1, bell, drone and breathing peak at 1, and noise has the RMS of
/// a sine of peak 1 (−3.01 dBFS).
///
/// Block size never changes the samples: phases are closed forms of the frame
/// index, and the only sequential state (the pink and brown noise filters) runs
/// per sample. A render that does not continue the previous one (a `--from`
/// preview, or a first render past frame 0) warms those filters up on the half
/// second before `n`, which makes it match a full render to about 1e-9.
public struct SynthVoice: Sendable {
    enum Kind: Sendable {
        case sine(SineVoice)
        case binaural(BinauralVoice)
        case isochronic(IsochronicVoice)
        case noise(NoiseVoice)
        case spinningNoise(SpinningNoiseVoice)
        case bell(BellVoice)
        case drone(DroneVoice)
        case breathe(BreathVoice)
    }

    var kind: Kind

    /// Makes the voice for a sound.
    /// - Parameter seed: seeds noise; see `eventSeed(track:event:)`.
    public init(_ sound: Synthesis, rate: Int, seed: UInt64) {
        switch sound {
        case .sine(let frequency):
            kind = .sine(SineVoice(frequency: frequency, rate: rate))
        case .binaural(let frequency, let beat):
            kind = .binaural(BinauralVoice(frequency: frequency, beat: beat, rate: rate))
        case .isochronic(let frequency, let pulse):
            kind = .isochronic(IsochronicVoice(frequency: frequency, pulse: pulse, rate: rate))
        case .noise(let color):
            kind = .noise(NoiseVoice(color: color, rate: rate, seed: seed))
        case .spinningNoise(let color, let spin):
            kind = .spinningNoise(SpinningNoiseVoice(color: color, spin: spin, rate: rate, seed: seed))
        case .bell(let frequency, let decay):
            kind = .bell(BellVoice(frequency: frequency, decay: decay, rate: rate))
        case .drone(let frequency):
            kind = .drone(DroneVoice(frequency: frequency, rate: rate))
        case .breathe(let cycle):
            kind = .breathe(BreathVoice(pattern: cycle, rate: rate))
        }
    }

    /// A seed for one event's noise, derived from the track's `seed` setting and the
    /// event's index in the timeline, so two noise beds of one track differ while
    /// every render of the track stays the same.
    public static func eventSeed(track: UInt64, event: Int) -> UInt64 {
        NoiseVoice.mix(track &+ NoiseVoice.mix(UInt64(truncatingIfNeeded: event)))
    }

    /// 2 for binaural and spinning noise (a different signal in each ear), 1 for everything else.
    public var channels: Int {
        switch kind {
        case .binaural, .spinningNoise: 2
        default: 1
        }
    }

    /// Renders local frames `[n, n + count)`. A mono voice writes `left` and copies
    /// it to `right` when `right` is given; binaural writes its left ear to `left`
    /// and its right ear to `right` (only the left ear when `right` is nil, since a
    /// mono track cannot carry a beat).
    public mutating func render(
        from n: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?
    ) {
        guard count > 0 else { return }
        switch kind {
        case .sine(let voice): voice.render(from: n, count: count, into: left)
        case .binaural(let voice): voice.render(from: n, count: count, left: left, right: right)
        case .isochronic(let voice): voice.render(from: n, count: count, into: left)
        case .noise(var voice):
            voice.render(from: n, count: count, into: left)
            kind = .noise(voice)
        case .spinningNoise(var voice):
            voice.render(from: n, count: count, left: left, right: right)
            kind = .spinningNoise(voice)
        case .bell(let voice): voice.render(from: n, count: count, into: left)
        case .drone(let voice): voice.render(from: n, count: count, into: left)
        case .breathe(let voice): voice.render(from: n, count: count, into: left)
        }
        if channels == 1, let right {
            right.update(from: left, count: count)
        }
    }
}
