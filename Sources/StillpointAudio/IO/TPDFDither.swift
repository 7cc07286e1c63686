/// Triangular (TPDF) dither of ±1 LSB for a given integer depth, from a seeded
/// xorshift generator: deterministic, allocation-free, a few operations a sample.
struct TPDFDither {
    private var state: UInt64
    private let lsb: Float

    init(seed: UInt64, bits: Int) {
        // xorshift must not start at 0; mix the seed so nearby seeds differ at once.
        state = (seed &+ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9 | 1
        lsb = 1 / Float(1 << (bits - 1))
    }

    /// Writes `input + noise` into `output` (at least as long as `input`).
    mutating func apply(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        var s = state
        let scale = lsb / Float(UInt32.max)
        for i in 0 ..< input.count {
            s ^= s << 13
            s ^= s >> 7
            s ^= s << 17
            // Two uniform values from one 64-bit draw; their difference is triangular on (−1, 1) LSB.
            let a = Float(UInt32(truncatingIfNeeded: s))
            let b = Float(UInt32(truncatingIfNeeded: s >> 32))
            output[i] = input[i] + (a - b) * scale
        }
        state = s
    }
}
