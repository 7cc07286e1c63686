import Foundation

/// `bell F decay D`: a struck singing bowl, as workload B60 defines it,
/// b(t) = A·10^(−3t/D)·[sin(2π·F·t) + 0.5·sin(2π·2.76F·t) + 0.25·sin(2π·5.40F·t)]
/// for 0 ≤ t < D and silence after: an exponential decay reaching −60 dB at D.
///
/// A makes the whole sound's sample peak exactly 1. All partials start at phase 0,
/// so the strike starts from zero without a step and needs no attack ramp.
/// Partials at or above half the rate (at the highest point of a glide) are left
/// out.
struct BellVoice: Sendable {
    static let ratios: [Double] = [1, 2.76, 5.40]
    static let amplitudes: [Double] = [1, 0.5, 0.25]

    let fundamental: PhaseCurve
    /// Amplitude of each partial, 0 for one left out; the peak normalisation is
    /// folded in.
    private(set) var amplitudes: (Float, Float, Float)
    /// Natural-log decay per frame: the envelope is e^(−decayRate·n).
    let decayRate: Double
    /// e^(−decayRate·j) for j in 0..<`stepSpan`: the envelope at frame n is
    /// e^(−decayRate·a) · steps[n − a] with a = n rounded down to a multiple of
    /// `stepSpan`, which needs one `exp` per `stepSpan` frames instead of one per
    /// frame, and is still a function of n alone (so of no block boundary).
    private let steps: [Double]
    static let stepSpan = 256
    /// Frames until the bell is silent (its `decay`).
    let length: Int64

    init(frequency: Glide, decay: Double, rate: Int) {
        fundamental = PhaseCurve(frequency, rate: rate)
        length = max(1, Int64((decay * Double(rate)).rounded()))
        decayRate = log(1000) / Double(length)
        steps = (0..<Self.stepSpan).map { [decayRate] in exp(-decayRate * Double($0)) }
        let highest = fundamental.highestRate
        let kept = Self.ratios.map { $0 * highest < 0.5 }
        amplitudes = (
            kept[0] ? Float(Self.amplitudes[0]) : 0,
            kept[1] ? Float(Self.amplitudes[1]) : 0,
            kept[2] ? Float(Self.amplitudes[2]) : 0)
        let peak = samplePeak()
        if peak > 0 {
            let scale = 1 / peak
            amplitudes = (amplitudes.0 * scale, amplitudes.1 * scale, amplitudes.2 * scale)
        }
    }

    /// The sound's sample peak before normalisation: rendered from the strike until
    /// the decaying envelope times the sum of the amplitudes can no longer beat the
    /// largest sample found.
    private func samplePeak() -> Float {
        let bound = abs(amplitudes.0) + abs(amplitudes.1) + abs(amplitudes.2)
        var peak: Float = 0
        var block = [Float](repeating: 0, count: 1024)
        var n: Int64 = 0
        while n < length, Float(exp(-decayRate * Double(n))) * bound > peak {
            let count = Int(min(Int64(block.count), length - n))
            block.withUnsafeMutableBufferPointer { render(from: n, count: count, into: $0.baseAddress!) }
            for i in 0..<count { peak = max(peak, abs(block[i])) }
            n += Int64(count)
        }
        return peak
    }

    func render(from n: Int64, count: Int, into out: UnsafeMutablePointer<Float>) {
        let (a1, a2, a3) = amplitudes
        let r2 = Self.ratios[1], r3 = Self.ratios[2]
        let span = Int64(Self.stepSpan), end = Double(length)
        var anchor: Int64 = -1, anchorGain = 0.0
        steps.withUnsafeBufferPointer { steps in
            let table = UnsafeRawPointer(steps.baseAddress!)
            FastSine.fill(out, from: n, count: count) { f in
                let x = fundamental.cycles(lanesFrom: f)
                let sum = a1 * FastSine.sin(cycles: x) + a2 * FastSine.sin(cycles: r2 * x)
                    + a3 * FastSine.sin(cycles: r3 * x)
                var envelope = FastSine.Phases()
                let within = Int(f % span)
                if f / span != anchor {
                    anchor = f / span
                    anchorGain = exp(-decayRate * Double(anchor * span))
                }
                if within + FastSine.Phases.scalarCount <= Self.stepSpan {
                    envelope = anchorGain * table.loadUnaligned(
                        fromByteOffset: within * MemoryLayout<Double>.stride, as: FastSine.Phases.self)
                } else {
                    let lowGain = anchorGain
                    anchor += 1
                    anchorGain = exp(-decayRate * Double(anchor * span))
                    for j in 0..<FastSine.Phases.scalarCount {
                        let k = within + j
                        envelope[j] = k < Self.stepSpan ? lowGain * steps[k] : anchorGain * steps[k - Self.stepSpan]
                    }
                }
                let sound = FastSine.Lanes(envelope) * sum
                // Frames from `length` on are silent (the difference is a whole
                // number, so its sign survives the conversion to Float).
                return sound.replacing(with: 0, where: FastSine.Lanes(FastSine.frames(from: f) - end) .>= 0)
            }
        }
    }
}
