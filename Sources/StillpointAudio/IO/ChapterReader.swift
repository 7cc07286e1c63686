import Foundation
import StillpointScript

/// Reads back what `ChapterWriter` wrote, so tests can check a file (the tool
/// itself never reads chapters back, hence `package`).
package enum ChapterReader {
    package static func read(from file: URL, format: AudioFormat) throws -> (chapters: [ChapterMark], tags: Tags) {
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
