import Foundation

/// How a glide moves from its first value to its second. Stillpoint's own glides
/// are `.even` (a frequency evenly in pitch, a level evenly in dB), which is how
/// a listener hears a steady change. SBaGen slides every tone linearly in Hz and
/// in amplitude; `glide linear` on a sound gives that, so that an imported
/// schedule sounds as it did.
public enum GlideCurve: String, Sendable, Equatable, Codable, CaseIterable {
    case even, linear
}

extension LineCursor {
    /// The word after `glide`: `even` or `linear`.
    mutating func glideCurve() throws(LineError) -> GlideCurve {
        guard let token = peek, token.kind == .word else {
            throw LineError(column: endColumn, .expected(.glideCurve))
        }
        guard let curve = GlideCurve(rawValue: token.lowercased) else {
            throw LineError(column: token.column, .expectedFound(.glideCurve, found: token.text))
        }
        _ = next()
        return curve
    }
}

extension Generator {
    /// The generator with every frequency it glides moving along `curve`.
    func gliding(_ curve: GlideCurve) -> Generator {
        func c(_ p: Param) -> Param {
            var p = p
            p.curve = curve
            return p
        }
        switch self {
        case .sine(let f): return .sine(frequency: c(f))
        case .binaural(let f, let beat): return .binaural(frequency: c(f), beat: c(beat))
        case .isochronic(let f, let pulse): return .isochronic(frequency: c(f), pulse: c(pulse))
        case .bell(let f, let decay): return .bell(frequency: c(f), decay: decay)
        case .drone(let f): return .drone(frequency: c(f))
        case .spinningNoise(let colour, let rate): return .spinningNoise(colour, rate: c(rate))
        case .noise, .file: return self
        }
    }
}
