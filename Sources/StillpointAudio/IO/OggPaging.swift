internal import COgg
import Foundation
import StillpointFiles

/// libogg's page reader (`ogg_sync_*`) over a file, read in 64 KiB pieces: it finds
/// each page, checks its CRC and hands it over. Owns the sync state; cleared in `deinit`.
final class OggPageReader {
    private let input: FileReader
    private let url: URL
    private let state = UnsafeMutablePointer<ogg_sync_state>.allocate(capacity: 1)
    /// Where the next unread byte of the file is, and where the next page starts.
    private var readOffset: Int64
    private(set) var pageStart: Int64

    init(_ input: FileReader, url: URL, from offset: Int64 = 0) {
        self.input = input
        self.url = url
        readOffset = offset
        pageStart = offset
        ogg_sync_init(state)
    }

    deinit {
        ogg_sync_clear(state)
        state.deallocate()
    }

    /// The next page, valid until the next call; nil at the end of the file. Bytes
    /// that are not a whole page with a correct CRC are an error naming their offset.
    func next() throws -> ogg_page? {
        var page = ogg_page()
        while true {
            let result = ogg_sync_pageseek(state, &page)
            if result > 0 {
                pageStart += Int64(result)
                return page
            }
            if result < 0 { throw damaged() }
            guard let buffer = ogg_sync_buffer(state, Self.readSize) else {
                throw AudioFileError(.tag, file: url, reason: "Out of memory", call: "ogg_sync_buffer")
            }
            let got = try input.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Self.readSize), at: readOffset)
            if got == 0 {
                guard readOffset == pageStart else { throw damaged() }  // a page cut short
                return nil
            }
            readOffset += Int64(got)
            ogg_sync_wrote(state, got)
        }
    }

    private func damaged() -> AudioFileError {
        AudioFileError(.tag, file: url, reason: "The Ogg stream is damaged at byte \(pageStart)", call: "ogg_sync_pageseek")
    }

    private static let readSize = 1 << 16
}

/// One logical stream's packet state (`ogg_stream_*`): pages in, packets out when
/// reading; packets in, pages out when writing. Cleared in `deinit`.
final class OggStream {
    private let state = UnsafeMutablePointer<ogg_stream_state>.allocate(capacity: 1)
    private var packetNumber: Int64 = 0

    init(serial: Int32) {
        ogg_stream_init(state, serial)
    }

    deinit {
        ogg_stream_clear(state)
        state.deallocate()
    }

    /// Adds a page read from a file; false if it belongs to another stream or is out of order.
    func add(_ page: inout ogg_page) -> Bool {
        ogg_stream_pagein(state, &page) == 0
    }

    /// The next whole packet of the pages added; nil when none is complete yet
    /// (or the pages had a gap, which `hasPendingBytes` then reports).
    func nextPacket() -> [UInt8]? {
        var packet = ogg_packet()
        guard ogg_stream_packetout(state, &packet) == 1, let bytes = packet.packet else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: packet.bytes))
    }

    /// Whether bytes of the pages added are left that no returned packet holds.
    var hasPendingBytes: Bool { state.pointee.body_fill > state.pointee.body_returned }

    /// Lays header packets out in pages and returns those pages whole: libogg puts
    /// the first packet of a stream alone on its first page, and every page where
    /// a packet ends gets that packet's granule position (0 for headers).
    func headerPages(_ packets: [[UInt8]]) -> [[UInt8]] {
        var pages: [[UInt8]] = []
        for packet in packets {
            var bytes = packet
            bytes.withUnsafeMutableBufferPointer { buffer in
                var op = ogg_packet(
                    packet: buffer.baseAddress, bytes: buffer.count, b_o_s: packetNumber == 0 ? 1 : 0, e_o_s: 0,
                    granulepos: 0, packetno: packetNumber)
                ogg_stream_packetin(state, &op)
            }
            packetNumber += 1
            if packetNumber == 1 { pages += flush() }
        }
        return pages + flush()
    }

    private func flush() -> [[UInt8]] {
        var pages: [[UInt8]] = []
        var page = ogg_page()
        while ogg_stream_flush(state, &page) != 0 { pages.append(Self.bytes(of: page)) }
        return pages
    }

    /// A page's header and body as one array.
    static func bytes(of page: ogg_page) -> [UInt8] {
        Array(UnsafeBufferPointer(start: page.header, count: page.header_len))
            + Array(UnsafeBufferPointer(start: page.body, count: page.body_len))
    }

    /// Gives a page the stream serial number `serial` (bytes 14–17, little-endian),
    /// adds `shift` to its sequence number (bytes 18–21) and has libogg recompute
    /// its CRC.
    static func restamp(_ page: inout ogg_page, serial: Int32, shift: Int64) {
        let sequence = UInt32(truncatingIfNeeded: Int64(ogg_page_pageno(&page)) + shift)
        let serialBits = UInt32(bitPattern: serial)
        for index in 0 ..< 4 {
            page.header[14 + index] = UInt8(truncatingIfNeeded: serialBits >> (8 * UInt32(index)))
            page.header[18 + index] = UInt8(truncatingIfNeeded: sequence >> (8 * UInt32(index)))
        }
        ogg_page_checksum_set(&page)
    }
}
