import Foundation

/// The length a WAV or AIFF header promises, read from the header itself.
/// libsndfile reports only the frames actually in the file, so a copy that was
/// cut short (the header says 3 s, the file holds 10 ms) would otherwise play
/// short without a word. Written by hand because libsndfile offers no way to ask
/// for the header's own figure; the layouts are the RIFF and IFF chunk lists.
enum PromisedLength {
    /// Frames the header promises, or nil when the file is not a WAV or AIFF whose
    /// header can be read.
    static func frames(of file: URL) -> Int64? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 1 << 16) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count >= 12 else { return nil }
        let form = String(decoding: bytes[0..<4], as: UTF8.self), kind = String(decoding: bytes[8..<12], as: UTF8.self)
        if form == "RIFF", kind == "WAVE" { return wav(bytes) }
        if form == "FORM", kind == "AIFF" || kind == "AIFC" { return aiff(bytes) }
        return nil
    }

    /// `data` size ÷ `fmt ` block align.
    private static func wav(_ bytes: [UInt8]) -> Int64? {
        var blockAlign: Int64?
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int64(littleEndian(bytes, offset + 4))
            if id == "fmt ", offset + 22 <= bytes.count {
                blockAlign = Int64(bytes[offset + 20]) | Int64(bytes[offset + 21]) << 8
            }
            if id == "data" {
                guard let blockAlign, blockAlign > 0, size != 0xFFFF_FFFF else { return nil }
                return size / blockAlign
            }
            offset += 8 + Int(size + size % 2)
        }
        return nil
    }

    /// `COMM`'s sample-frame count.
    private static func aiff(_ bytes: [UInt8]) -> Int64? {
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int64(bigEndian(bytes, offset + 4))
            if id == "COMM", offset + 14 <= bytes.count { return Int64(bigEndian(bytes, offset + 10)) }
            offset += 8 + Int(size + size % 2)
        }
        return nil
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[at + $1]) }
    }
}
