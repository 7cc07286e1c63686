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

    init(frequency: Glide, pulse: Glide, rate: Int) {
        tone = PhaseCurve(frequency, rate: rate)
        self.pulse = PhaseCurve(pulse, rate: rate)
    }

    func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        FastSine.fill(out, from: n, count: count) {
            FastSine.sin(cycles: tone.cycles(lanesFrom: $0)) * Self.gate(FastSine.wrap(pulse.cycles(lanesFrom: $0)))
        }
    }

    /// The gate at pulse phase `y` in [−0.5, 0.5] (0 is the start of the on half):
    /// 0 through the off half, 1 in the middle of the on half, raised-cosine edges.
    @inline(__always)
    static func gate(_ y: FastSine.Lanes) -> FastSine.Lanes {
        let p = y.replacing(with: y + 1, where: y .< 0)
        // Distance into the on half from its nearer end, as a fraction of an edge.
        let rest = 0.5 - p
        let d = p.replacing(with: rest, where: rest .< p) / edge
        var gate = 0.5 - 0.5 * FastSine.cos(wrapped: d * 0.5)
        gate.replace(with: 1, where: d .>= 1)
        gate.replace(with: 0, where: p .>= 0.5)
        return gate
    }
}
