internal import CEBUR128
import Foundation

/// EBU R 128 integrated loudness (and optionally true peak) of streamed audio,
/// with libebur128.
///
/// Thread-safe (each call holds the meter's lock), so a meter can be handed to
/// another thread; to use both cores, give each thread its own meter for its part
/// of the track and combine them with `integratedLoudness(of:)`, which gates over
/// all of them together as if they were one stream.
public final class LoudnessMeter: @unchecked Sendable {
    public let channels: Int
    public let rate: Int
    public let measuresTruePeak: Bool
    private let state: UnsafeMutablePointer<ebur128_state>
    private let lock = NSLock()
    /// Reused to interleave planar input without allocating per block.
    private var scratch: [Float] = []

    /// - Parameter dualMono: for one channel heard in both ears (a mono voice in a
    ///   stereo track): counts it twice, so the reading is the loudness it will have
    ///   in the track (+3 dB over a plain mono reading).
    public init(channels: Int, rate: Int, truePeak: Bool = false, dualMono: Bool = false) throws {
        var mode = Int32(EBUR128_MODE_I.rawValue)
        if truePeak { mode |= Int32(EBUR128_MODE_TRUE_PEAK.rawValue) }
        guard channels > 0, rate > 0,
              let state = ebur128_init(UInt32(channels), UInt(rate), mode) else {
            throw AudioProcessingError(call: "ebur128_init", reason: "Cannot meter \(channels) channels at \(rate) Hz")
        }
        if dualMono, channels == 1 {
            ebur128_set_channel(state, 0, Int32(EBUR128_DUAL_MONO.rawValue))
        }
        self.state = state
        self.channels = channels
        self.rate = rate
        self.measuresTruePeak = truePeak
    }

    deinit {
        var pointer: UnsafeMutablePointer<ebur128_state>? = state
        ebur128_destroy(&pointer)
    }

    /// Adds interleaved frames.
    public func add(interleaved samples: UnsafeBufferPointer<Float>) throws {
        let frames = samples.count / channels
        guard frames > 0, let base = samples.baseAddress else { return }
        lock.lock()
        defer { lock.unlock() }
        try check(ebur128_add_frames_float(state, base, frames), "ebur128_add_frames_float")
    }

    public func add(interleaved samples: [Float]) throws {
        try samples.withUnsafeBufferPointer { try add(interleaved: $0) }
    }

    /// Adds frames `range` of planar audio (one array per channel).
    public func add(planar samples: [[Float]], range: Range<Int>) throws {
        guard samples.count == channels, samples.allSatisfy({ $0.count >= range.upperBound }), range.lowerBound >= 0 else {
            throw AudioProcessingError(
                call: "ebur128_add_frames_float", reason: "Expected \(channels) channels of at least \(range.upperBound) frames")
        }
        if channels == 1 {
            return try samples[0].withUnsafeBufferPointer { try add(interleaved: UnsafeBufferPointer(rebasing: $0[range])) }
        }
        let block = 4096
        if scratch.count < block * channels { scratch = [Float](repeating: 0, count: block * channels) }
        var start = range.lowerBound
        while start < range.upperBound {
            let count = min(block, range.upperBound - start)
            for channel in 0 ..< channels {
                samples[channel].withUnsafeBufferPointer { source in
                    for frame in 0 ..< count { scratch[frame * channels + channel] = source[start + frame] }
                }
            }
            try scratch.withUnsafeBufferPointer { try add(interleaved: UnsafeBufferPointer(rebasing: $0[0 ..< count * channels])) }
            start += count
        }
    }

    /// Integrated loudness in LUFS; nil when nothing passed the gates (shorter than
    /// one 400 ms block, or quieter than −70 LUFS throughout).
    public func integratedLoudness() throws -> Double? {
        try Self.integratedLoudness(of: [self])
    }

    /// Integrated loudness of several meters measured as one stream (e.g. the two
    /// halves of a track metered on two threads). All must have the same channels and rate.
    ///
    /// The result equals one meter over the whole stream when every part but the
    /// first starts at a multiple of `blockStep(rate:)` frames and is fed the
    /// `preroll(rate:)` frames before its start as well: the gating blocks overlap
    /// (400 ms every 100 ms), and those blocks that straddle a split are then
    /// measured once, by the later part. Without the pre-roll they are lost, which
    /// matters only for short parts.
    public static func integratedLoudness(of meters: [LoudnessMeter]) throws -> Double? {
        guard !meters.isEmpty else { return nil }
        for meter in meters { meter.lock.lock() }
        defer { for meter in meters { meter.lock.unlock() } }
        var states: [UnsafeMutablePointer<ebur128_state>?] = meters.map(\.state)
        var loudness = 0.0
        try check(
            states.withUnsafeMutableBufferPointer { ebur128_loudness_global_multiple($0.baseAddress, $0.count, &loudness) },
            "ebur128_loudness_global_multiple")
        return loudness.isFinite ? loudness : nil
    }

    /// libebur128 closes a gating block every 100 ms.
    public static func blockStep(rate: Int) -> Int { rate / 10 }

    /// The audio before a split point a later part's meter must also see (300 ms).
    public static func preroll(rate: Int) -> Int { 3 * rate / 10 }

    /// True peak of `channel` (linear, 1 = full scale), 4× oversampled by libebur128.
    /// Needs `truePeak: true`.
    package func truePeak(channel: Int) throws -> Double {
        lock.lock()
        defer { lock.unlock() }
        var peak = 0.0
        try check(ebur128_true_peak(state, UInt32(channel), &peak), "ebur128_true_peak")
        return peak
    }

    /// The gain in dB that brings `loudness` to `target`; 0 dB when the loudness is
    /// unmeasurable (nil), so silence and very short sounds are left as they are.
    public static func gain(from loudness: Double?, to target: Double) -> Double {
        loudness.map { target - $0 } ?? 0
    }

    /// Integrated loudness of a whole planar buffer (one array per channel).
    public static func integratedLoudness(planar samples: [[Float]], rate: Int, dualMono: Bool = false) throws -> Double? {
        let meter = try LoudnessMeter(channels: samples.count, rate: rate, dualMono: dualMono)
        try meter.add(planar: samples, range: 0 ..< (samples.first?.count ?? 0))
        return try meter.integratedLoudness()
    }

    private func check(_ status: Int32, _ call: String) throws {
        try Self.check(status, call)
    }

    private static func check(_ status: Int32, _ call: String) throws {
        guard status != Int32(EBUR128_SUCCESS.rawValue) else { return }
        let reason: String
        switch status {
        case Int32(EBUR128_ERROR_NOMEM.rawValue): reason = "Out of memory"
        case Int32(EBUR128_ERROR_INVALID_MODE.rawValue): reason = "The meter was not created for this measurement"
        case Int32(EBUR128_ERROR_INVALID_CHANNEL_INDEX.rawValue): reason = "No such channel"
        default: reason = "libebur128 error \(status)"
        }
        throw AudioProcessingError(call: call, reason: reason)
    }
}
