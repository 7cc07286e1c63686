internal import CSndFile
import Foundation
internal import StillpointDSP
import StillpointScript

/// Encodes interleaved `Float` frames into WAV, FLAC, Ogg Vorbis, Opus or MP3
/// through libsndfile.
///
/// - Integer outputs clip at full scale instead of wrapping (`SFC_SET_CLIPPING`);
///   the limiter should keep samples inside ±1 anyway, this only makes an overshoot
///   a click instead of a burst of noise.
/// - 16-bit outputs (WAV and FLAC) are dithered with TPDF noise of ±1 LSB as they
///   are rounded (`PCM16Quantizer`), so quiet fades decay into noise instead of
///   distortion.
///   The noise comes from a generator seeded with `ditherSeed`, so the same input
///   and seed always give the same bytes. 24-bit and float outputs are not dithered
///   (their rounding error is far below audibility) and lossy encoders dither nothing.
/// - Lossy quality 0…1 sets `SFC_SET_COMPRESSION_LEVEL` (see `compressionLevel`); MP3
///   is encoded with a variable bit rate, so quality, not a bit rate, decides its size.
///
/// Call `close()` to learn whether the file was finished; `deinit` closes silently.
/// Not `Sendable`: one thread encodes.
public final class SoundFileWriter {
    public let url: URL
    public let format: AudioFormat
    public let rate: Int
    public let channels: Int
    private var handle: OpaquePointer?
    private var quantizer: PCM16Quantizer?
    private var scratch: [Int16] = []

    /// Rates Opus encodes natively; libsndfile refuses others.
    public static let opusRates: Set<Int> = [8000, 12000, 16000, 24000, 48000]

    public init(
        url: URL, format: AudioFormat, depth: SampleDepth = .int16, quality: Double = 0.7,
        rate: Int, channels: Int, tags: Tags = Tags(), ditherSeed: UInt64 = 1
    ) throws {
        self.url = url
        self.format = format
        self.rate = rate
        self.channels = channels
        guard channels > 0, rate > 0 else {
            throw AudioFileError(.write, file: url, reason: "\(channels) channels at \(rate) Hz is not a sound", call: "sf_open")
        }
        if format == .opus, !Self.opusRates.contains(rate) {
            throw AudioFileError(
                .write, file: url,
                reason: "Opus supports only 8000, 12000, 16000, 24000 and 48000 Hz, not \(rate) Hz", call: "sf_open")
        }
        var info = SF_INFO()
        info.samplerate = Int32(rate)
        info.channels = Int32(channels)
        info.format = try Self.sndfileFormat(format, depth, url)
        guard sf_format_check(&info) == Int32(SF_TRUE) else {
            throw AudioFileError(
                .write, file: url,
                reason: "libsndfile cannot write \(format.rawValue) with \(channels) channels at \(rate) Hz",
                call: "sf_format_check")
        }
        let handle = try SoundFileOpening.open(url, mode: Int32(SFM_WRITE), info: &info, operation: .write)
        self.handle = handle
        sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        // A float WAV's PEAK chunk carries the time of writing, which would make two
        // renders of the same script differ; the build relies on identical bytes.
        sf_command(handle, Int32(SFC_SET_ADD_PEAK_CHUNK), nil, Int32(SF_FALSE))
        if format.isLossy {
            if format == .mp3 {
                var mode = Int32(SF_BITRATE_MODE_VARIABLE)
                sf_command(handle, Int32(SFC_SET_BITRATE_MODE), &mode, Int32(MemoryLayout<Int32>.size))
            }
            var level = Self.compressionLevel(format, quality: min(max(quality, 0), 1), channels: channels)
            sf_command(handle, Int32(SFC_SET_COMPRESSION_LEVEL), &level, Int32(MemoryLayout<Double>.size))
        }
        // Fields a format cannot carry are refused by libsndfile; that is not an
        // error for the render (FLAC and MP3 tags are completed by `ChapterWriter`).
        for (field, value) in tags.fields {
            sf_set_string(handle, field.sndfileKey, value)
        }
        if depth == .int16, format == .wav || format == .flac {
            quantizer = PCM16Quantizer(seed: ditherSeed)
        }
    }

