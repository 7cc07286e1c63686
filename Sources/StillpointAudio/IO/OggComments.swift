import Foundation
import StillpointScript

/// Rewrites the comment header of an Ogg Vorbis or Opus file (RFC 3533 paging,
/// Vorbis I §5, RFC 7845 §5.2), so chapters can be added after libsndfile has
/// written the file: libsndfile writes only its fixed tag keys.
///
/// The header packets are re-paged; every later page is copied, and renumbered
/// (with a new CRC) only when the header takes a different number of pages than
/// before. The input is memory-mapped and the output streamed, so a long track
/// costs no memory. Only a single logical stream is supported (what libsndfile writes).
enum OggComments {
    static func update(_ url: URL, chapters: [ChapterMark], tags: Tags) throws {
        let file = try map(url)
        let headers = try OggHeaders(file, url: url)
        let replaced = Set(tags.fields.map(\.field.vorbisName))
        var comments = headers.comments.entries.filter {
            !VorbisChapterComments.isChapterField($0.name) && !replaced.contains($0.name.uppercased())
                && $0.name.uppercased() != pictureField
        }
        comments += tags.fields.map { (name: $0.field.vorbisName, value: $0.value) }
        comments += VorbisChapterComments.comments(for: chapters)
        if let cover = tags.cover {
            let block = try CoverPicture(contentsOf: cover).flacPictureBlock()
            comments.append((pictureField, Data(block).base64EncodedString()))
        }
        var packets = headers.packets
        packets[1] = headers.comments.replacing(entries: comments)

        // Page 0 holds only the identification header; the rest start on page 1.
        var pages = OggPage.encode(packets: [packets[0]], serial: headers.serial, firstSequence: 0, bos: true)
        pages += OggPage.encode(
            packets: Array(packets[1...]), serial: headers.serial, firstSequence: UInt32(pages.count), bos: false)
        let shift = Int64(pages.count) - Int64(headers.pageCount)
        try FileReplacement.replace(url) { output in
            for page in pages { try output.write(contentsOf: Data(page)) }
            try file.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                if shift == 0 {
                    try output.write(contentsOf: file[headers.audioStart...])
                    return
                }
                var offset = headers.audioStart
                var page = [UInt8]()
                while offset < bytes.count {
                    guard let length = OggPage.length(bytes, at: offset) else {
                        throw AudioFileError(.tag, file: url, reason: "The Ogg stream is damaged at byte \(offset)", call: "ogg")
                    }
                    page.removeAll(keepingCapacity: true)
                    page.append(contentsOf: bytes[offset ..< offset + length])
                    OggPage.renumber(&page, by: shift)
                    try output.write(contentsOf: Data(page))
                    offset += length
                }
            }
        }
    }

    /// The comment that carries a picture (a FLAC PICTURE block in base64), as the
    /// Xiph wiki's VorbisComment page defines it.
    static let pictureField = "METADATA_BLOCK_PICTURE"

    static func read(_ url: URL) throws -> [(name: String, value: String)] {
        try OggHeaders(try map(url), url: url).comments.entries
    }

    private static func map(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw AudioFileError(.tag, file: url, reason: error.localizedDescription, call: "mmap")
        }
    }
}

/// The header packets of an Ogg Vorbis or Opus stream and where the audio starts.
private struct OggHeaders {
    var packets: [[UInt8]] = []
    var comments: CommentPacket
    var serial: UInt32 = 0
    var pageCount = 0
    var audioStart = 0

    init(_ file: Data, url: URL) throws {
        func damaged(_ why: String) -> AudioFileError {
            AudioFileError(.tag, file: url, reason: why, call: "ogg")
        }
        let bytes = [UInt8](file.prefix(1 << 20))  // headers of libsndfile's files are a few kB
        var offset = 0
        var wanted = 3
        var partial: [UInt8] = []
        while packets.count < wanted {
            guard let length = OggPage.length(bytes, at: offset) else {
                throw damaged("It is not an Ogg file, or its headers are damaged")
            }
            let segments = Int(bytes[offset + 26])
            let pageSerial = OggPage.readUInt32(bytes, offset + 14)
            if pageCount == 0 { serial = pageSerial } else if pageSerial != serial {
                throw damaged("It holds more than one Ogg stream")
            }
            var position = offset + 27 + segments
            for index in 0 ..< segments {
                let lace = Int(bytes[offset + 27 + index])
                partial += bytes[position ..< position + lace]
                position += lace
                if lace < 255 {
                    if packets.isEmpty, partial.starts(with: Array("OpusHead".utf8)) { wanted = 2 }
                    packets.append(partial)
                    partial = []
                }
            }
            pageCount += 1
            offset += length
        }
        guard partial.isEmpty, let comments = CommentPacket(packets[1]) else {
            throw damaged("Its comment header is damaged")
        }
        self.comments = comments
        audioStart = offset
    }
}

/// A Vorbis (`\u{3}vorbis`, framing bit) or Opus (`OpusTags`) comment packet.
private struct CommentPacket {
    var magic: [UInt8]
    var vendor: [UInt8]
    var entries: [(name: String, value: String)]
    var trailer: [UInt8]

