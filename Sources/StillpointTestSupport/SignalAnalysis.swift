import Foundation

/// Measurements of rendered audio for tests: what a listener would hear, as
/// numbers. Pure Swift, no dependencies; written for clarity over speed, so keep
/// the signals short (seconds) in debug builds.
public enum SignalAnalysis {
    /// 20·log10 of a linear amplitude (−∞ for 0).
    public static func dB(_ linear: Double) -> Double { 20 * log10(linear) }

    /// Largest absolute sample value.
    public static func samplePeak(_ x: some Collection<Float>) -> Double {
        Double(x.reduce(0) { max($0, abs($1)) })
    }

    /// Sample peak in dBFS over `range` (the whole signal by default).
    public static func peakDB(_ x: [Float], range: Range<Int>? = nil) -> Double {
        dB(samplePeak(x[range ?? x.indices]))
    }

    /// Root mean square (linear) over `range`.
    public static func rms(_ x: [Float], range: Range<Int>? = nil) -> Double {
        let part = x[range ?? x.indices]
        guard !part.isEmpty else { return 0 }
        let energy = part.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (energy / Double(part.count)).squareRoot()
    }

    /// RMS in dBFS over `range` (a full-scale sine reads −3.01).
    public static func rmsDB(_ x: [Float], range: Range<Int>? = nil) -> Double {
        dB(rms(x, range: range))
    }

    /// Frequency from rising zero crossings, interpolated between samples: the
    /// number of whole cycles between the first and last crossing over the time
    /// between them. nil with fewer than two crossings.
    public static func zeroCrossingFrequency(_ x: [Float], rate: Int, range: Range<Int>? = nil) -> Double? {
        let r = range ?? x.indices
        var first: Double?
        var last = 0.0
        var cycles = -1
        for i in (r.lowerBound + 1)..<r.upperBound where x[i - 1] < 0 && x[i] >= 0 {
            let t = Double(i - 1) + Double(-x[i - 1]) / Double(x[i] - x[i - 1])
            if first == nil { first = t }
            last = t
            cycles += 1
        }
        guard let first, cycles > 0 else { return nil }
        return Double(cycles) * Double(rate) / (last - first)
    }

    /// Times (in samples, interpolated) where `x` rises through `level`.
    public static func risingCrossings(_ x: [Float], level: Float) -> [Double] {
        var times: [Double] = []
        for i in 1..<max(x.count, 1) where x[i - 1] < level && x[i] >= level {
            times.append(Double(i - 1) + Double(level - x[i - 1]) / Double(x[i] - x[i - 1]))
        }
        return times
    }

    /// Largest |x(t)| between samples, estimated by `oversampling`× windowed-sinc
    /// interpolation (±32 taps, Kaiser β = 8) after every sample within 3 dB of the
    /// sample peak: a finer reference than the 4× meters it checks.
    public static func truePeak(_ x: [Float], oversampling: Int = 16) -> Double {
        let peak = samplePeak(x)
        let reach = 32
        // kernel[k][t]: weight of sample c + 1 − reach + t for the point c + k/oversampling.
        let kernel = (0..<oversampling).map { k in
            (0..<(2 * reach)).map { t -> Double in
                let tau = Double(reach - 1 - t) + Double(k) / Double(oversampling)
                guard tau != 0 else { return 1 }
                return sin(Double.pi * tau) / (Double.pi * tau) * kaiser(tau / Double(reach), beta: 8)
            }
        }
        var best = peak
        for c in x.indices where Double(abs(x[c])) >= peak * 0.7 {
            for k in 1..<oversampling {
                var sum = 0.0
                for t in 0..<(2 * reach) {
                    let i = c + 1 - reach + t
                    if i >= 0 && i < x.count { sum += Double(x[i]) * kernel[k][t] }
                }
                best = max(best, abs(sum))
            }
        }
        return best
    }

    private static func kaiser(_ x: Double, beta: Double) -> Double {
        guard abs(x) < 1 else { return 0 }
        func i0(_ v: Double) -> Double {
            var sum = 1.0, term = 1.0, k = 1.0
            while term > 1e-12 * sum {
                term *= (v / (2 * k)) * (v / (2 * k))
                sum += term
                k += 1
            }
            return sum
        }
        return i0(beta * (1 - x * x).squareRoot()) / i0(beta)
    }

    /// The lag (in samples) at which `clip` best matches `signal`, by FFT
    /// cross-correlation: where the clip starts inside the signal.
    public static func offset(of clip: [Float], in signal: [Float]) -> Int {
        var n = 1
        while n < signal.count + clip.count { n <<= 1 }
        var a = [Complex](repeating: .zero, count: n)
        var b = [Complex](repeating: .zero, count: n)
        for (i, v) in signal.enumerated() { a[i].re = Double(v) }
        for (i, v) in clip.enumerated() { b[i].re = Double(v) }
        fft(&a, inverse: false)
        fft(&b, inverse: false)
        for i in 0..<n { a[i] = a[i] * b[i].conjugate }
        fft(&a, inverse: true)
        var best = 0
        for lag in 0...max(signal.count - clip.count, 0) where a[lag].re > a[best].re { best = lag }
        return best
    }

