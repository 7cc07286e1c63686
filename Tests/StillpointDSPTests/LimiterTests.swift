import Foundation
import StillpointDSP
import StillpointTestSupport
import Testing

/// Runs a whole stereo signal through a limiter in blocks of `block` frames and
/// flushes it, as the renderer will.
func limit(_ left: [Float], _ right: [Float], ceiling: Double = -1, block: Int = 1000) -> (left: [Float], right: [Float], limiter: TruePeakLimiter) {
    let limiter = TruePeakLimiter(ceiling: ceiling, rate: 48000, channels: 2)
    var outLeft: [Float] = [], outRight: [Float] = []
    var bufferLeft = [Float](repeating: 0, count: max(block, limiter.latency))
    var bufferRight = bufferLeft
    func take(_ count: Int) {
        outLeft += bufferLeft[0..<count]
        outRight += bufferRight[0..<count]
    }
    for start in stride(from: 0, to: left.count, by: block) {
        let count = min(block, left.count - start)
        bufferLeft.replaceSubrange(0..<count, with: left[start..<(start + count)])
        bufferRight.replaceSubrange(0..<count, with: right[start..<(start + count)])
        let written = bufferLeft.withUnsafeMutableBufferPointer { l in
            bufferRight.withUnsafeMutableBufferPointer { r in
                limiter.process(left: l.baseAddress!, right: r.baseAddress!, count: count)
            }
        }
        take(written)
    }
    let flushed = bufferLeft.withUnsafeMutableBufferPointer { l in
        bufferRight.withUnsafeMutableBufferPointer { r in limiter.flush(left: l.baseAddress!, right: r.baseAddress!) }
    }
    take(flushed)
    return (outLeft, outRight, limiter)
}

/// 2.5 s: a quiet 220 Hz tone at −20 dBFS, with a 0.3-s burst from 0.5 s of a
/// 997 Hz tone (left) and 3 kHz tone (right) peaking 6 dB over a −1 dBTP ceiling.
func burst() -> (left: [Float], right: [Float]) {
    let over = Float(pow(10, 5.0 / 20))
    let quiet = Float(pow(10, -20.0 / 20))
    var left = [Float](), right = [Float]()
    for n in 0..<120_000 {
        let t = Double(n) / 48000
        let loud: Float = (24000..<38400).contains(n) ? over : 0
        left.append(quiet * Float(sin(2 * .pi * 220 * t)) + loud * Float(sin(2 * .pi * 997 * t)))
        right.append(quiet * Float(sin(2 * .pi * 220 * t)) + loud * Float(sin(2 * .pi * 3000 * t + 0.3)))
    }
    return (left, right)
}

@Test func peaksSixDBOverTheCeilingComeOutUnderIt() {
    let input = burst()
    let out = limit(input.left, input.right)
    for channel in [out.left, out.right] {
        let truePeak = SignalAnalysis.dB(SignalAnalysis.truePeak(Array(channel[23000..<40000])))
        #expect(truePeak <= -1.0 + 0.01, "true peak \(truePeak) dBTP")
        #expect(truePeak > -1.5, "limited to \(truePeak) dBTP: more than needed")
    }
    // The deepest reduction is what the loudest true peak needed, no more.
    let needed = -1 - SignalAnalysis.dB(SignalAnalysis.truePeak(Array(input.right[24000..<38400])))
    #expect(abs(SignalAnalysis.dB(Double(out.limiter.smallestGain)) - needed) < 0.2)
}

@Test func quietPartsPassUntouchedAndInTime() {
    let input = burst()
    let out = limit(input.left, input.right, block: 777)
    #expect(out.left.count == input.left.count && out.right.count == input.right.count)
    // Before the look-ahead reaches the burst, and once the release is over, the
    // output is the input, sample for sample: no delay, no gain.
    #expect(zip(out.left[0..<23500], input.left[0..<23500]).allSatisfy { $0 == $1 })
    #expect(zip(out.right[110_000...], input.right[110_000...]).allSatisfy { $0 == $1 })
}

@Test func gainReductionIsInPlaceBeforeThePeakAndReleasesSmoothly() {
    let input = burst()
    let out = limit(input.left, input.right)
    // Gain = output / input where the input is large enough to read it.
    let gain = (23000..<120_000).map { n -> Double in
        abs(input.left[n]) > 0.05 ? Double(out.left[n] / input.left[n]) : .nan
    }
    let onset = 24000 - 23000
    // The first frames of the burst are already turned down by the full amount.
    let atOnset = gain[onset..<(onset + 50)].filter { !$0.isNaN }
    #expect(atOnset.allSatisfy { SignalAnalysis.dB($0) < -5.5 })
    // The reduction starts no earlier than the look-ahead (5 ms + a few frames).
    let early = gain[0..<(onset - 300)].filter { !$0.isNaN }
    #expect(early.allSatisfy { abs($0 - 1) < 1e-6 })
    // Through the burst the gain stays put (no pumping on a steady tone).
    let held = gain[(onset + 500)..<(onset + 14000)].filter { !$0.isNaN }
    #expect((held.max()! / held.min()!) < 1.01)
    // After the burst it comes back over a few hundred milliseconds, not at once.
    let after = 38400 - 23000
    let soon = gain[(after + 100)..<(after + 600)].filter { !$0.isNaN }
    #expect(soon.allSatisfy { SignalAnalysis.dB($0) < -1 })
}

@Test(arguments: [1, 100, 253, 4096])
func theOutputHasExactlyTheInputsLengthAndLatency(block: Int) {
    let limiter = TruePeakLimiter(ceiling: -1, rate: 48000, channels: 2)
    #expect(limiter.latency == 6 + 240 - 1 + 8)
    // An impulse well under the ceiling comes out at its own frame.
    var input = [Float](repeating: 0, count: 3000)
    input[1234] = 0.25
    let out = limit(input, input, block: block)
    #expect(out.left.count == 3000)
    #expect(out.left.firstIndex(of: 0.25) == 1234)
    #expect(SignalAnalysis.offset(of: Array(input[1000..<1500]), in: out.left) == 1000)
}

@Test func aStreamShorterThanTheLatencyStillComesOutWhole() {
    let input: [Float] = [0.1, -0.2, 0.3]
    let out = limit(input, input)
    #expect(out.left == input)
}
