import Foundation

/// The K-weighting pre-filter of ITU-R BS.1770 for one channel, at any rate: the
/// two biquads' coefficients are derived from the analogue prototypes exactly as
/// libebur128 derives them, so 48 kHz gives the standard's published values.
struct KWeighting {
    private let b: (Double, Double, Double)
    private let a: (Double, Double, Double, Double)
    /// Direct form I history: inputs and outputs of the cascade.
    private var x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0, z1 = 0.0, z2 = 0.0

    init(rate: Int) {
        let fs = Double(rate)
        var k = tan(Double.pi * 1681.974450955533 / fs)
        let vh = pow(10, 3.999843853973347 / 20), vb = pow(vh, 0.4996667741545416)
        var q = 0.7071752369554196
        let a0 = 1 + k / q + k * k
        let shelf = (b0: (vh + vb * k / q + k * k) / a0, b1: 2 * (k * k - vh) / a0, b2: (vh - vb * k / q + k * k) / a0,
                     a1: 2 * (k * k - 1) / a0, a2: (1 - k / q + k * k) / a0)
        k = tan(Double.pi * 38.13547087602444 / fs)
        q = 0.5003270373238773
        let hp = (a1: 2 * (k * k - 1) / (1 + k / q + k * k), a2: (1 - k / q + k * k) / (1 + k / q + k * k))
        b = (shelf.b0, shelf.b1, shelf.b2)
        a = (shelf.a1, shelf.a2, hp.a1, hp.a2)
    }

    /// Filters `count` samples and returns the sum of their squares after the
    /// filter; raises `peak` to the block's sample peak (before the filter).
    mutating func meanSquareSum(_ x: UnsafePointer<Float>, count: Int, peak: inout Float) -> Double {
        var sum = 0.0
        var top = peak
        var x1 = self.x1, x2 = self.x2, y1 = self.y1, y2 = self.y2, z1 = self.z1, z2 = self.z2
        for i in 0..<count {
            let input = Double(x[i])
            top = max(top, abs(x[i]))
            // High shelf, then the high-pass (numerator 1, −2, 1).
            let y = b.0 * input + b.1 * x1 + b.2 * x2 - a.0 * y1 - a.1 * y2
            let z = y - 2 * y1 + y2 - a.2 * z1 - a.3 * z2
            x2 = x1; x1 = input
            y2 = y1; y1 = y
            z2 = z1; z1 = z
            sum += z * z
        }
        self.x1 = x1; self.x2 = x2; self.y1 = y1; self.y2 = y2; self.z1 = z1; self.z2 = z2
        peak = top
        return sum
    }

    /// Both channels of a stereo block in one loop: each filter is a chain of
    /// dependent steps, and running two chains side by side lets the processor
    /// overlap them (measured: nearly twice as fast as one channel after the other).
    static func meanSquareSum(
        _ left: inout KWeighting, _ l: UnsafePointer<Float>, _ right: inout KWeighting, _ r: UnsafePointer<Float>,
        count: Int, peak: inout Float
    ) -> Double {
        var sum = 0.0
        var top = peak
        var f = left, g = right
        let b = f.b, a = f.a
        for i in 0..<count {
            let u = Double(l[i]), v = Double(r[i])
            top = max(top, max(abs(l[i]), abs(r[i])))
            let fy = b.0 * u + b.1 * f.x1 + b.2 * f.x2 - a.0 * f.y1 - a.1 * f.y2
            let gy = b.0 * v + b.1 * g.x1 + b.2 * g.x2 - a.0 * g.y1 - a.1 * g.y2
            let fz = fy - 2 * f.y1 + f.y2 - a.2 * f.z1 - a.3 * f.z2
            let gz = gy - 2 * g.y1 + g.y2 - a.2 * g.z1 - a.3 * g.z2
            f.x2 = f.x1; f.x1 = u; f.y2 = f.y1; f.y1 = fy; f.z2 = f.z1; f.z1 = fz
            g.x2 = g.x1; g.x1 = v; g.y2 = g.y1; g.y1 = gy; g.z2 = g.z1; g.z1 = gz
            sum += fz * fz + gz * gz
        }
        left = f
        right = g
        peak = top
        return sum
    }
}
