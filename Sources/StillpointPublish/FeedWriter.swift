import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

/// The collection's podcast feed (`feed.xml`): RSS 2.0 with the iTunes and
/// Podcasting 2.0 namespaces, what Apple Podcasts, Pocket Casts, AntennaPod and
/// Overcast read. Every user string goes through `MarkupText.escaped`; the only
/// dates are each track's first publish, kept in `publish-links.json`, so the
/// feed of an unchanged library is the same bytes every time.
enum FeedWriter {
    static let podcastNamespace = "https://podcastindex.org/namespace/1.0"

    static func xml(_ collection: SiteCollection, site: SiteURL, published: [String: Date]) -> String {
        let base = site.absolute(collection.path)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="\(podcastNamespace)" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(MarkupText.escaped(collection.title))</title>
            <link>\(MarkupText.escaped(base))</link>
            <atom:link href="\(MarkupText.escaped(base + "feed.xml"))" rel="self" type="application/rss+xml"/>
            <description>\(MarkupText.escaped(description(collection)))</description>
            <itunes:explicit>false</itunes:explicit>

            """
        if let language = SiteCollection.shared(collection.tracks.map(\.language)) {
            out += "<language>\(MarkupText.escaped(language))</language>\n"
        }
        if let artist = SiteCollection.shared(collection.tracks.map(\.artist)) {
            out += "<itunes:author>\(MarkupText.escaped(artist))</itunes:author>\n"
        }
        if let cover = collection.tracks.lazy.compactMap({ SiteCollection.files(of: $0).cover }).first {
            out += "<itunes:image href=\"\(MarkupText.escaped(base + Markup.urlPath(cover)))\"/>\n"
        }
        if collection.isPrivate {
            // Asks directories and apps not to list the feed (Apple's tag, and
            // Podcasting 2.0's), and not to let it be imported elsewhere.
            out += "<itunes:block>Yes</itunes:block>\n<podcast:block>yes</podcast:block>\n<podcast:locked>yes</podcast:locked>\n"
        }
        for track in collection.tracks {
            out += item(track, base: base, published: published[track.script])
        }
        return out + "</channel>\n</rss>\n"
    }

    private static func item(_ track: PublishedTrack, base: String, published: Date?) -> String {
        let files = SiteCollection.files(of: track)
        let enclosure = files.audio[0]
        var out = "<item>\n<title>\(MarkupText.escaped(track.title))</title>\n"
        if let description = track.description { out += "<description>\(MarkupText.escaped(description))</description>\n" }
        out += "<link>\(MarkupText.escaped(base + "#" + SiteCollection.anchor(of: track)))</link>\n"
        out += "<guid isPermaLink=\"false\">\(SiteCollection.guid(of: track))</guid>\n"
        if let published { out += "<pubDate>\(rfc822(published))</pubDate>\n" }
        let url = MarkupText.escaped(base + Markup.urlPath(enclosure.path))
        out += "<enclosure url=\"\(url)\" length=\"\(byteCount(enclosure.file.url))\" type=\"\(enclosure.file.format.mimeType)\"/>\n"
        out += "<itunes:duration>\(Int(track.seconds.rounded()))</itunes:duration>\n"
        if let cover = files.cover { out += "<itunes:image href=\"\(MarkupText.escaped(base + Markup.urlPath(cover)))\"/>\n" }
        if let chapters = files.chapters {
            out += "<podcast:chapters url=\"\(MarkupText.escaped(base + Markup.urlPath(chapters)))\" type=\"application/json+chapters\"/>\n"
        }
        out += "<podcast:transcript url=\"\(MarkupText.escaped(base + Markup.urlPath(files.transcript)))\" type=\"text/vtt\"/>\n"
        return out + "</item>\n"
    }

    private static func description(_ collection: SiteCollection) -> String {
        SiteCollection.shared(collection.tracks.map(\.album)).map { "\(collection.title): \($0)" }
            ?? "\(collection.title): practices to listen to between sessions"
    }

    /// RFC 822 as RSS 2.0 wants it, always in UTC.
    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// The size of a track's file, for the feed's enclosure and the page's download link.
    static func byteCount(_ file: URL) -> Int {
        Int((try? FileStatus(of: FilePath(file.path)))?.size ?? 0)
    }
}
