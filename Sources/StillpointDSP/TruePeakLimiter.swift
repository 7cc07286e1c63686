import Foundation

/// A streaming, stereo-linked look-ahead limiter that keeps the true peak (4×
/// oversampled, as ITU-R BS.1770 measures it) at or under a ceiling in dBTP.
///
/// How it works, per frame:
/// 1. Detection: the peak of each inter-sample segment is the larger of the sample
///    and three interpolated points (a 4-phase, 12-taps-per-phase windowed-sinc
///    interpolator, `TruePeakInterpolator`), over both channels. A whole chunk whose
///    samples stay under ceiling / (the interpolator's largest gain) cannot exceed
///    the ceiling anywhere, and skips the interpolation.
/// 2. The gain each segment needs, min(1, ceiling / peak), is held at its minimum
///    over a window (a monotonic queue) that spans the look-ahead, a margin either
///    side for the interpolator's reach, and `hold`; then released towards 1 with
///    time constant `release`; then smoothed by two moving averages whose combined
///    span is the look-ahead, which turns each step down into an S-shaped ramp that
///    is complete before the peak arrives. Because every value the averages see
///    around a peak is at most the gain that peak needs, the output cannot exceed
///    the ceiling.
/// 3. The audio is delayed by `latency` frames and multiplied by that gain.
///
/// Where the signal stays far under the ceiling the gain is exactly 1 and the
/// output is the input, delayed. Owned by one thread at a time.
public final class TruePeakLimiter: @unchecked Sendable {
    /// Output lags input by this many frames. `process` withholds the first
    /// `latency` frames of output and `flush` returns the last ones, so the output
    /// has exactly as many frames as the input.
    public let latency: Int
    public let channels: Int
    /// The ceiling as a linear amplitude.
    public let ceiling: Float
    /// The smallest gain applied so far (1: the limiter never acted).
    public private(set) var smallestGain: Float = 1

    private static let chunk = 512
    private let interpolator = TruePeakInterpolator()
    /// Samples under this cannot make a (4×) true peak over the ceiling.
    private let quietBelow: Float

    // Gain computation.
    private let window: Int
    private let smoothing: (Int, Int)
    private let releaseFactor: Float
    private var queueGains: UnsafeMutablePointer<Float>
    private var queueSegments: UnsafeMutablePointer<Int>
    private var queueHead = 0
    private var queueCount = 0
    private var depthBelowUnity: Float = 0
    private var box1: UnsafeMutablePointer<Float>
    private var box2: UnsafeMutablePointer<Float>
    private var box1Position = 0
    private var box2Position = 0
    private var box1Sum: Double
    private var box2Sum: Double
    /// Consecutive segments whose released gain was exactly 1; once both averages
    /// hold nothing else the gain is exactly 1 and their update is skipped.
    private var unityRun = Int.max / 2
    private var segment = 0

    // Audio.
    private var history: [UnsafeMutablePointer<Float>]
    private var delay: [UnsafeMutablePointer<Float>]
    private var delayPosition = 0
    private var primingLeft: Int

