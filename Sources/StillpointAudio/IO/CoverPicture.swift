import Foundation
import StillpointScript

/// The `cover:` picture as the tag formats store it: its bytes, MIME type and
/// size in pixels. FLAC keeps it in a PICTURE block, Ogg in the same block
/// base64-encoded as a `METADATA_BLOCK_PICTURE` comment, MP3 in an ID3 `APIC`
/// frame; all three call it a front cover (picture type 3).
struct CoverPicture {
    var data: [UInt8]
    var type: PictureType
    var width = 0
    var height = 0
    /// Bits per pixel.
    var depth = 0

    /// ID3 and FLAC's picture type for the front cover.
    static let frontCover: UInt32 = 3

    init(contentsOf url: URL) throws {
        do {
            data = [UInt8](try Data(contentsOf: url))
        } catch {
            throw AudioFileError(.tag, file: url, reason: "cannot read the cover: \(error.localizedDescription)", call: "open")
        }
        guard let type = PictureType(header: data) else {
            throw AudioFileError(.tag, file: url, reason: "The cover is not a PNG or JPEG picture", call: "cover")
        }
        self.type = type
        switch type {
        case .png: readPNGHeader()
        case .jpeg: readJPEGFrame()
        }
    }

    /// PNG: the IHDR chunk comes first (width, height, bit depth, colour type).
    private mutating func readPNGHeader() {
        guard data.count >= 26 else { return }
        width = Int(Self.bigEndian(data[16 ..< 20]))
        height = Int(Self.bigEndian(data[20 ..< 24]))
        let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][Int(data[25])] ?? 1
        depth = Int(data[24]) * channels
    }

    /// JPEG: the first start-of-frame segment (SOF0…SOF15 but DHT, JPG, DAC) holds
    /// the size; every other segment is skipped by its length.
    private mutating func readJPEGFrame() {
        var index = 2
        while index + 9 < data.count, data[index] == 0xFF {
            let marker = data[index + 1]
            let length = Int(Self.bigEndian(data[index + 2 ..< index + 4]))
            if (0xC0 ... 0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                height = Int(Self.bigEndian(data[index + 5 ..< index + 7]))
                width = Int(Self.bigEndian(data[index + 7 ..< index + 9]))
                depth = 8 * Int(data[index + 9])
                return
            }
            index += 2 + length
        }
    }

    /// The body of a FLAC PICTURE metadata block (FLAC format §8.8), which Ogg
    /// files carry base64-encoded.
    func flacPictureBlock() -> [UInt8] {
        func be32(_ value: Int) -> [UInt8] { (0 ..< 4).reversed().map { UInt8(value >> (8 * $0) & 0xFF) } }
        let mime = Array(type.mimeType.utf8)
        return be32(Int(Self.frontCover)) + be32(mime.count) + mime + be32(0)
            + be32(width) + be32(height) + be32(depth) + be32(0) + be32(data.count) + data
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
