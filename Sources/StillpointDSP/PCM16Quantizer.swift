/// Turns Float samples into 16-bit PCM with triangular (TPDF) dither of ±1 LSB,
/// from a seeded xorshift generator: deterministic, allocation-free, a few
/// operations a sample. Samples beyond full scale clip rather than wrap.
///
/// Public so that a render can quantise on its synthesis thread and hand the
/// encoder thread finished 16-bit samples (`SoundFileWriter.write(pcm16:)`): on
/// B60 that took about a second off the thread that limits a FLAC render.
public struct PCM16Quantizer: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        // xorshift must not start at 0; mix the seed so nearby seeds differ at once.
        state = (seed &+ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9 | 1
    }

    /// Writes `input`, dithered and rounded, into `output` (at least as long).
    public mutating func quantize(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Int16>) {
        var s = state
        let scale = 1 / Float(UInt32.max)
        for i in 0 ..< input.count {
            s ^= s << 13
            s ^= s >> 7
            s ^= s << 17
            // Two uniform values from one 64-bit draw; their difference is triangular on (−1, 1) LSB.
            let a = Float(UInt32(truncatingIfNeeded: s))
            let b = Float(UInt32(truncatingIfNeeded: s >> 32))
            let value = (input[i] * 32767 + (a - b) * scale).rounded()
            output[i] = Int16(min(max(value, -32768), 32767))
        }
        state = s
    }
}
