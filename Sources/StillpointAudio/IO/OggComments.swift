internal import COgg
import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

/// Rewrites the comment header of an Ogg Vorbis or Opus file (RFC 3533 paging,
/// Vorbis I §5, RFC 7845 §5.2), so chapters can be added after libsndfile has
/// written the file: libsndfile writes only its fixed tag keys.
///
/// libogg does the paging: the header packets are read out of their pages and laid
/// out in new ones; every later page is copied with the new stream serial number,
/// renumbered when the header takes a different number of pages than before, and
/// given a new CRC. The file is read and written in pieces, so a long track costs
/// no memory. Only a single logical stream is supported (what libsndfile writes).
///
/// The serial number is the one part of the file libsndfile makes at random (a
/// new one every run, and it has no command to set it), so a track rendered twice
/// differed in 8 bytes of every page. RFC 3533 asks only that the streams of one
/// physical file differ; these files hold one stream, so the serial is taken from
/// the header packets instead (`serial(for:)`): the same track gives the same bytes
/// on every run, and tracks with other tags or settings get other serials.
enum OggComments {
    static func update(_ url: URL, chapters: [ChapterMark], tags: Tags) throws {
        let input = try FileReader(FilePath(url.path))
        let headers = try OggHeaders(input, url: url)
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

        let serial = Self.serial(for: packets)
        let pages = OggStream(serial: serial).headerPages(packets)
        let shift = Int64(pages.count) - Int64(headers.pageCount)
        try AtomicReplacement.replace(FilePath(url.path)) { output in
            for page in pages { try output.write(page) }
            let reader = OggPageReader(input, url: url, from: headers.audioStart)
            while var page = try reader.next() {
                OggStream.restamp(&page, serial: serial, shift: shift)
                try output.write(UnsafeBufferPointer(start: page.header, count: page.header_len))
                try output.write(UnsafeBufferPointer(start: page.body, count: page.body_len))
            }
        }
    }

    /// The comment that carries a picture (a FLAC PICTURE block in base64), as the
    /// Xiph wiki's VorbisComment page defines it.
    static let pictureField = "METADATA_BLOCK_PICTURE"

    /// The stream's serial number, from its header packets: FNV-1a (32-bit) over
    /// their bytes. Written here because it is four lines and needs only to be
    /// deterministic and well spread, not secret.
    static func serial(for packets: [[UInt8]]) -> Int32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in packets.joined() { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return Int32(bitPattern: hash)
    }

    static func read(_ url: URL) throws -> [(name: String, value: String)] {
        try OggHeaders(try FileReader(FilePath(url.path)), url: url).comments.entries
    }
}

/// The header packets of an Ogg Vorbis (three) or Opus (two) stream, and where the audio starts.
private struct OggHeaders {
    var packets: [[UInt8]] = []
    var comments: CommentPacket
    var pageCount = 0
    var audioStart: Int64 = 0

    init(_ input: FileReader, url: URL) throws {
        func damaged(_ why: String) -> AudioFileError {
            AudioFileError(.tag, file: url, reason: why, call: "ogg")
        }
        let reader = OggPageReader(input, url: url)
        var stream: OggStream?
        var wanted = 3
        while packets.count < wanted {
            guard var page = try? reader.next() else {
                throw damaged("It is not an Ogg file, or its headers are damaged")
            }
            let current = stream ?? OggStream(serial: ogg_page_serialno(&page))
            stream = current
            guard current.add(&page) else { throw damaged("It holds more than one Ogg stream") }
            pageCount += 1
            while packets.count < wanted, let packet = current.nextPacket() {
                if packets.isEmpty, packet.starts(with: Array("OpusHead".utf8)) { wanted = 2 }
                packets.append(packet)
            }
        }
        // The audio must start on a page of its own, as libsndfile writes it: the
        // header pages are replaced whole.
        guard stream?.hasPendingBytes == false, let comments = CommentPacket(packets[1]) else {
            throw damaged("Its comment header is damaged")
        }
        self.comments = comments
        audioStart = reader.pageStart
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
        func length() -> Int? { take(4).map { $0.reversed().reduce(0) { $0 << 8 | Int($1) } } }
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
