/// `sine F`: a pure tone of peak 1.
struct SineVoice: Sendable {
    let phase: PhaseCurve

    init(frequency: Glide, rate: Int) {
        phase = PhaseCurve(frequency, rate: rate)
    }

    func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        FastSine.fill(out, from: n, count: count) { FastSine.sin(cycles: phase.cycles(lanesFrom: $0)) }
    }
}

/// `binaural F beat B`: left ear F − B/2, right ear F + B/2, each of peak 1. Each
/// ear's phase is the carrier's phase minus or plus half the beat's, so gliding
/// carrier and beat stay phase-continuous in both ears.
struct BinauralVoice: Sendable {
    let carrier: PhaseCurve
    let halfBeat: PhaseCurve

    init(frequency: Glide, beat: Glide, rate: Int) {
        carrier = PhaseCurve(frequency, rate: rate)
        halfBeat = PhaseCurve(beat, rate: rate, ratio: 0.5)
    }

    func render(
        from n: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?
    ) {
        guard let right else {
            FastSine.fill(left, from: n, count: count) {
                FastSine.sin(cycles: carrier.cycles(lanesFrom: $0) - halfBeat.cycles(lanesFrom: $0))
            }
            return
        }
        FastSine.fill(left, right, from: n, count: count) {
            let c = carrier.cycles(lanesFrom: $0), b = halfBeat.cycles(lanesFrom: $0)
            return (FastSine.sin(cycles: c - b), FastSine.sin(cycles: c + b))
        }
    }
}
