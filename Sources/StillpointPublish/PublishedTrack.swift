import Foundation
import StillpointAudio
import StillpointScript

/// One finished track as a client will find it: what the page and the feed say
/// about it, taken from the same timeline the build rendered, and its files in
/// the output folder.
public struct PublishedTrack: Sendable, Equatable {
    /// The script's path relative to the library (`sleep/deep-rest.session`). It
    /// names the track's collection, its files in the site, its feed `guid` and
    /// the key of its first-publish date, so none of them change with its content.
    public var script: String
    public var title: String
    /// The `comment:` setting.
    public var description: String?
    public var artist: String?
    public var album: String?
    /// The `language:` setting: the page marks the track's words with it, the
    /// feed names it.
    public var language: String?
    public var seconds: Double
    public var chapters: [ChapterMark]
    /// The `say` lines with words, in order: the transcript.
    public var phrases: [SpokenPhrase]
    /// The `cover:` picture, inside the library.
    public var cover: URL?
    /// The rendered files, the most widely playable first (the feed's enclosure).
    public var files: [TrackFile]
    /// The WebVTT transcript, for `podcast:transcript`.
    public var subtitles: String

    public init(script: String, timeline: Timeline, files: [TrackFile]) {
        self.script = script
        title = timeline.tags.title ?? (script as NSString).lastPathComponent
        description = timeline.tags.comment
        artist = timeline.tags.artist
        album = timeline.tags.album
        language = timeline.tags.language
        seconds = timeline.seconds
        chapters = ChapterMark.marks(timeline.chapters, rate: timeline.rate)
        let rate = Double(timeline.rate)
        phrases = timeline.events.compactMap { event in
            guard event.kind == .say, let text = event.text, !text.isEmpty else { return nil }
            return SpokenPhrase(text: text, start: Double(event.start) / rate, end: Double(event.end) / rate)
        }
        cover = timeline.tags.cover
        self.files = files.sorted { $0.format.playability < $1.format.playability }
        subtitles = WebVTT.text(for: timeline)
    }

    /// The file every podcast app can play: MP3 if there is one.
    public var enclosure: TrackFile { files[0] }

    /// The top-level folder the script is in; nil for a script at the top.
    var folder: String? {
        let parts = script.split(separator: "/")
        return parts.count > 1 ? String(parts[0]) : nil
    }

    /// The track's name inside its collection, without extension (`deep-rest`, `week-1/day-2`).
    var nameInCollection: String {
        let inside = folder.map { String(script.dropFirst($0.count + 1)) } ?? script
        return (inside as NSString).deletingPathExtension
    }
}

public struct SpokenPhrase: Sendable, Equatable {
    public var text: String
    /// Seconds from the start of the track.
    public var start: Double
    public var end: Double

    public init(text: String, start: Double, end: Double) {
        self.text = text
        self.start = start
        self.end = end
    }
}

public struct TrackFile: Sendable, Equatable {
    public var format: AudioFormat
    public var url: URL

    public init(format: AudioFormat, url: URL) {
        self.format = format
        self.url = url
    }
}

extension AudioFormat {
    /// How widely players, browsers and podcast apps play a format, most first:
    /// MP3 everywhere; FLAC and WAV in every current browser and phone, FLAC
    /// being smaller; Opus and Vorbis not in some older Apple players.
    var playability: Int {
        switch self {
        case .mp3: 0
        case .flac: 1
        case .wav: 2
        case .opus: 3
        case .ogg: 4
        }
    }

    /// The MIME type for HTTP, `enclosure` and `<source>`.
    var mimeType: String {
        switch self {
        case .mp3: "audio/mpeg"
        case .flac: "audio/flac"
        case .wav: "audio/wav"
        case .ogg: "audio/ogg"
        case .opus: "audio/ogg; codecs=opus"
        }
    }

    /// What the page calls it.
    var label: String {
        switch self {
        case .mp3: "MP3"
        case .flac: "FLAC (lossless)"
        case .wav: "WAV (lossless)"
        case .ogg: "Ogg Vorbis"
        case .opus: "Opus"
        }
    }
}