    init?(_ packet: [UInt8]) {
        let vorbisMagic: [UInt8] = [3] + Array("vorbis".utf8)
        let opusMagic = Array("OpusTags".utf8)
        if packet.starts(with: vorbisMagic) { magic = vorbisMagic } else if packet.starts(with: opusMagic) {
            magic = opusMagic
        } else { return nil }
        var position = magic.count
        func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, position + count <= packet.count else { return nil }
            defer { position += count }
            return packet[position ..< position + count]
        }
        func length() -> Int? { take(4).map { Int(OggPage.readUInt32(Array($0), 0)) } }
        guard let vendorLength = length(), let vendor = take(vendorLength), let count = length() else { return nil }
        self.vendor = Array(vendor)
        entries = []
        for _ in 0 ..< count {
            guard let size = length(), let text = take(size) else { return nil }
            let string = String(decoding: text, as: UTF8.self)
            let equals = string.firstIndex(of: "=") ?? string.endIndex
            entries.append((String(string[..<equals]), equals < string.endIndex ? String(string[string.index(after: equals)...]) : ""))
        }
        trailer = Array(packet[position...])  // Vorbis framing bit; Opus padding/binary data
    }

    func replacing(entries: [(name: String, value: String)]) -> [UInt8] {
        func le32(_ value: Int) -> [UInt8] { (0 ..< 4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        var packet = magic + le32(vendor.count) + vendor + le32(entries.count)
        for (name, value) in entries {
            let text = Array("\(name)=\(value)".utf8)
            packet += le32(text.count) + text
        }
        return packet + (magic.first == 3 ? [1] : trailer)
    }
}

/// Ogg page layout and CRC.
enum OggPage {
    /// The byte length of the page at `offset`, or nil if there is no whole page there.
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        guard offset + 27 <= bytes.count, bytes[offset] == 0x4F, bytes[offset + 1] == 0x67,
              bytes[offset + 2] == 0x67, bytes[offset + 3] == 0x53 else { return nil }
        let segments = Int(bytes[offset + 26])
        guard offset + 27 + segments <= bytes.count else { return nil }
        var body = 0
        for index in 0 ..< segments { body += Int(bytes[offset + 27 + index]) }
        let total = 27 + segments + body
        return offset + total <= bytes.count ? total : nil
    }

    static func length(_ bytes: [UInt8], at offset: Int) -> Int? {
        bytes.withUnsafeBufferPointer { length($0, at: offset) }
    }

    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0 ..< 4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    /// Lays packets out in pages: each packet's lacing values, at most 255 per page;
    /// a page where a packet ends gets granule position 0 (header pages), others −1.
    static func encode(packets: [[UInt8]], serial: UInt32, firstSequence: UInt32, bos: Bool) -> [[UInt8]] {
        var pages: [[UInt8]] = []
        var lacing: [UInt8] = [], body: [UInt8] = []
        var continued = false, packetEnded = false
        func flush(nextContinues: Bool) {
            var page = Array("OggS".utf8) + [0, (continued ? 1 : 0) | (bos && pages.isEmpty ? 2 : 0)]
            let granule: UInt64 = packetEnded ? 0 : .max
            page += (0 ..< 8).map { UInt8(granule >> (8 * UInt64($0)) & 0xFF) }
            page += le32(serial) + le32(firstSequence + UInt32(pages.count)) + [0, 0, 0, 0]
            page += [UInt8(lacing.count)] + lacing + body
            setCRC(&page)
            pages.append(page)
            lacing = []; body = []
            continued = nextContinues; packetEnded = false
        }
        for packet in packets {
            var remaining = packet[...]
            while true {
                if lacing.count == 255 { flush(nextContinues: true) }
                let lace = min(remaining.count, 255)
                lacing.append(UInt8(lace))
                body += remaining.prefix(lace)
                remaining = remaining.dropFirst(lace)
                if lace < 255 { packetEnded = true; break }
            }
        }
        if !lacing.isEmpty { flush(nextContinues: false) }
        return pages
    }

    /// Adds `shift` to a page's sequence number and recomputes its CRC.
    static func renumber(_ page: inout [UInt8], by shift: Int64) {
        let sequence = UInt32(truncatingIfNeeded: Int64(readUInt32(page, 18)) + shift)
        page.replaceSubrange(18 ..< 22, with: le32(sequence))
        setCRC(&page)
    }

    private static func le32(_ value: UInt32) -> [UInt8] {
        (0 ..< 4).map { UInt8(value >> (8 * UInt32($0)) & 0xFF) }
    }

    private static func setCRC(_ page: inout [UInt8]) {
        page.replaceSubrange(22 ..< 26, with: [0, 0, 0, 0])
        var crc: UInt32 = 0
        for byte in page { crc = crc << 8 ^ crcTable[Int(crc >> 24 ^ UInt32(byte))] }
        page.replaceSubrange(22 ..< 26, with: le32(crc))
    }

    /// CRC-32 with polynomial 0x04C11DB7, unreflected, initial 0 (RFC 3533 §6).
    private static let crcTable: [UInt32] = (0 ..< 256).map { index in
        var r = UInt32(index) << 24
        for _ in 0 ..< 8 { r = r & 0x8000_0000 != 0 ? r << 1 ^ 0x04C1_1DB7 : r << 1 }
        return r
    }
}
