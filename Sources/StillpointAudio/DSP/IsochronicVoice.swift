import StillpointScript

/// `isochronic F pulse R`: a tone of peak 1 switched on and off R times a second.
///
/// Each pulse cycle is on for its first half and off for the second; the on half
/// rises and falls with raised-cosine edges of `edge` of a cycle each (15 ms at
/// 10 Hz), so the gate has no corners and the tone never clicks.
struct IsochronicVoice: Sendable {
    let tone: PhaseCurve
    let pulse: PhaseCurve
    /// Length of each edge as a fraction of a pulse cycle.
    static let edge: Float = 0.15

    init(frequency: Param, pulse: Param, rate: Int) {
        tone = PhaseCurve(frequency, rate: rate)
        self.pulse = PhaseCurve(pulse, rate: rate)
    }

    func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        let edge = Self.edge
        for i in 0..<count {
            let frame = n + Int64(i)
            out[i] = FastSine.sin(cycles: tone.cycles(at: frame)) * Self.gate(FastSine.wrap(pulse.cycles(at: frame)), edge: edge)
        }
    }

    /// The gate at pulse phase `y` in [−0.5, 0.5] (0 is the start of the on half).
    @inline(__always)
    static func gate(_ y: Float, edge: Float) -> Float {
        let p = y < 0 ? y + 1 : y
        if p >= 0.5 { return 0 }
        // Distance into the on half from its nearer end, as a fraction of an edge.
        let d = min(p, 0.5 - p) / edge
        if d >= 1 { return 1 }
        return 0.5 - 0.5 * FastSine.cos(wrapped: d * 0.5)
    }
}
