import Foundation
import StillpointScript

/// An ID3v2.3 tag (id3.org/id3v2.3.0 and the Chapter Frame Addendum), built and
/// parsed in Swift: libsndfile's MP3 writer (LAME) emits only the basic text
/// fields, and nothing in our C libraries writes `CHAP`/`CTOC` frames.
///
/// Version 2.3, not 2.4: it is what most players read, and FFmpeg reads the frames
/// embedded in `CHAP` with 2.3's plain sizes even in a 2.4 tag, which loses every
/// chapter title longer than 127 bytes. Text is ISO-8859-1 when it fits, otherwise
/// UTF-16 with a BOM. The date goes into `TDRC` (widely read in 2.3 tags too) and
/// its year into `TYER` for strict 2.3 readers. No unsynchronisation, no extended header.
struct ID3v2Tag {
    struct Frame {
        var id: String
        var body: [UInt8]
    }

    var frames: [Frame] = []
    /// The major version read (3 or 4); written tags are 3.
    var version: UInt8 = 3

    init(frames: [Frame] = []) {
        self.frames = frames
    }

    /// Text fields as ID3 frame IDs.
    static let textFrameIDs: [(TagField, String)] = [
        (.title, "TIT2"), (.artist, "TPE1"), (.album, "TALB"), (.genre, "TCON"), (.date, "TDRC"),
    ]

    /// Frames this tag writes; frames with these IDs in an existing tag are replaced.
    static let ownedFrameIDs: Set<String> = ["TIT2", "TPE1", "TALB", "TCON", "TDRC", "TYER", "TDAT", "COMM", "CHAP", "CTOC", "APIC"]

    // MARK: Building

    static func textFrame(_ id: String, _ text: String) -> Frame {
        Frame(id: id, body: encodeText(text))
    }

    /// The frames for the date: `TDRC` as given, `TYER` with its year if it starts with one.
    static func dateFrames(_ date: String) -> [Frame] {
        let year = date.prefix(4)
        let hasYear = year.count == 4 && year.allSatisfy { $0.isASCII && $0.isNumber }
        return [textFrame("TDRC", date)] + (hasYear ? [textFrame("TYER", String(year))] : [])
    }

    static func commentFrame(_ text: String) -> Frame {
        // encoding, language, empty description (terminated), text
        let encoded = encodeText(text)
        let terminator: [UInt8] = encoded[0] == 1 ? [0xFF, 0xFE, 0, 0] : [0]
        return Frame(id: "COMM", body: [encoded[0]] + Array("eng".utf8) + terminator + encoded.dropFirst())
    }

    /// `APIC`: encoding 0, MIME type, picture type, an empty description, the bytes.
    static func pictureFrame(_ picture: CoverPicture) -> Frame {
        let body = [0] + Array(picture.type.mimeType.utf8) + [0, UInt8(CoverPicture.frontCover), 0] + picture.data
        return Frame(id: "APIC", body: body)
    }

