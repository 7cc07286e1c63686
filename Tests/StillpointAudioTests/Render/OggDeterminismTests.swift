import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// Ogg Vorbis and Opus tracks come out the same to the byte on every render, as
/// FLAC, MP3 and WAV do: libsndfile picks the stream serial number at random, and
/// the comment rewrite replaces it with one taken from the headers. A random serial
/// made the sample library's `.ogg` and `.opus` differ in 8 bytes of every page.
@Suite struct OggDeterminismTests {
    private typealias F = TrackFixture

    private static func render(_ format: AudioFormat, title: String, to url: URL) throws -> Data {
        var timeline = F.timeline([
            F.tone(.noise(.pink), kind: .bed, from: 0, to: 3, level: -30, fade: 0.5),
            F.tone(.sine(frequency: Param(440)), from: 1, to: 2, level: -20),
        ], length: 3, format: format, chapters: [
            Chapter(title: "One", start: 0, location: F.here), Chapter(title: "Two", start: F.seconds(1.5), location: F.here),
        ])
        timeline.tags.title = title
        _ = try Renderer().render(timeline, to: url)
        return try Data(contentsOf: url)
    }

    /// The serial number of every page (bytes 14–17 of its header).
    private static func serials(_ data: Data) -> Set<UInt32> {
        var found: Set<UInt32> = []
        var offset = 0
        let bytes = [UInt8](data)
        while offset + 27 <= bytes.count, bytes[offset ..< offset + 4].elementsEqual("OggS".utf8) {
            found.insert((0 ..< 4).reduce(0) { $0 | UInt32(bytes[offset + 14 + $1]) << (8 * UInt32($1)) })
            let segments = Int(bytes[offset + 26])
            let body = bytes[(offset + 27) ..< (offset + 27 + segments)].reduce(0) { $0 + Int($1) }
            offset += 27 + segments + body
        }
        #expect(offset == bytes.count, "the file is a whole number of Ogg pages")
        return found
    }

    @Test(arguments: [AudioFormat.ogg, .opus])
    func twoRendersAreByteIdentical(_ format: AudioFormat) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.render(format, title: "Settle", to: folder.appendingPathComponent("a.\(format.fileExtension)"))
        let second = try Self.render(format, title: "Settle", to: folder.appendingPathComponent("b.\(format.fileExtension)"))
        #expect(first == second)
        // One serial on every page, and another track (another title) gets another.
        let serials = Self.serials(first)
        #expect(serials.count == 1)
        let other = try Self.render(format, title: "Return", to: folder.appendingPathComponent("c.\(format.fileExtension)"))
        #expect(Self.serials(other).count == 1 && Self.serials(other) != serials)
        // Every page's CRC still holds: a decoder drops a page that fails it, so all 3 s must decode.
        let decoded = try SoundFileReader(url: folder.appendingPathComponent("b.\(format.fileExtension)")).decode()
        #expect(decoded.channels[0].count == 3 * F.rate)
    }
}
