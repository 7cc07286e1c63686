import Foundation
import StillpointScript

/// Replaces the ID3v2 tag at the front of an MP3 file, streaming the audio across
/// into a temporary file beside it that is renamed into place.
enum ID3Rewriter {
    static func rewrite(_ url: URL, chapters: [ChapterMark], tags: Tags) throws {
        guard chapters.count <= 255 else {
            throw AudioFileError(.tag, file: url, reason: "MP3 holds at most 255 chapters, not \(chapters.count)", call: "CTOC")
        }
        let seconds = try SoundFileReader(url: url).info.seconds
        let input = try open(url)
        defer { try? input.close() }
        let header = [UInt8](try input.read(upToCount: 10) ?? Data())
        var tag = ID3v2Tag()
        var audioStart = 0
        if let size = ID3v2Tag.tagSize(header: header) {
            try input.seek(toOffset: 0)
            let old = [UInt8](try input.read(upToCount: size) ?? Data())
            tag.frames = (ID3v2Tag(parsing: old)?.frames ?? []).filter { !ID3v2Tag.ownedFrameIDs.contains($0.id) }
            audioStart = size
        }
        for (field, id) in ID3v2Tag.textFrameIDs where field != .date {
            if let value = tags[keyPath: field.keyPath] { tag.frames.append(ID3v2Tag.textFrame(id, value)) }
        }
        if let date = tags.date { tag.frames += ID3v2Tag.dateFrames(date) }
        if let comment = tags.comment { tag.frames.append(ID3v2Tag.commentFrame(comment)) }
        tag.frames += ID3v2Tag.chapterFrames(chapters, trackSeconds: seconds)

        try FileReplacement.replace(url) { output in
            try output.write(contentsOf: Data(tag.encoded()))
            var remaining = try audioLength(input, from: audioStart)
            try input.seek(toOffset: UInt64(audioStart))
            while remaining > 0, let chunk = try input.read(upToCount: min(1 << 20, remaining)), !chunk.isEmpty {
                try output.write(contentsOf: chunk)
                remaining -= chunk.count
            }
        }
    }

    /// Bytes from `start` to the end of the MP3 frames, leaving out an ID3v1 tag
    /// (LAME appends one; it holds Latin-1 only and would contradict the new tag).
    private static func audioLength(_ input: FileHandle, from start: Int) throws -> Int {
        let end = Int(try input.seekToEnd())
        if end - start >= 128 {
            try input.seek(toOffset: UInt64(end - 128))
            if try input.read(upToCount: 3) == Data("TAG".utf8) { return end - 128 - start }
        }
        return end - start
    }

    static func readTag(_ url: URL) throws -> ID3v2Tag? {
        let input = try open(url)
        defer { try? input.close() }
        guard let size = ID3v2Tag.tagSize(header: [UInt8](try input.read(upToCount: 10) ?? Data())) else { return nil }
        try input.seek(toOffset: 0)
        return ID3v2Tag(parsing: [UInt8](try input.read(upToCount: size) ?? Data()))
    }

    private static func open(_ url: URL) throws -> FileHandle {
        do {
            return try FileHandle(forReadingFrom: url)
        } catch {
            throw AudioFileError(.tag, file: url, reason: error.localizedDescription, call: "open")
        }
    }
}
