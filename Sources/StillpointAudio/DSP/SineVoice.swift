import StillpointScript

/// `sine F`: a pure tone of peak 1.
struct SineVoice: Sendable {
    let phase: PhaseCurve

    init(frequency: Param, rate: Int) {
        phase = PhaseCurve(frequency, rate: rate)
    }

    func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        if phase.isSteady(from: n) {
            let start = phase.glideCycles, step = phase.endRate
            var k = Double(n - phase.glide)
            for i in 0..<count {
                out[i] = FastSine.sin(cycles: start + step * k)
                k += 1
            }
            return
        }
        for i in 0..<count {
            out[i] = FastSine.sin(cycles: phase.cycles(at: n + Int64(i)))
        }
    }
}

/// `binaural F beat B`: left ear F − B/2, right ear F + B/2, each of peak 1. Each
/// ear's phase is the carrier's phase minus or plus half the beat's, so gliding
/// carrier and beat stay phase-continuous in both ears.
struct BinauralVoice: Sendable {
    let carrier: PhaseCurve
    let halfBeat: PhaseCurve

    init(frequency: Param, beat: Param, rate: Int) {
        carrier = PhaseCurve(frequency, rate: rate)
        halfBeat = PhaseCurve(beat, rate: rate, ratio: 0.5)
    }

    func render(
        from n: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?
    ) {
        guard let right else {
            for i in 0..<count {
                let frame = n + Int64(i)
                left[i] = FastSine.sin(cycles: carrier.cycles(at: frame) - halfBeat.cycles(at: frame))
            }
            return
        }
        for i in 0..<count {
            let frame = n + Int64(i)
            let c = carrier.cycles(at: frame)
            let b = halfBeat.cycles(at: frame)
            left[i] = FastSine.sin(cycles: c - b)
            right[i] = FastSine.sin(cycles: c + b)
        }
    }
}
