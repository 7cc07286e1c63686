import Foundation
import StillpointBuild
import StillpointScript

/// One page and one feed: the library's top-level scripts (public, at the
/// site's root), or one top-level folder (a client, a course), private under
/// its token.
struct SiteCollection {
    /// nil for the top-level scripts.
    var folder: String?
    var token: String?
    var title: String
    var tracks: [PublishedTrack]

    var isPrivate: Bool { folder != nil }
    /// The collection's folder in the site, with a trailing `/` (empty for the root).
    var path: String { token.map { $0 + "/" } ?? "" }

    /// The site paths of a track's files, relative to the collection.
    struct Files {
        var audio: [(file: TrackFile, path: String)]
        var transcript: String
        var chapters: String?
        var cover: String?
    }

    static func files(of track: PublishedTrack) -> Files {
        let name = track.nameInCollection
        return Files(
            audio: track.files.map { ($0, name + "." + $0.format.fileExtension) },
            transcript: name + ".vtt",
            chapters: track.chapters.isEmpty ? nil : name + ".chapters.json",
            cover: track.cover.map { cover in
                name + ".cover." + (((try? Data(contentsOf: cover)).flatMap { PictureType(header: $0) })?.fileExtension ?? "jpg")
            })
    }

    /// A stable anchor for a track on its page, from its script path.
    static func anchor(of track: PublishedTrack) -> String {
        "t-" + ContentHasher.hash(of: Array(track.script.utf8)).prefix(12)
    }

    /// The feed `guid`: from the script's path only, so an edited and rendered
    /// track stays the same episode in podcast apps.
    static func guid(of track: PublishedTrack) -> String {
        "stillpoint:" + ContentHasher.hash(of: Array(track.script.utf8)).prefix(32)
    }

    /// The value every track shares (album, artist, language), if they all share one.
    static func shared(_ values: [String?]) -> String? {
        let set = Set(values)
        return set.count == 1 ? set.first ?? nil : nil
    }
}