    /// Encoding byte and text: ISO-8859-1 if every character fits, else UTF-16LE with BOM.
    private static func encodeText(_ text: String) -> [UInt8] {
        if text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) {
            return [0] + text.unicodeScalars.map { UInt8($0.value) }
        }
        return [1, 0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// `CHAP` frames `chp1…` (times in ms, byte offsets unused) with a `TIT2` title
    /// inside, and a top-level ordered `CTOC` listing them.
    static func chapterFrames(_ chapters: [ChapterMark], trackSeconds: Double) -> [Frame] {
        guard !chapters.isEmpty else { return [] }
        func ms(_ seconds: Double) -> [UInt8] { bigEndian(UInt32(clamping: Int64((max(seconds, 0) * 1000).rounded()))) }
        var frames: [Frame] = []
        var ids: [String] = []
        for (index, chapter) in chapters.enumerated() {
            let id = "chp\(index + 1)"
            ids.append(id)
            let end = index + 1 < chapters.count ? chapters[index + 1].seconds : max(trackSeconds, chapter.seconds)
            var body = Array(id.utf8) + [0] + ms(chapter.seconds) + ms(end)
            body += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
            body += encode(textFrame("TIT2", chapter.title))
            frames.append(Frame(id: "CHAP", body: body))
        }
        var toc = Array("toc".utf8) + [0, 0x03, UInt8(ids.count)]
        for id in ids { toc += Array(id.utf8) + [0] }
        return [Frame(id: "CTOC", body: toc)] + frames
    }

    /// The whole tag: header and frames.
    func encoded() -> [UInt8] {
        let body = frames.flatMap(Self.encode)
        return Array("ID3".utf8) + [3, 0, 0] + Self.syncSafe(body.count) + body
    }

    private static func encode(_ frame: Frame) -> [UInt8] {
        Array(frame.id.utf8) + bigEndian(UInt32(frame.body.count)) + [0, 0] + frame.body
    }

    private static func syncSafe(_ value: Int) -> [UInt8] {
        [UInt8(value >> 21 & 0x7F), UInt8(value >> 14 & 0x7F), UInt8(value >> 7 & 0x7F), UInt8(value & 0x7F)]
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    // MARK: Parsing

    /// The size in bytes of the ID3v2 tag at the start of `header` (its first 10
    /// bytes), footer included; nil if there is none.
    static func tagSize(header: [UInt8]) -> Int? {
        guard header.count >= 10, header[0] == 0x49, header[1] == 0x44, header[2] == 0x33,
              header[3] >= 2, header[3] <= 4 else { return nil }
        let footer = header[3] == 4 && header[5] & 0x10 != 0 ? 10 : 0
        return 10 + readSyncSafe(header[6 ..< 10]) + footer
    }

    /// Parses a tag (v2.3 or v2.4). Frames that are compressed, encrypted or
    /// unsynchronised are skipped; Stillpoint never writes them.
    init?(parsing bytes: [UInt8]) {
        guard let size = Self.tagSize(header: Array(bytes.prefix(10))), bytes.count >= 10 else { return nil }
        version = bytes[3]
        var position = 10
        if bytes[5] & 0x40 != 0, bytes.count >= 14 {  // extended header
            position += version == 4 ? Self.readSyncSafe(bytes[10 ..< 14]) : 4 + Self.readPlain(bytes[10 ..< 14])
        }
        frames = Self.parseFrames(bytes[position ..< min(size, bytes.count)], version: version)
    }

    private static func parseFrames(_ bytes: ArraySlice<UInt8>, version: UInt8) -> [Frame] {
        var frames: [Frame] = []
        var position = bytes.startIndex
        while position + 10 <= bytes.endIndex, bytes[position] != 0 {
            let id = String(decoding: bytes[position ..< position + 4], as: UTF8.self)
            let sizeBytes = bytes[position + 4 ..< position + 8]
            let size = version == 4 ? readSyncSafe(sizeBytes) : readPlain(sizeBytes)
            let flags = bytes[position + 9]
            let start = position + 10
            guard size >= 0, start + size <= bytes.endIndex else { break }
            if flags & (version == 4 ? 0x0F : 0xE0) == 0 {
                frames.append(Frame(id: id, body: Array(bytes[start ..< start + size])))
            }
            position = start + size
        }
        return frames
    }

    private static func readSyncSafe(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 7 | Int($1 & 0x7F) }
    }

    private static func readPlain(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    // MARK: Reading fields

    /// The text of a text frame (any ID3 encoding), or of a `COMM` frame.
    static func text(of frame: Frame) -> String? {
        guard let encoding = frame.body.first else { return nil }
        var payload = Array(frame.body.dropFirst())
        if frame.id == "COMM" {
            guard payload.count >= 3 else { return nil }
            payload = Array(payload.dropFirst(3))
            payload = Array(splitTerminated(payload, encoding: encoding).rest)
        }
        return decode(splitTerminated(payload, encoding: encoding).first, encoding: encoding)
    }

    /// Splits at the first terminator (one zero byte, or two aligned ones for UTF-16).
    private static func splitTerminated(_ bytes: [UInt8], encoding: UInt8) -> (first: [UInt8], rest: ArraySlice<UInt8>) {
        let wide = encoding == 1 || encoding == 2
        var index = 0
        while index < bytes.count {
            if wide {
                if index + 1 < bytes.count, bytes[index] == 0, bytes[index + 1] == 0 {
                    return (Array(bytes[..<index]), bytes[(index + 2)...])
                }
                index += 2
            } else {
                if bytes[index] == 0 { return (Array(bytes[..<index]), bytes[(index + 1)...]) }
                index += 1
            }
        }
        return (bytes, [])
    }

    private static func decode(_ bytes: [UInt8], encoding: UInt8) -> String? {
        switch encoding {
        case 0: return String(bytes.map { Character(Unicode.Scalar($0)) })
        case 1, 2:
            var littleEndian = encoding == 1
            var data = bytes
            if data.count >= 2, encoding == 1 {
                littleEndian = !(data[0] == 0xFE && data[1] == 0xFF)
                if (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) { data.removeFirst(2) }
            }
            let units = stride(from: 0, to: data.count - 1, by: 2).map {
                littleEndian ? UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8 : UInt16(data[$0]) << 8 | UInt16(data[$0 + 1])
            }
            return String(decoding: units, as: UTF16.self)
        default: return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The chapters of `CHAP` frames (title from their `TIT2`), in start order.
    func chapters() -> [ChapterMark] {
        frames.filter { $0.id == "CHAP" }.compactMap { frame in
            let body = frame.body
            guard let zero = body.firstIndex(of: 0), zero + 17 <= body.count else { return nil }
            let start = Self.readPlain(body[zero + 1 ..< zero + 5])
            let sub = Self.parseFrames(body[(zero + 17)...], version: version)
            let title = sub.first { $0.id == "TIT2" }.flatMap(Self.text) ?? ""
            return ChapterMark(title: title, seconds: Double(start) / 1000)
        }.sorted { $0.seconds < $1.seconds }
    }

    /// The basic text tags.
    func tags() -> Tags {
        var tags = Tags()
        for (field, id) in Self.textFrameIDs {
            tags[keyPath: field.keyPath] = frames.first { $0.id == id }.flatMap(Self.text)
        }
        tags.comment = frames.first { $0.id == "COMM" }.flatMap(Self.text)
        if tags.date == nil { tags.date = frames.first { $0.id == "TYER" }.flatMap(Self.text) }
        return tags
    }
}
