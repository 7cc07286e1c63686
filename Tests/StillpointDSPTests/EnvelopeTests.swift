import StillpointDSP
import StillpointTestSupport
import Testing

/// Fills an envelope's gains for `frames` frames in blocks of `block`.
func gains(_ envelope: GainEnvelope, frames: Int, block: Int = 4096) -> (left: [Float], right: [Float]) {
    var left = [Float](repeating: .nan, count: frames)
    var right = [Float](repeating: .nan, count: frames)
    left.withUnsafeMutableBufferPointer { l in
        right.withUnsafeMutableBufferPointer { r in
            for start in stride(from: 0, to: frames, by: block) {
                envelope.fill(
                    from: Int64(start), count: min(block, frames - start),
                    left: l.baseAddress! + start, right: r.baseAddress! + start)
            }
        }
    }
    return (left, right)
}

@Test(arguments: [
    // (frame, expected dB) for a 1-s fade-in and 2-s fade-out of a 10-s event at −10 dB.
    (0, -Double.infinity), (4800, -30.0), (24000, -16.02), (48000, -10.0),
    (384_000, -10.0), (432_000, -16.02), (470_400, -30.0),
])
func fadesAreLinearInAmplitude(frame: Int, expected: Double) {
    let out = gains(GainEnvelope(level: Glide(-10), fadeIn: 48000, fadeOut: 96000, length: 480_000), frames: 480_000, block: 1000)
    #expect(abs(SignalAnalysis.dB(Double(out.left[frame])) - expected) < 0.01 || expected == -.infinity && out.left[frame] == 0)
    #expect(out.left[frame] == out.right[frame])
}

@Test func aLevelGlideIsLinearInDBAndHolds() {
    let out = gains(GainEnvelope(level: Glide(from: -10, to: -30, over: 48000), length: 96000), frames: 96000).left
    #expect(abs(SignalAnalysis.dB(Double(out[24000])) + 20) < 0.001)
    #expect(abs(SignalAnalysis.dB(Double(out[12000])) + 15) < 0.001)
    #expect(abs(SignalAnalysis.dB(Double(out[90000])) + 30) < 0.001)
}

@Test(arguments: [(0.0, 0.0, 0.0), (-1, 3.0103, -Double.infinity), (1, -Double.infinity, 3.0103), (0.5, -5.333, 2.322)])
func panIsConstantPowerWithZeroDBAtTheCentre(pan: Double, left: Double, right: Double) {
    let out = gains(GainEnvelope(level: Glide(0), pan: Glide(pan), length: 100), frames: 100)
    for (measured, expected) in [(out.left[50], left), (out.right[50], right)] {
        if expected == -.infinity {
            #expect(abs(measured) < 1e-7)
        } else {
            #expect(abs(SignalAnalysis.dB(Double(measured)) - expected) < 0.01)
        }
    }
    #expect(abs(out.left[50] * out.left[50] + out.right[50] * out.right[50] - 2) < 1e-5)
}

@Test func aPanGlideMovesLinearlyAndTheMonoGainIgnoresPan() {
    let envelope = GainEnvelope(level: Glide(0), pan: Glide(from: -1, to: 1, over: 1000), length: 2000)
    let out = gains(envelope, frames: 2000)
    #expect(abs(out.left[500] - 1) < 1e-5 && abs(out.right[500] - 1) < 1e-5)
    #expect(out.right[1500] > 1.414 && out.left[1500] < 1e-6)
    var mono = [Float](repeating: 0, count: 10)
    mono.withUnsafeMutableBufferPointer { envelope.fill(from: 100, count: 10, left: $0.baseAddress!, right: nil) }
    #expect(mono.allSatisfy { $0 == 1 })
}

@Test func clipsFadeForAtLeastFiveMilliseconds() {
    let minimum = GainEnvelope.minimumClipFade(rate: 48000)
    #expect(minimum == 240)
    let out = gains(GainEnvelope(level: Glide(0), length: 48000, minimumFade: minimum), frames: 48000).left
    #expect(out[0] == 0)
    #expect(abs(SignalAnalysis.dB(Double(out[120])) + 6.02) < 0.01)
    #expect(out[240] == 1 && out[47759] == 1)
    #expect(abs(SignalAnalysis.dB(Double(out[47880])) + 6.02) < 0.01)
}

@Test func envelopeBlocksNeverChangeTheGains() {
    let envelope = GainEnvelope(level: Glide(from: -3, to: -20, over: 30000), pan: Glide(from: 0.7, to: -0.2, over: 20000), fadeIn: 7000, fadeOut: 9000, length: 50000)
    let small = gains(envelope, frames: 52000, block: 64), large = gains(envelope, frames: 52000, block: 8192)
    #expect(small.left == large.left && small.right == large.right)
    #expect(small.left[50000...].allSatisfy { $0 == 0 })
}