    /// - Parameters:
    ///   - ceiling: dBTP.
    ///   - lookahead: seconds over which gain reduction ramps in before a peak.
    ///   - hold: seconds the reduction is held after the peak before releasing, so
    ///     the gain does not flutter between syllables.
    ///   - release: time constant (seconds) of the return towards 0 dB.
    public init(
        ceiling: Double, rate: Int, channels: Int,
        lookahead: Double = 0.005, hold: Double = 0.04, release: Double = 0.15
    ) {
        self.channels = max(1, min(channels, 2))
        self.ceiling = Float(pow(10, ceiling / 20))
        quietBelow = self.ceiling / interpolator.largestGain
        let span = max(2, Int((lookahead * Double(rate)).rounded()))
        smoothing = ((span + 1) / 2, span + 1 - (span + 1) / 2)
        let reach = TruePeakInterpolator.taps / 2 + 2
        window = span + 2 * reach + Int((hold * Double(rate)).rounded())
        releaseFactor = Float(exp(-1 / (max(release, 1e-4) * Double(rate))))
        latency = TruePeakInterpolator.taps / 2 + span - 1 + reach
        primingLeft = latency

        queueGains = .allocate(capacity: window + 1)
        queueSegments = .allocate(capacity: window + 1)
        box1 = .allocate(capacity: smoothing.0)
        box1.initialize(repeating: 1, count: smoothing.0)
        box2 = .allocate(capacity: smoothing.1)
        box2.initialize(repeating: 1, count: smoothing.1)
        box1Sum = Double(smoothing.0)
        box2Sum = Double(smoothing.1)
        let historyLength = TruePeakInterpolator.taps - 1 + Self.chunk
        history = (0..<self.channels).map { _ in
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: historyLength)
            buffer.initialize(repeating: 0, count: historyLength)
            return buffer
        }
        delay = (0..<self.channels).map { [latency] _ in
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: latency)
            buffer.initialize(repeating: 0, count: latency)
            return buffer
        }
    }

    deinit {
        queueGains.deallocate()
        queueSegments.deallocate()
        box1.deallocate()
        box2.deallocate()
        history.forEach { $0.deallocate() }
        delay.forEach { $0.deallocate() }
    }

    /// Limits `count` frames in place (`right` is nil for mono). The output, delayed
    /// by `latency`, is written to the start of the same buffers; returns how many
    /// frames were written (fewer than `count` only while the first `latency`
    /// frames of the stream are withheld).
    public func process(
        left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?, count: Int
    ) -> Int {
        var read = 0
        var written = 0
        while read < count {
            let n = min(Self.chunk, count - read)
            written += processChunk(
                input: (left + read, right.map { $0 + read }), count: n,
                output: (left + written, right.map { $0 + written }))
            read += n
        }
        return written
    }

    /// Pushes silence through to return the last `latency` frames of output into
    /// `left` and `right`, which must hold `latency` frames; returns how many were
    /// written (`latency`, unless the whole stream was shorter than that).
    public func flush(left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?) -> Int {
        left.update(repeating: 0, count: latency)
        right?.update(repeating: 0, count: latency)
        return process(left: left, right: right, count: latency)
    }

    private func processChunk(
        input: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>?), count: Int,
        output: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>?)
    ) -> Int {
        let keep = TruePeakInterpolator.taps - 1
        var loudest: Float = 0
        for ch in 0..<channels {
            guard let source = ch == 0 ? input.0 : input.1 else { continue }
            let h = history[ch]
            (h + keep).update(from: source, count: count)
            loudest = max(loudest, Self.largestMagnitude(h, count: keep + count))
        }
        let quiet = loudest < quietBelow
        let written: Int
        if quiet, queueCount == 0, unityRun >= smoothing.0 + smoothing.1 {
            // Nothing to limit and the gain has settled at exactly 1: the output is
            // the input, delayed.
            written = passThrough(count: count, output: output)
            segment += count
        } else {
            written = limitFrames(count: count, quiet: quiet, output: output)
        }
        for h in history { h.update(from: h + count, count: keep) }
        return written
    }

    /// The largest |x| of `count` samples (max is exact, so the order of the
    /// comparisons cannot change it; eight lanes at a time).
    private static func largestMagnitude(_ x: UnsafePointer<Float>, count: Int) -> Float {
        typealias Lanes = SIMD8<Float>
        let width = Lanes.scalarCount
        var lanes = Lanes()
        var i = 0
        let raw = UnsafeRawPointer(x)
        while i + width <= count {
            let v = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: Lanes.self)
            let magnitude = v.replacing(with: v * -1, where: v .< 0)
            lanes.replace(with: magnitude, where: magnitude .> lanes)
            i += width
        }
        var largest = max(lanes.max(), 0)
        while i < count {
            largest = max(largest, abs(x[i]))
            i += 1
        }
        return largest
    }

    /// Moves `count` frames of the history through the delay line unchanged (gain
    /// 1), in runs between the line's wrap points; the first `primingLeft` frames
    /// out are withheld.
    private func passThrough(
        count: Int, output: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>?)
    ) -> Int {
        let keep = TruePeakInterpolator.taps - 1
        var done = 0
        var written = 0
        while done < count {
            let run = min(latency - delayPosition, count - done)
            let withheld = min(primingLeft, run)
            for ch in 0..<channels {
                let line = delay[ch] + delayPosition
                if let out = ch == 0 ? output.0 : output.1 {
                    (out + written).update(from: line + withheld, count: run - withheld)
                }
                line.update(from: history[ch] + keep + done, count: run)
            }
            // A mono limiter given a right buffer leaves silence there.
            if channels == 1 { output.1?.advanced(by: written).update(repeating: 0, count: run - withheld) }
            primingLeft -= withheld
            written += run - withheld
            done += run
            delayPosition += run
            if delayPosition == latency { delayPosition = 0 }
        }
        return written
    }

    /// The general path: detection (unless the chunk is quiet), the gain for every
    /// frame, and the delayed audio times that gain.
    private func limitFrames(
        count: Int, quiet: Bool, output: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>?)
    ) -> Int {
        let keep = TruePeakInterpolator.taps - 1
        let l = history[0], r = channels > 1 ? history[1] : history[0]
        let delayLeft = delay[0], delayRight = channels > 1 ? delay[1] : delay[0]
        var written = 0
        for j in 0..<count {
            var need: Float = 1
            if !quiet {
                let peak = interpolator.segmentPeak(l + j, r + j)
                if peak > ceiling { need = ceiling / peak }
            }
            let gain = nextGain(need)
            let outL = delayLeft[delayPosition]
            delayLeft[delayPosition] = l[keep + j]
            var outR: Float = 0
            if channels > 1 {
                outR = delayRight[delayPosition]
                delayRight[delayPosition] = r[keep + j]
            }
            delayPosition += 1
            if delayPosition == latency { delayPosition = 0 }
            if primingLeft > 0 {
                primingLeft -= 1
            } else {
                output.0[written] = outL * gain
                output.1?[written] = outR * gain
                written += 1
            }
        }
        return written
    }

    /// The gain for the output frame that the segment now arriving looks ahead to.
    @inline(__always)
    private func nextGain(_ need: Float) -> Float {
        defer { segment += 1 }
        if need < 1 {
            while queueCount > 0, queueGains[queueIndex(queueCount - 1)] >= need {
                queueCount -= 1
            }
            let tail = queueIndex(queueCount)
            queueGains[tail] = need
            queueSegments[tail] = segment
            queueCount += 1
        } else if queueCount == 0, unityRun >= smoothing.0 + smoothing.1 {
            return 1
        }
        while queueCount > 0, queueSegments[queueHead] <= segment - window {
            queueHead = queueHead == window ? 0 : queueHead + 1
            queueCount -= 1
        }
        let held: Float = queueCount > 0 ? queueGains[queueHead] : 1
        // Kept as the depth below 1 so that the release keeps moving in Float
        // precision; the last 1e-4 (0.001 dB) is dropped so it ends exactly at 1.
        var depth = depthBelowUnity * releaseFactor
        if depth < 1e-4 { depth = 0 }
        depth = max(depth, 1 - held)
        depthBelowUnity = depth
        let gain = 1 - depth
        unityRun = gain == 1 ? unityRun + 1 : 0

        box1Sum += Double(gain - box1[box1Position])
        box1[box1Position] = gain
        box1Position = box1Position + 1 == smoothing.0 ? 0 : box1Position + 1
        if unityRun == smoothing.0 { box1Sum = Double(smoothing.0) }
        let first = Float(box1Sum / Double(smoothing.0))

        box2Sum += Double(first - box2[box2Position])
        box2[box2Position] = first
        box2Position = box2Position + 1 == smoothing.1 ? 0 : box2Position + 1
        if unityRun == smoothing.0 + smoothing.1 { box2Sum = Double(smoothing.1) }
        let smoothed = min(Float(box2Sum / Double(smoothing.1)), 1)
        smallestGain = min(smallestGain, smoothed)
        return smoothed
    }

    /// Ring position of the queue entry `offset` places after the head (the ring
    /// holds `window + 1` entries; a compare instead of an integer division).
    @inline(__always)
    private func queueIndex(_ offset: Int) -> Int {
        let index = queueHead + offset
        return index > window ? index - (window + 1) : index
    }
}
