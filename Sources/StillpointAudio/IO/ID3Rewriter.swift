import Foundation
import StillpointScript

/// Writes chapters (and completes the tags) in a finished, closed output file.
///
/// - FLAC: `CHAPTERnnn`/`CHAPTERnnnNAME` Vorbis comments plus the tag fields, through
///   libFLAC's metadata API (the tags libsndfile wrote are replaced, not doubled).
/// - MP3: the ID3v2.3 tag LAME wrote is replaced by an ID3v2.3 tag with TIT2, TPE1,
///   TALB, COMM, TCON, TDRC (+TYER), a `CTOC` and one `CHAP` per chapter; frames of the old
///   tag that Stillpoint does not write (e.g. LAME's `TSSE`) are kept. LAME's ID3v1
///   tag at the end is dropped: it is Latin-1 only and garbles other titles.
/// - Ogg Vorbis and Opus: the same Vorbis comments as FLAC, in a rewritten comment
///   header (`OggComments`).
/// - WAV: nothing; it carries no chapters and libsndfile already wrote its tags.
public enum ChapterWriter {
    public static func write(chapters: [ChapterMark], tags: Tags, to file: URL, format: AudioFormat) throws {
        switch format {
        case .flac:
            var comments = tags.fields.map { (name: $0.field.vorbisName, value: $0.value) }
            comments += VorbisChapterComments.comments(for: chapters)
            let replaced = Set(tags.fields.map(\.field.vorbisName))
            try FLACComments.update(file, replacing: { name in
                VorbisChapterComments.isChapterField(name) || replaced.contains(name.uppercased())
            }, with: comments)
        case .mp3:
            try ID3Rewriter.rewrite(file, chapters: chapters, tags: tags)
        case .ogg, .opus:
            try OggComments.update(file, chapters: chapters, tags: tags)
        case .wav:
            return
        }
    }
}

/// Reads back what `ChapterWriter` wrote, so tests (and `stillpoint` diagnostics) can check a file.
public enum ChapterReader {
    public static func read(from file: URL, format: AudioFormat) throws -> (chapters: [ChapterMark], tags: Tags) {
        switch format {
        case .flac:
            return vorbis(try FLACComments.read(file))
        case .ogg, .opus:
            return vorbis(try OggComments.read(file))
        case .mp3:
            let tag = try ID3Rewriter.readTag(file)
            return (tag?.chapters() ?? [], tag?.tags() ?? Tags())
        case .wav:
            return ([], try SoundFileReader(url: file).tags)
        }
    }

    private static func vorbis(_ comments: [(name: String, value: String)]) -> (chapters: [ChapterMark], tags: Tags) {
        var tags = Tags()
        for field in TagField.allCases {
            tags[keyPath: field.keyPath] = comments.first { $0.name.uppercased() == field.vorbisName }?.value
        }
        return (VorbisChapterComments.chapters(in: comments), tags)
    }
}

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
