/// `drone F`: a soft pad of F, its fifth (1.5F) and its octave (2F), with a slow
/// swell: each partial's amplitude dips and recovers once every `swellPeriod`
/// seconds, a third of a period apart, so the colour of the pad turns slowly while
/// its loudness moves only a little.
///
/// The partials are harmonics of F/2, so the waveform's shape at any moment depends
/// only on the three amplitudes; the peak over the whole swell is found once by
/// scanning a grid of swell positions and waveform phases, and the sound is scaled
/// so that peak is 1 (within 1e-3 dB).
struct DroneVoice: Sendable {
    static let ratios: (Double, Double, Double) = (1, 1.5, 2)
    /// Amplitude of each partial at the top of its swell, and how deep it dips.
    static let base: (Float, Float, Float) = (1, 0.5, 0.35)
    static let depth: (Float, Float, Float) = (0.3, 0.6, 0.6)
    static let swellPeriod = 10.0

    let fundamental: PhaseCurve
    /// Swell cycles per frame.
    let swellRate: Double
    /// 1 / the peak of the unscaled sound.
    private(set) var scale: Float = 1

    init(frequency: Glide, rate: Int) {
        fundamental = PhaseCurve(frequency, rate: rate)
        swellRate = 1 / (Self.swellPeriod * Double(rate))
        scale = 1 / Self.peak
    }

    /// The three amplitudes at swell positions `s` (cycles).
    @inline(__always)
    static func amplitudes(swell s: FastSine.Phases) -> (FastSine.Lanes, FastSine.Lanes, FastSine.Lanes) {
        func dip(_ offset: Double) -> FastSine.Lanes {
            0.5 - 0.5 * FastSine.cos(wrapped: FastSine.wrap(s + offset))
        }
        return (
            base.0 * (1 - depth.0 * dip(0)),
            base.1 * (1 - depth.1 * dip(1.0 / 3)),
            base.2 * (1 - depth.2 * dip(2.0 / 3)))
    }

    @inline(__always)
    static func wave(
        _ x: FastSine.Phases, _ a: (FastSine.Lanes, FastSine.Lanes, FastSine.Lanes)
    ) -> FastSine.Lanes {
        a.0 * FastSine.sin(cycles: x * ratios.0) + a.1 * FastSine.sin(cycles: x * ratios.1)
            + a.2 * FastSine.sin(cycles: x * ratios.2)
    }

    /// Peak of the unscaled sound over 128 swell positions × 4096 phases of the
    /// waveform's period (two cycles of F).
    static let peak: Float = {
        var peak: Float = 0
        for s in 0..<128 {
            let a = amplitudes(swell: FastSine.Phases(repeating: Double(s) / 128))
            for k in stride(from: 0, to: 4096, by: FastSine.Lanes.scalarCount) {
                let w = wave(FastSine.frames(from: Int64(k)) / 2048, a)
                peak = max(peak, w.max(), -w.min())
            }
        }
        return peak
    }()

    func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        FastSine.fill(out, from: n, count: count) {
            let a = Self.amplitudes(swell: swellRate * FastSine.frames(from: $0))
            return scale * Self.wave(fundamental.cycles(lanesFrom: $0), a)
        }
    }
}
