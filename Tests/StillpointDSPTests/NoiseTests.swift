import StillpointDSP
import StillpointTestSupport
import Testing

/// Each colour's RMS equals that of a 0 dB sine (−3.01 dBFS ± 0.5 dB), and its
/// spectrum falls by the colour's slope per octave (±1 dB) from 250 Hz to 4 kHz.
@Test(arguments: [(NoiseSpectrum.white, 0.0), (.pink, -3.0), (.brown, -6.0)])
func noiseHasTheRMSOfASineAndTheSlopeOfItsColour(color: NoiseSpectrum, slope: Double) {
    let out = render(voice(.noise(color), seed: 3), frames: 5 * 48000).left
    #expect(abs(SignalAnalysis.rmsDB(out) + 3.01) < 0.5, "\(color) RMS \(SignalAnalysis.rmsDB(out))")
    let spectrum = SignalAnalysis.averagedSpectrum(out, rate: 48000, segment: 4096)
    // Mean density over octave bands 250–500 … 2000–4000 Hz, fitted by least squares.
    let bands = [250.0, 500, 1000, 2000].map { spectrum.bandPowerDB($0...(2 * $0)) }
    let xs = bands.indices.map(Double.init)
    let meanX = xs.reduce(0, +) / Double(xs.count), meanY = bands.reduce(0, +) / Double(bands.count)
    let fitted = zip(xs, bands).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        / xs.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
    #expect(abs(fitted - slope) < 1, "\(color): \(fitted) dB/octave")
    // Zero-mean: no DC offset, so nothing thumps when the bed starts.
    let mean = out.reduce(0.0) { $0 + Double($1) } / Double(out.count)
    #expect(abs(mean) < 0.05)
}
