import Foundation

extension LineCursor {
    /// `phase L [R]`: one phase for both ears, or the left ear's and the right's.
    mutating func startingPhase() throws(LineError) -> (left: Double, right: Double) {
        let (left, spot) = try plain(for: .phase)
        guard (0...1).contains(left) else { throw LineError(column: spot.column, .expected(.phase)) }
        guard let token = peek, LineCursor.leadingNumber(Substring(token.text))?.rest.isEmpty == true else {
            return (left, left)
        }
        let (right, rightSpot) = try plain(for: .phase)
        guard (0...1).contains(right) else { throw LineError(column: rightSpot.column, .expected(.phase)) }
        return (left, right)
    }
}

extension Generator {
    /// The generator with its oscillator starting at `phase` (cycles) instead of 0:
    /// a tone that carries on from another without a seam (the SBaGen import
    /// continues each channel's phase from bed to bed). For a binaural sound the
    /// carrier starts midway between the ears and the half beat at half their difference.
    func starting(at phase: (left: Double, right: Double)) -> Generator {
        func p(_ param: Param, _ value: Double) -> Param {
            var param = param
            param.phase = value
            return param
        }
        switch self {
        case .sine(let f): return .sine(frequency: p(f, phase.left))
        case .binaural(let f, let beat):
            return .binaural(frequency: p(f, (phase.left + phase.right) / 2), beat: p(beat, (phase.right - phase.left) / 2))
        case .isochronic(let f, let pulse): return .isochronic(frequency: p(f, phase.left), pulse: pulse)
        case .drone(let f): return .drone(frequency: p(f, phase.left))
        case .bell, .noise, .spinningNoise, .file: return self
        }
    }
}
