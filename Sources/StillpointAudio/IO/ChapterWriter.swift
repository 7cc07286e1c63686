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
/// - The `cover:` picture goes into FLAC, MP3, Ogg and Opus (`CoverPicture`).
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
            if let cover = tags.cover { try FLACComments.setPicture(file, try CoverPicture(contentsOf: cover)) }
        case .mp3:
            try ID3Rewriter.rewrite(file, chapters: chapters, tags: tags)
        case .ogg, .opus:
            try OggComments.update(file, chapters: chapters, tags: tags)
        case .wav:
            return
        }
    }
}