    /// A magnitude spectrum: `magnitudes[k]` is the amplitude at k·`binWidth` Hz,
    /// scaled so a sine of peak A reads about A at its bin (Hann window).
    public struct Spectrum: Sendable {
        public var binWidth: Double
        public var magnitudes: [Double]

        /// The frequency of the largest bin in `band` (Hz), refined by a parabola
        /// through the log magnitudes of its neighbours.
        public func dominantFrequency(in band: ClosedRange<Double> = 1...Double.infinity) -> Double {
            let low = max(1, Int((band.lowerBound / binWidth).rounded(.up)))
            let high = min(magnitudes.count - 2, Int(min(band.upperBound / binWidth, 1e12)))
            guard low <= high else { return 0 }
            var k = low
            for i in low...high where magnitudes[i] > magnitudes[k] { k = i }
            let (a, b, c) = (log(magnitudes[k - 1] + 1e-30), log(magnitudes[k] + 1e-30), log(magnitudes[k + 1] + 1e-30))
            let denominator = a - 2 * b + c
            let shift = denominator == 0 ? 0 : 0.5 * (a - c) / denominator
            return (Double(k) + shift) * binWidth
        }

        /// The amplitude of a sine near `hertz`, from the power within ±`bins` bins
        /// (the Hann window spreads a sine's power, 1.5·A², over its main lobe
        /// however it falls between bins, so this does not scallop).
        public func magnitude(near hertz: Double, bins: Int = 3) -> Double {
            let k = Int((hertz / binWidth).rounded())
            let r = max(0, k - bins)...min(magnitudes.count - 1, k + bins)
            return (r.reduce(0.0) { $0 + magnitudes[$1] * magnitudes[$1] } / 1.5).squareRoot()
        }

        /// Mean power (magnitude squared) per bin between two frequencies, in dB.
        public func bandPowerDB(_ band: ClosedRange<Double>) -> Double {
            let low = max(1, Int((band.lowerBound / binWidth).rounded()))
            let high = min(magnitudes.count - 1, Int((band.upperBound / binWidth).rounded()))
            guard low <= high else { return -Double.infinity }
            let power = (low...high).reduce(0.0) { $0 + magnitudes[$1] * magnitudes[$1] }
            return 10 * log10(power / Double(high - low + 1))
        }
    }

    /// The Hann-windowed magnitude spectrum of the largest power-of-two stretch of
    /// `x` from its start.
    public static func spectrum(_ x: [Float], rate: Int) -> Spectrum {
        var n = 1
        while n * 2 <= x.count { n *= 2 }
        return averagedSpectrum(x, rate: rate, segment: n)
    }

    /// Welch's method: the root of the mean power spectrum of half-overlapping
    /// Hann-windowed segments of `segment` samples (a power of two). Smooth enough
    /// to read the slope of noise.
    public static func averagedSpectrum(_ x: [Float], rate: Int, segment: Int) -> Spectrum {
        let window = (0..<segment).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(segment)) }
        let windowSum = window.reduce(0, +)
        var power = [Double](repeating: 0, count: segment / 2 + 1)
        var segments = 0
        var start = 0
        while start + segment <= x.count {
            var buffer = (0..<segment).map { Complex(re: Double(x[start + $0]) * window[$0], im: 0) }
            fft(&buffer, inverse: false)
            for k in 0...(segment / 2) {
                let m = buffer[k].magnitude * 2 / windowSum
                power[k] += m * m
            }
            segments += 1
            start += segment / 2
        }
        let count = Double(max(segments, 1))
        return Spectrum(binWidth: Double(rate) / Double(segment), magnitudes: power.map { ($0 / count).squareRoot() })
    }

    struct Complex {
        var re: Double
        var im: Double
        static let zero = Complex(re: 0, im: 0)
        var conjugate: Complex { Complex(re: re, im: -im) }
        var magnitude: Double { (re * re + im * im).squareRoot() }
        static func * (a: Complex, b: Complex) -> Complex {
            Complex(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re)
        }
    }

    /// In-place iterative radix-2 FFT (count a power of two); the inverse is scaled
    /// by 1/n.
    static func fft(_ data: inout [Complex], inverse: Bool) {
        let n = data.count
        data.withUnsafeMutableBufferPointer { x in
            var j = 0
            for i in 1..<n {
                var bit = n >> 1
                while j & bit != 0 {
                    j ^= bit
                    bit >>= 1
                }
                j |= bit
                if i < j { x.swapAt(i, j) }
            }
            var length = 2
            while length <= n {
                let angle = (inverse ? 2 : -2) * Double.pi / Double(length)
                let step = Complex(re: cos(angle), im: sin(angle))
                for start in stride(from: 0, to: n, by: length) {
                    var w = Complex(re: 1, im: 0)
                    for k in 0..<(length / 2) {
                        let u = x[start + k]
                        let v = x[start + k + length / 2] * w
                        x[start + k] = Complex(re: u.re + v.re, im: u.im + v.im)
                        x[start + k + length / 2] = Complex(re: u.re - v.re, im: u.im - v.im)
                        w = w * step
                    }
                }
                length <<= 1
            }
            if inverse {
                for i in 0..<n { x[i] = Complex(re: x[i].re / Double(n), im: x[i].im / Double(n)) }
            }
        }
    }
}
