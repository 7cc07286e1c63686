import Foundation

extension Parser {
    /// `noise COLOUR [spin R]`: after the colour, an optional spin rate makes the
    /// noise travel round the head (SBaGen's `spin:`), written as a frequency that
    /// may glide like any other.
    func spinningNoise(_ colour: NoiseColor, _ cursor: inout LineCursor) throws(LineError) -> GeneratorSyntax {
        guard cursor.accept("spin") else { return .noise(colour) }
        return .spinningNoise(colour, rate: try cursor.glide(.frequency))
    }
}
