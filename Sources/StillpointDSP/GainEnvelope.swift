import Foundation

/// The per-frame gains with which an event enters the mix: its level (dB, gliding
/// linearly in dB, or in amplitude with `glide linear`), its linear fades, its
/// `am` throb, and its constant-power pan.
///
/// Fades are linear in amplitude, as in workload B60: the fade-in gain at frame n
/// is n / fadeIn (0 at the event's first frame), the fade-out gain is
/// (length − n) / fadeOut (reaching 0 at the event's end); where they overlap they
/// multiply. Pan p (−1…1, gliding linearly) gives left √2·cos θ and right √2·sin θ
/// with θ = (p + 1)·π/4: 0 dB in both channels at the centre, constant power
/// everywhere. Every value is a function of the frame alone, so block size never
/// matters.
public struct GainEnvelope: Sendable {
    /// The shortest fade at each end of a voice clip, so nothing clicks.
    static let clipEdgeFade = 0.005

    let level: Glide
    let pan: Glide
    let length: Int64
    let fadeIn: Int64
    let fadeOut: Int64
    let modulator: AmplitudeModulator?

    /// - Parameters:
    ///   - level: dB, gliding linearly in dB.
    ///   - pan: −1 left … 1 right, gliding linearly.
    ///   - fadeIn, fadeOut: fade lengths in frames, inside `0..<length`.
    ///   - length: the event's length in frames (`end − start`).
    ///   - minimumFade: frames each fade lasts at least (for voice clips,
    ///     `clipEdgeFade` seconds at the track's rate, see `minimumClipFade(rate:)`).
    ///   - modulator: an `am` throb multiplying every gain, or nil for a steady sound.
    public init(
        level: Glide, pan: Glide = Glide(0), fadeIn: Int64 = 0, fadeOut: Int64 = 0, length: Int64,
        minimumFade: Int64 = 0, modulator: AmplitudeModulator? = nil
    ) {
        self.level = level
        self.pan = pan
        self.length = length
        self.fadeIn = max(fadeIn, minimumFade)
        self.fadeOut = max(fadeOut, minimumFade)
        self.modulator = modulator
    }

    /// `clipEdgeFade` in frames at `rate`.
    public static func minimumClipFade(rate: Int) -> Int64 {
        Int64((clipEdgeFade * Double(rate)).rounded())
    }

    /// Fills the gains for local frames `[n, n + count)`. With `right`, `left` and
    /// `right` get the panned gains of each channel; without it (a mono track),
    /// `left` gets the gain without pan.
    public func fill(
        from n: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?
    ) {
        fillLevel(from: n, count: count, into: left)
        applyFades(from: n, count: count, to: left)
        modulator?.apply(from: n, count: count, to: left)
        if let right { applyPan(from: n, count: count, left: left, right: right) }
    }

    /// The gains of local frames `[n, n + count)` when they are all the same (level
    /// and pan past any glide, no fade in the range, all before the end): left and
    /// right as `fill` would give them for every frame (both the unpanned gain when
    /// `stereo` is false), or nil when they vary. Lets the mixer multiply by a
    /// scalar instead of a gain buffer.
    public func constantGains(from n: Int64, count: Int, stereo: Bool) -> (left: Float, right: Float)? {
        let end = n + Int64(count)
        guard modulator == nil, level.isConstant || n >= level.frames, !stereo || pan.isConstant || n >= pan.frames,
              fadeIn <= 0 || n >= fadeIn, end <= length - max(fadeOut, 0) else { return nil }
        let gain = levelGain(at: n)
        guard stereo else { return (gain, gain) }
        let (l, r) = Self.panGains(Self.value(pan, at: n))
        return (gain * l, gain * r)
    }

    /// Linear gain of `level` at frame n.
    func levelGain(at n: Int64) -> Float {
        Float(pow(10, Self.value(level, at: n) / 20))
    }

    /// A `Glide`'s value at frame n: linear from start to end over its glide.
    static func value(_ p: Glide, at n: Int64) -> Double {
        if p.isConstant || n >= p.frames { return p.isConstant ? p.start : p.end }
        return p.start + (p.end - p.start) * Double(max(n, 0)) / Double(p.frames)
    }

    private func fillLevel(from n: Int64, count: Int, into gain: UnsafeMutablePointer<Float>) {
        var i = 0
        if !level.isConstant, n < level.frames {
            i = Int(min(level.frames - n, Int64(count)))
            if level.curve == .linear {
                LinearGainRamp(level).fill(n..<(n + Int64(i)), into: gain)
            } else {
                DecibelRamp(start: level.start, slope: (level.end - level.start) / Double(level.frames), origin: 0)
                    .fill(n..<(n + Int64(i)), into: gain)
            }
        }
        if i < count {
            gain.advanced(by: i).update(repeating: levelGain(at: n + Int64(i)), count: count - i)
        }
    }

    private func applyFades(from n: Int64, count: Int, to gain: UnsafeMutablePointer<Float>) {
        let end = n + Int64(count)
        if fadeIn > 0, n < fadeIn {
            for frame in n..<min(end, fadeIn) {
                gain[Int(frame - n)] *= Float(Double(max(frame, 0)) / Double(fadeIn))
            }
        }
        let fadeStart = length - fadeOut
        if fadeOut > 0, end > fadeStart {
            for frame in max(n, fadeStart)..<end {
                gain[Int(frame - n)] *= Float(Double(max(length - frame, 0)) / Double(fadeOut))
            }
        } else if end > length {
            for frame in max(n, length)..<end { gain[Int(frame - n)] = 0 }
        }
    }

    /// Left and right pan gains for pan position p.
    static func panGains(_ p: Double) -> (left: Float, right: Float) {
        let theta = (min(max(p, -1), 1) + 1) * Double.pi / 4
        return (Float(2.0.squareRoot() * cos(theta)), Float(2.0.squareRoot() * sin(theta)))
    }

    private func applyPan(
        from n: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>
    ) {
        var i = 0
        if !pan.isConstant {
            while i < count, n + Int64(i) < pan.frames {
                let (l, r) = Self.panGains(Self.value(pan, at: n + Int64(i)))
                right[i] = left[i] * r
                left[i] *= l
                i += 1
            }
        }
        guard i < count else { return }
        let (l, r) = Self.panGains(Self.value(pan, at: n + Int64(i)))
        for j in i..<count {
            right[j] = left[j] * r
            left[j] *= l
        }
    }
}
