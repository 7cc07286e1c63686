import Foundation

/// `breathe in I hold H out E hold H2 times N`: a soft tone (220 Hz with a gentle
/// second harmonic) that swells from silence and rises three semitones through the
/// in-breath, holds steady through hold-in, falls back in pitch and fades to
/// silence through the out-breath, and is silent through hold-out; N cycles.
///
/// Pitch and loudness move on raised-cosine curves, which start and end with zero
/// slope, so nothing clicks or jumps. The pitch curve is linear in Hz (three
/// semitones are too few to hear the difference from exponential), which keeps
/// the phase a closed form: a cycle adds a fixed number of cycles of phase, and
/// within a segment f0·t + (f1 − f0)/2·(t − T/π·sin(πt/T)) integrates the rise.
struct BreathVoice: Sendable {
    static let baseHertz = 220.0
    static let semitones = 3.0
    static let overtone: Float = 0.2

    let pattern: BreathCycle
    /// Low and high tone frequency, in cycles per frame.
    let low: Double
    let high: Double
    /// Phase added by one whole breath cycle.
    let cyclePhase: Double
    /// 1 / the peak of sin(x) + overtone·sin(2x).
    let scale: Float

    init(pattern: BreathCycle, rate: Int) {
        self.pattern = pattern
        low = Self.baseHertz / Double(rate)
        high = low * pow(2, Self.semitones / 12)
        let inOut = Double(pattern.inhale + pattern.exhale)
        cyclePhase = inOut * (low + high) / 2 + high * Double(pattern.holdIn) + low * Double(pattern.holdOut)
        var peak: Float = 0
        for k in 0..<4096 {
            peak = max(peak, abs(Self.wave(Double(k) / 4096)))
        }
        scale = 1 / peak
    }

    @inline(__always)
    static func wave(_ x: Double) -> Float {
        FastSine.sin(cycles: x) + overtone * FastSine.sin(cycles: 2 * x)
    }

    func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        let cycle = pattern.length
        guard cycle > 0 else {
            out.update(repeating: 0, count: count)
            return
        }
        let total = cycle * Int64(max(pattern.times, 0))
        var index = n / cycle
        var within = n % cycle
        for i in 0..<count {
            if n + Int64(i) >= total {
                out[i] = 0
            } else {
                let (phase, amplitude) = point(within)
                out[i] = amplitude == 0 ? 0 : amplitude * scale * Self.wave(Double(index) * cyclePhase + phase)
            }
            within += 1
            if within == cycle {
                within = 0
                index += 1
            }
        }
    }

    /// Phase (cycles since the cycle's start) and amplitude at `t` frames into a
    /// breath cycle.
    @inline(__always)
    func point(_ t: Int64) -> (Double, Float) {
        var t = t
        let rise = high - low
        let inhale = pattern.inhale, holdIn = pattern.holdIn, exhale = pattern.exhale
        if t < inhale {
            let (travel, ease) = Self.ease(t, over: inhale)
            return (low * Double(t) + rise / 2 * travel, ease)
        }
        var phase = Double(inhale) * (low + high) / 2
        t -= inhale
        if t < holdIn { return (phase + high * Double(t), 1) }
        phase += high * Double(holdIn)
        t -= holdIn
        if t < exhale {
            let (travel, ease) = Self.ease(t, over: exhale)
            return (phase + high * Double(t) - rise / 2 * travel, 1 - ease)
        }
        return (phase + Double(exhale) * (low + high) / 2 + low * Double(t - exhale), 0)
    }

    /// For t in [0, T): the raised-cosine ease (1 − cos(πt/T))/2, and its integral
    /// over frames times 2, t − T/π·sin(πt/T).
    @inline(__always)
    static func ease(_ t: Int64, over length: Int64) -> (Double, Float) {
        let half = FastSine.wrap(Double(t) / Double(2 * length))
        let integral = Double(t) - Double(length) / Double.pi * Double(FastSine.sin(wrapped: half))
        return (integral, 0.5 - 0.5 * FastSine.cos(wrapped: half))
    }
}

