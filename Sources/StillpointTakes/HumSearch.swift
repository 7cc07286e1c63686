import Foundation

/// Finds mains hum in a take's pauses: the 50 or 60 Hz family whose harmonics
/// stand out of the noise around them, and each harmonic's exact frequency, so
/// that narrow notches take the hum and leave the voice.
///
/// The spectrum is averaged over windows of half a second or more (resolution
/// under 2 Hz), each inside one pause so that no edge smears the lines.
enum HumSearch {
    /// A harmonic counts when it stands this far above its neighbourhood.
    static let harmonicProminence = 6.0
    /// The family is hum only if one of its lines stands out this far.
    static let familyProminence = 10.0
    /// Harmonics above this are left alone: hum's energy is below it.
    static let highest = 1000.0

    /// The frequencies to notch (empty when there is no hum), from pause audio
    /// with the DC already removed.
    static func frequencies(in pauses: [[Float]], rate: Int) -> [Double] {
        var size = 1
        while size < rate / 2 { size *= 2 }
        guard let longest = pauses.map(\.count).max(), longest >= size / 2 else { return [] }
        if longest < size { size /= 2 }
        let window = (0 ..< size).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(size))) }
        guard let power = RealFFT(size: size).meanPower(of: pauses, window: window) else { return [] }
        let binWidth = Double(rate) / Double(size)
        let families = [50.0, 60.0].map { lines(base: $0, power, binWidth: binWidth, rate: rate) }
        let scores = families.map { family in
            family.filter { Int(($0.frequency).rounded()) % 300 != 0 }.reduce(0) { $0 + max(0, $1.prominence - harmonicProminence) }
        }
        let best = scores[0] >= scores[1] ? 0 : 1
        guard families[best].contains(where: { $0.prominence >= familyProminence }) else { return [] }
        return families[best].filter { $0.prominence >= harmonicProminence }.map(\.frequency)
    }

    private struct Line {
        var frequency: Double
        var prominence: Double
    }

    /// Each harmonic of `base`: its peak, refined between bins by a parabola
    /// through the log powers, and how far it stands above the median around it.
    private static func lines(base: Double, _ power: [Double], binWidth: Double, rate: Int) -> [Line] {
        var result: [Line] = []
        var harmonic = 1.0
        while harmonic * base <= min(highest, Double(rate) / 2 - 100) {
            let centre = Int((harmonic * base / binWidth).rounded())
            let reach = max(1, Int((1.5 / binWidth).rounded(.up)))
            let candidates = max(1, centre - reach) ... min(power.count - 2, centre + reach)
            let peak = candidates.max { power[$0] < power[$1] } ?? centre
            let around = (max(1, centre - 15) ... min(power.count - 1, centre + 15))
                .filter { abs($0 - centre) > reach + 2 }.map { power[$0] }.sorted()
            harmonic += 1
            guard !around.isEmpty, power[peak] > 0 else { continue }
            let median = around[around.count / 2]
            let (a, b, c) = (log(power[peak - 1] + 1e-30), log(power[peak] + 1e-30), log(power[peak + 1] + 1e-30))
            let shift = (a - 2 * b + c) == 0 ? 0 : 0.5 * (a - c) / (a - 2 * b + c)
            result.append(Line(
                frequency: (Double(peak) + max(-0.5, min(0.5, shift))) * binWidth,
                prominence: 10 * log10(power[peak] / max(median, 1e-30))))
        }
        return result
    }
}
