internal import CSoxr

/// Sample-rate conversion of whole in-memory buffers with libsoxr (`soxr_oneshot`,
/// which compensates the filter delay, so output frame 0 lines up with input frame 0).
///
/// The output length is the caller's: pass `frames` (usually
/// `frames(_:from:to:)` of the input length) and the result is exactly that long,
/// cut or padded with zeros at the end.
public enum Resampler {
    public enum Quality: Sendable {
        /// `SOXR_HQ`: 20-bit, passband to 91 % of Nyquist. Ample for voice and beds.
        case high
        /// `SOXR_VHQ`: 28-bit; slower.
        case veryHigh

        var recipe: UInt {
            switch self {
            case .high: UInt(SOXR_HQ)
            case .veryHigh: UInt(SOXR_VHQ)
            }
        }
    }

    /// Resamples interleaved frames of `channels` channels.
    public static func resample(
        interleaved input: [Float], channels: Int, from sourceRate: Int, to targetRate: Int, frames: Int,
        quality: Quality = .high
    ) throws -> [Float] {
        guard channels > 0 else { throw AudioProcessingError(call: "soxr_oneshot", reason: "No channels") }
        if sourceRate == targetRate {
            return fitted(input, count: frames * channels)
        }
        var output = [Float](repeating: 0, count: frames * channels)
        guard frames > 0, !input.isEmpty else { return output }
        var ioSpec = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var qualitySpec = soxr_quality_spec(quality.recipe, 0)
        var done = 0
        let failure: soxr_error_t? = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                soxr_oneshot(
                    Double(sourceRate), Double(targetRate), UInt32(channels),
                    source.baseAddress, input.count / channels, nil,
                    target.baseAddress, frames, &done,
                    &ioSpec, &qualitySpec, nil)
            }
        }
        if let failure {
            throw AudioProcessingError(call: "soxr_oneshot", reason: String(cString: failure))
        }
        return output  // frames beyond `done` are already zero
    }

    /// Resamples each channel of planar audio.
    public static func resample(
        planar channels: [[Float]], from sourceRate: Int, to targetRate: Int, frames: Int, quality: Quality = .high
    ) throws -> [[Float]] {
        try channels.map {
            try resample(interleaved: $0, channels: 1, from: sourceRate, to: targetRate, frames: frames, quality: quality)
        }
    }

    private static func fitted(_ samples: [Float], count: Int) -> [Float] {
        if samples.count >= count { return Array(samples[0 ..< count]) }
        return samples + [Float](repeating: 0, count: count - samples.count)
    }
}
