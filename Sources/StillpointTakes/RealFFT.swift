internal import CFFTW

/// A forward and inverse real FFT of one fixed size, through FFTW (single
/// precision), for the cleaning's spectral gate and hum search. FFTW rather
/// than a hand-written transform: it is the well-kept library for the job, and
/// `FFTW_ESTIMATE` plans are made without timing runs, so results do not depend
/// on the machine's load (the same take always gives the same clips).
///
/// Not `Sendable`: the plans work in the buffers this object owns.
final class RealFFT {
    let size: Int
    /// Time-domain samples: fill before `forward()`, read after `inverse()`.
    let time: UnsafeMutablePointer<Float>
    /// `size / 2 + 1` bins: read after `forward()`, change before `inverse()`.
    let spectrum: UnsafeMutablePointer<fftwf_complex>
    private let forwardPlan: fftwf_plan
    private let inversePlan: fftwf_plan

    init(size: Int) {
        precondition(size >= 2 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        time = fftwf_alloc_real(size)!
        spectrum = fftwf_alloc_complex(size / 2 + 1)!
        forwardPlan = fftwf_plan_dft_r2c_1d(Int32(size), time, spectrum, UInt32(FFTW_ESTIMATE))!
        inversePlan = fftwf_plan_dft_c2r_1d(Int32(size), spectrum, time, UInt32(FFTW_ESTIMATE))!
    }

    deinit {
        fftwf_destroy_plan(forwardPlan)
        fftwf_destroy_plan(inversePlan)
        fftwf_free(time)
        fftwf_free(spectrum)
    }

    var bins: Int { size / 2 + 1 }

    func forward() { fftwf_execute(forwardPlan) }

    /// Back to `time`, scaled by `size` (FFTW leaves the inverse unnormalised).
    func inverse() { fftwf_execute(inversePlan) }

    /// |X[k]|² of the last forward transform.
    func power(_ bin: Int) -> Float {
        let c = spectrum[bin]
        return c.0 * c.0 + c.1 * c.1
    }

    /// Multiplies bin `k` by a real gain.
    func scale(_ bin: Int, by gain: Float) {
        spectrum[bin].0 *= gain
        spectrum[bin].1 *= gain
    }

    /// Welch's mean power spectrum: |X[k]|² averaged over half-overlapping
    /// windowed frames, each inside one of `parts` (none across their edges);
    /// nil when no part is a frame long.
    func meanPower(of parts: [[Float]], window: [Float]) -> [Double]? {
        var power = [Double](repeating: 0, count: bins)
        var count = 0
        for part in parts {
            var at = 0
            while at + size <= part.count {
                for i in 0 ..< size { time[i] = part[at + i] * window[i] }
                forward()
                for k in 0 ..< bins { power[k] += Double(self.power(k)) }
                count += 1
                at += size / 2
            }
        }
        return count == 0 ? nil : power.map { $0 / Double(count) }
    }
}
