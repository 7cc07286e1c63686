import Foundation

/// A WAV file read back in plain Swift, so end-to-end tests can check what a
/// render wrote (frames, rate, where a click landed) without the C libraries
/// under test. Reads integer PCM (16, 24, 32 bit) and 32-bit float, plain or
/// WAVE_FORMAT_EXTENSIBLE, skipping any other chunks (tags, cues).
public struct WAVFile: Sendable {
    public var rate: Int
    public var channels: Int
    public var bitsPerSample: Int
    public var isFloat: Bool
    /// Interleaved samples, full scale ±1.
    public var samples: [Float]

    public var frames: Int { channels == 0 ? 0 : samples.count / channels }

    /// One channel's samples.
    public func channel(_ index: Int) -> [Float] {
        stride(from: index, to: samples.count, by: channels).map { samples[$0] }
    }

    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    public init(data: Data) throws {
        let bytes = [UInt8](data)
        func integer(_ offset: Int, _ size: Int) -> Int {
            (0 ..< size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        func tag(_ offset: Int) -> String { String(decoding: bytes[offset ..< offset + 4], as: UTF8.self) }
        guard bytes.count >= 12, tag(0) == "RIFF", tag(8) == "WAVE" else {
            throw Malformed(description: "not a RIFF/WAVE file")
        }
        var format: (code: Int, channels: Int, rate: Int, bits: Int)?
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = tag(offset), size = integer(offset + 4, 4), body = offset + 8
            guard body + size <= bytes.count else { throw Malformed(description: "chunk `\(id)` runs past the end") }
            if id == "fmt " {
                var code = integer(body, 2)
                if code == 0xFFFE, size >= 26 { code = integer(body + 24, 2) }
                format = (code, integer(body + 2, 2), integer(body + 4, 4), integer(body + 14, 2))
            } else if id == "data" {
                guard let format else { throw Malformed(description: "data before fmt") }
                guard format.code == 1 || (format.code == 3 && format.bits == 32) else {
                    throw Malformed(description: "format code \(format.code) with \(format.bits) bits")
                }
                rate = format.rate
                channels = format.channels
                bitsPerSample = format.bits
                isFloat = format.code == 3
                let width = format.bits / 8
                let scale = Float(1 << (format.bits - 1))
                samples = stride(from: body, to: body + size - width + 1, by: width).map { start in
                    let raw = UInt32(truncatingIfNeeded: integer(start, width))
                    if format.code == 3 { return Float(bitPattern: raw) }
                    let shift = UInt32(32 - format.bits)
                    return Float(Int32(bitPattern: raw << shift) >> shift) / scale
                }
                return
            }
            offset = body + size + size % 2
        }
        throw Malformed(description: "no data chunk")
    }
}
