import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

@Suite struct ChapterTests {
    static let chapters = [
        ChapterMark(title: "Arriving", seconds: 0),
        ChapterMark(title: "Breath — Atem", seconds: 0.5),
        ChapterMark(title: "Returning", seconds: 1.25),
    ]
    static let tags = Tags(title: "Settle", artist: "Teacher", album: "Evening", comment: "rest", genre: "Meditation", date: "2026-01-02")

    static func writeTone(_ format: AudioFormat, in folder: URL, tags: Tags = Tags(title: "Old title")) throws -> URL {
        let url = folder.appendingPathComponent("track.\(format.fileExtension)")
        let writer = try SoundFileWriter(url: url, format: format, rate: 48000, channels: 2, tags: tags)
        try writer.write(AudioFixtures.sine(frequency: 440, rate: 48000, frames: 72000, channels: 2))
        try writer.close()
        return url
    }

    @Test(arguments: [AudioFormat.flac, .mp3, .ogg, .opus])
    func chaptersAndTagsReadBack(_ format: AudioFormat) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.writeTone(format, in: folder)
        try ChapterWriter.write(chapters: Self.chapters, tags: Self.tags, to: url, format: format)
        // Written twice (a rebuild): replaced, not doubled.
        try ChapterWriter.write(chapters: Self.chapters, tags: Self.tags, to: url, format: format)

        let (chapters, tags) = try ChapterReader.read(from: url, format: format)
        #expect(chapters == Self.chapters)
        #expect(tags == Self.tags)
        // The audio is untouched and libsndfile still decodes it and sees the new tags.
        let reader = try SoundFileReader(url: url)
        #expect(try reader.readAll().count == 72000 * 2)
        #expect(reader.tags.title == "Settle")
    }

    /// What an independent reader, ffprobe, makes of the chapters: the same titles
    /// and starts to the millisecond, each ending where the next starts and the last
    /// at the end of the 1.5 s track. ffmpeg reads MP3's ID3 `CHAP` frames, which
    /// carry their own end, and FLAC's, Vorbis's and Opus's `CHAPTERnnn` comments,
    /// which do not: there it ends the last chapter at its own idea of the length,
    /// which for Opus counts the encoder's 312 samples (6.5 ms) of pre-skip in.
    @Test(arguments: [AudioFormat.flac, .mp3, .ogg, .opus])
    func ffprobeReadsTheChapters(_ format: AudioFormat) async throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.writeTone(format, in: folder)
        try ChapterWriter.write(chapters: Self.chapters, tags: Self.tags, to: url, format: format)

        #expect(try await FFprobe.chapters(of: url) == [
            ProbedChapter("Arriving", start: 0, end: 500),
            ProbedChapter("Breath — Atem", start: 500, end: 1250),
            ProbedChapter("Returning", start: 1250, end: format == .opus ? 1507 : 1500),
        ])
    }

    /// 250 chapters with 330-byte titles: the Ogg comment header outgrows a page
    /// (so every later page is renumbered) and ID3 frames need sizes above 127.
    @Test(arguments: [AudioFormat.flac, .mp3, .ogg, .opus])
    func manyLongChaptersSurvive(_ format: AudioFormat) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.writeTone(format, in: folder)
        let many = (0 ..< 250).map {
            ChapterMark(title: String(repeating: "Chapter \($0) ", count: 30), seconds: Double($0 * 5) / 1000)
        }
        try ChapterWriter.write(chapters: many, tags: Self.tags, to: url, format: format)
        #expect(try ChapterReader.read(from: url, format: format).chapters == many)
        // Ogg pages failing their CRC would be dropped by the decoder: all frames must be there.
        #expect(try SoundFileReader(url: url).readAll().count == 72000 * 2)
    }

    @Test func mp3KeepsOneID3TagAndLAMEsEncoderFrame() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // With several fields LAME writes an ID3v2.3 tag of its own (with only a title, just ID3v1).
        let old = Tags(title: "Old title", artist: "Old artist", album: "Old album", comment: "Old", genre: "Old", date: "1999")
        let url = try Self.writeTone(.mp3, in: folder, tags: old)
        #expect(IOMeasure.occurrences(of: "ID3", in: [UInt8](try Data(contentsOf: url).prefix(3))) == 1)
        try ChapterWriter.write(chapters: Self.chapters, tags: Self.tags, to: url, format: .mp3)
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(Array(bytes.prefix(4)) == [0x49, 0x44, 0x33, 3])
        #expect(IOMeasure.occurrences(of: "ID3", in: bytes) == 1)
        #expect(IOMeasure.occurrences(of: "TSSE", in: bytes) == 1)
        #expect(IOMeasure.occurrences(of: "Old", in: bytes) == 0)
        #expect(String(decoding: bytes.suffix(128).prefix(3), as: UTF8.self) != "TAG")
    }

    @Test func flacChapterCommentsFollowTheConvention() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.writeTone(.flac, in: folder)
        try ChapterWriter.write(
            chapters: [ChapterMark(title: "Long", seconds: 3723.4567)], tags: Tags(), to: url, format: .flac)
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(IOMeasure.occurrences(of: "CHAPTER001=01:02:03.457", in: bytes) == 1)
        #expect(IOMeasure.occurrences(of: "CHAPTER001NAME=Long", in: bytes) == 1)
        // Tags that were not given again stay as libsndfile wrote them.
        #expect(try ChapterReader.read(from: url, format: .flac).tags.title == "Old title")
    }
}
