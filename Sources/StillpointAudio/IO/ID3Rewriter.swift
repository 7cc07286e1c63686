import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

/// Replaces the ID3v2 tag at the front of an MP3 file, streaming the audio across
/// into a temporary file beside it that is renamed into place (`AtomicReplacement`).
enum ID3Rewriter {
    static func rewrite(_ url: URL, chapters: [ChapterMark], tags: Tags) throws {
        guard chapters.count <= 255 else {
            throw AudioFileError(.tag, file: url, reason: "MP3 holds at most 255 chapters, not \(chapters.count)", call: "CTOC")
        }
        let seconds = try SoundFileReader(url: url).info.seconds
        let input = try FileReader(FilePath(url.path))
        var tag = ID3v2Tag()
        var audioStart = 0
        if let size = ID3v2Tag.tagSize(header: try input.read(upTo: 10, at: 0)) {
            let old = try input.read(upTo: size, at: 0)
            tag.frames = (ID3v2Tag(parsing: old)?.frames ?? []).filter { !ID3v2Tag.ownedFrameIDs.contains($0.id) }
            audioStart = size
        }
        for (field, id) in ID3v2Tag.textFrameIDs where field != .date {
            if let value = tags[keyPath: field.keyPath] { tag.frames.append(ID3v2Tag.textFrame(id, value)) }
        }
        if let date = tags.date { tag.frames += ID3v2Tag.dateFrames(date) }
        if let comment = tags.comment { tag.frames.append(ID3v2Tag.commentFrame(comment)) }
        tag.frames += ID3v2Tag.chapterFrames(chapters, trackSeconds: seconds)
        if let cover = tags.cover { tag.frames.append(ID3v2Tag.pictureFrame(try CoverPicture(contentsOf: cover))) }

        let audioLength = try audioLength(input, from: audioStart)
        try AtomicReplacement.replace(FilePath(url.path)) { output in
            try output.write(tag.encoded())
            try output.copy(from: input, offset: Int64(audioStart), count: audioLength)
        }
    }

    /// Bytes from `start` to the end of the MP3 frames, leaving out an ID3v1 tag
    /// (LAME appends one; it holds Latin-1 only and would contradict the new tag).
    private static func audioLength(_ input: FileReader, from start: Int) throws(FileError) -> Int64 {
        let end = try input.status().size
        if end - Int64(start) >= 128, try input.read(upTo: 3, at: end - 128) == Array("TAG".utf8) {
            return end - 128 - Int64(start)
        }
        return end - Int64(start)
    }

    static func readTag(_ url: URL) throws -> ID3v2Tag? {
        let input = try FileReader(FilePath(url.path))
        guard let size = ID3v2Tag.tagSize(header: try input.read(upTo: 10, at: 0)) else { return nil }
        return ID3v2Tag(parsing: try input.read(upTo: size, at: 0))
    }
}
