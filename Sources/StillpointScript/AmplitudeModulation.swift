import Foundation

/// `am R [depth D]`: the sound's gain throbs R times a second, from 1 down to
/// 1 − D and back along a raised cosine, g(t) = 1 − D·(1 − cos 2πφ(t))/2, φ the
/// phase of R (which may glide). It is SBaGenX's `mixam` (broadband amplitude
/// modulation of the mix-in file, its floor 1 − D) for any sound: a bed of rain
/// that breathes at 8 Hz. The depth defaults to 0.55, SBaGenX's floor of 0.45.
public struct AmplitudeModulation: Sendable, Equatable {
    public var rate: Param
    public var depth: Double

    public static let defaultDepth = 0.55

    public init(rate: Param, depth: Double = Self.defaultDepth) {
        self.rate = rate
        self.depth = depth
    }
}

extension LineCursor {
    /// `am R [depth D]`, D from 0 to 1.
    mutating func amplitudeModulation() throws(LineError) -> (rate: GlideValue, depth: Double) {
        let rate = try glide(.frequency)
        guard accept("depth") else { return (rate, AmplitudeModulation.defaultDepth) }
        let (depth, spot) = try plain(for: .modulationDepth)
        guard (0...1).contains(depth) else { throw LineError(column: spot.column, .expectedFound(.modulationDepth, found: "\(depth)")) }
        return (rate, depth)
    }
}

extension Resolver {
    /// The modulation an option asks for, its rate in frames.
    func modulation(_ options: OptionsSyntax) -> AmplitudeModulation? {
        guard let written = options.modulation, let rate = param(written.rate) else { return nil }
        var curved = rate
        curved.curve = options.glideCurve ?? .even
        return AmplitudeModulation(rate: curved, depth: written.depth)
    }
}
