import StillpointDSP
import StillpointTestSupport
import Testing

/// Fills a duck envelope for track frames `range` in blocks of `block`.
func duckGains(_ duck: DuckEnvelope, _ range: Range<Int>, block: Int = 4096) -> [Float] {
    var duck = duck
    var out = [Float](repeating: .nan, count: range.count)
    out.withUnsafeMutableBufferPointer { buffer in
        for start in stride(from: range.lowerBound, to: range.upperBound, by: block) {
            duck.fill(from: Int64(start), count: min(block, range.upperBound - start), into: buffer.baseAddress! + (start - range.lowerBound))
        }
    }
    return out
}

/// A voice clip from 2 s to 4 s at 1 kHz, another from 4.5 s to 5 s (a gap of
/// 0.5 s, shorter than release + attack), a third from 10 s to 11 s.
let voices: [Range<Int64>] = [10000..<11000, 2000..<4000, 4500..<5000]
let duck = DuckEnvelope(depth: -8, voices: voices, rate: 1000)

@Test(arguments: [
    (1000, 0.0), (1700, 0.0), (1850, -4.0), (2000, -8.0), (3000, -8.0),
    (4200, -8.0), (5000, -8.0), (5500, -4.0), (6000, 0.0), (9700, 0.0), (9775, -2.0), (11250, -6.0), (12500, 0.0),
])
func duckingRampsDownBeforeVoiceAndBackAfter(frame: Int, expected: Double) {
    let out = duckGains(duck, 0..<13000)
    #expect(abs(SignalAnalysis.dB(Double(out[frame])) - expected) < 0.01, "at \(frame) ms")
}

@Test func duckingIsTheSameForAnyBlockSizeAndAfterAJumpBack() {
    let whole = duckGains(duck, 0..<13000, block: 8192)
    #expect(duckGains(duck, 0..<13000, block: 64) == whole)
    var jumping = duck
    var first = [Float](repeating: 0, count: 3000), again = [Float](repeating: 0, count: 3000)
    first.withUnsafeMutableBufferPointer { jumping.fill(from: 9000, count: 3000, into: $0.baseAddress!) }
    again.withUnsafeMutableBufferPointer { jumping.fill(from: 1000, count: 3000, into: $0.baseAddress!) }
    #expect(Array(whole[9000..<12000]) == first)
    #expect(Array(whole[1000..<4000]) == again)
}

@Test func noDuckLeavesTheGainAtOne() {
    let off = DuckEnvelope(depth: 0, voices: voices, rate: 1000)
    #expect(!off.isActive)
    #expect(duckGains(off, 0..<13000).allSatisfy { $0 == 1 })
}
