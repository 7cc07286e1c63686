import Foundation

/// Audio made in code for tests: tones, silence and clicks as interleaved `Float`
/// frames, and a WAV writer in plain Swift so fixtures need none of the C libraries
/// under test.
public enum AudioFixtures {
    /// A sine of `amplitude` (peak, full scale 1) in every channel, interleaved.
    public static func sine(
        frequency: Double, amplitude: Double = 0.5, rate: Int, frames: Int, channels: Int = 1
    ) -> [Float] {
        var samples = [Float](repeating: 0, count: frames * channels)
        let step = 2 * Double.pi * frequency / Double(rate)
        for frame in 0 ..< frames {
            let value = Float(amplitude * sin(step * Double(frame)))
            for channel in 0 ..< channels { samples[frame * channels + channel] = value }
        }
        return samples
    }

    public static func silence(frames: Int, channels: Int = 1) -> [Float] {
        [Float](repeating: 0, count: frames * channels)
    }

    /// Silence with single-sample impulses of `amplitude` at `positions` (frames).
    public static func clicks(at positions: [Int], amplitude: Float = 0.9, frames: Int, channels: Int = 1) -> [Float] {
        var samples = silence(frames: frames, channels: channels)
        for position in positions where position < frames {
            for channel in 0 ..< channels { samples[position * channels + channel] = amplitude }
        }
        return samples
    }

    /// Sample encodings the WAV writer knows.
    public enum WAVEncoding: Sendable {
        case int16, float32
    }

    /// A complete RIFF/WAVE file holding `samples` (interleaved).
    public static func wav(_ samples: [Float], rate: Int, channels: Int, encoding: WAVEncoding = .int16) -> Data {
        let bytesPerSample = encoding == .int16 ? 2 : 4
        let dataSize = samples.count * bytesPerSample
        var data = Data()
        data.reserveCapacity(44 + dataSize)
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: Array("RIFF".utf8))
        append(UInt32(36 + dataSize))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        append(UInt32(16))
        append(UInt16(encoding == .int16 ? 1 : 3))
        append(UInt16(channels))
        append(UInt32(rate))
        append(UInt32(rate * channels * bytesPerSample))
        append(UInt16(channels * bytesPerSample))
        append(UInt16(bytesPerSample * 8))
        data.append(contentsOf: Array("data".utf8))
        append(UInt32(dataSize))
        for sample in samples {
            switch encoding {
            case .int16: append(Int16((max(-1, min(1, sample)) * 32767).rounded()))
            case .float32: append(sample.bitPattern)
            }
        }
        return data
    }

    /// Writes `samples` as a WAV file at `url`.
    public static func writeWAV(
        _ samples: [Float], rate: Int, channels: Int = 1, encoding: WAVEncoding = .int16, to url: URL
    ) throws {
        try wav(samples, rate: rate, channels: channels, encoding: encoding).write(to: url)
    }

    /// A fresh empty folder under the system's temporary folder; remove it with
    /// `FileManager.default.removeItem(at:)` when done.
    public static func temporaryFolder(_ label: String = "stillpoint") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