    deinit {
        if let handle { sf_close(handle) }
    }

    /// libsndfile's compression level (0 best … 1 smallest) for a quality 0…1.
    /// Vorbis and MP3 take 1 − quality. libsndfile turns an Opus level into a bit
    /// rate running linearly from 6 kbit/s up to 256 kbit/s per channel, which put
    /// the default quality at 360 kbit/s for stereo: far beyond what voice and
    /// ambience need. Opus is mapped instead to 16–85 kbit/s per channel, so the
    /// default 0.7 gives about 64 kbit/s a channel, transparent for this material.
    static func compressionLevel(_ format: AudioFormat, quality: Double, channels: Int) -> Double {
        guard format == .opus else { return 1 - quality }
        let bitrate = Double(channels) * (16_000 + quality * 69_000)
        let top = 256_000 * Double(channels)
        return min(max(1 - (bitrate - 6_000) / (top - 6_000), 0), 1)
    }

    private static func sndfileFormat(_ format: AudioFormat, _ depth: SampleDepth, _ url: URL) throws -> Int32 {
        switch (format, depth) {
        case (.wav, .int16): return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        case (.wav, .int24): return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24)
        case (.wav, .float32): return Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)
        case (.flac, .int16): return Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
        case (.flac, .int24): return Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_24)
        case (.flac, .float32):
            throw AudioFileError(.write, file: url, reason: "FLAC stores 16- or 24-bit samples, not 32-bit float", call: "sf_open")
        case (.ogg, _): return Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        case (.opus, _): return Int32(SF_FORMAT_OGG | SF_FORMAT_OPUS)
        case (.mp3, _): return Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
        }
    }

    /// Whether this file stores dithered 16-bit samples, which a caller may make
    /// itself with a `PCM16Quantizer` seeded like this writer and pass to
    /// `write(pcm16:)`: the bytes are the same either way.
    public var takesPCM16: Bool { quantizer != nil }

    /// Appends interleaved frames (`samples.count` must be a multiple of `channels`).
    public func write(_ samples: UnsafeBufferPointer<Float>) throws {
        let handle = try openHandle()
        let frames = samples.count / channels
        guard frames > 0, let base = samples.baseAddress else { return }
        if var quantizer {
            if scratch.count < samples.count { scratch = [Int16](repeating: 0, count: samples.count) }
            try scratch.withUnsafeMutableBufferPointer { out in
                quantizer.quantize(samples, into: out)
                try write(pcm16: UnsafeBufferPointer(rebasing: out[0 ..< samples.count]))
            }
            self.quantizer = quantizer
            return
        }
        try check(sf_writef_float(handle, base, sf_count_t(frames)), frames, handle)
    }

    /// Appends interleaved 16-bit frames, already dithered (see `takesPCM16`).
    public func write(pcm16 samples: UnsafeBufferPointer<Int16>) throws {
        let handle = try openHandle()
        let frames = samples.count / channels
        guard frames > 0, let base = samples.baseAddress else { return }
        try check(sf_writef_short(handle, base, sf_count_t(frames)), frames, handle)
    }

    private func openHandle() throws -> OpaquePointer {
        guard let handle else {
            throw AudioFileError(.write, file: url, reason: "the file is already closed", call: "sf_writef")
        }
        return handle
    }

    private func check(_ written: sf_count_t, _ frames: Int, _ handle: OpaquePointer) throws {
        if written != frames {
            throw SoundFileOpening.failure(.write, url, handle, call: "sf_writef")
        }
    }

    public func write(_ samples: [Float]) throws {
        try samples.withUnsafeBufferPointer { try write($0) }
    }

    /// Finishes the file (flushes the encoder, writes the header's lengths).
    public func close() throws {
        guard let handle else { return }
        self.handle = nil
        let status = sf_close(handle)
        if status != 0 {
            throw AudioFileError(
                .write, file: url, sndfile: status, text: String(cString: sf_error_number(status)), call: "sf_close")
        }
    }
}
