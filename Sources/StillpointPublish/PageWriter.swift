import Foundation
import StillpointScript

/// The collection's page (`index.html`): every track with its cover, length,
/// description, a player, downloads, chapters and transcript.
///
/// It works as plain HTML: the `<audio>` element plays and the chapter links open
/// the file at their time (`#t=` media fragments) with JavaScript off;
/// `player.js` makes the chapter links seek the player and the transcript follow
/// it. Every user string goes through `MarkupText.escaped`, and the page's
/// Content-Security-Policy allows only the site's own script and style files, so
/// even a string that slipped through could not run on a client's phone. The
/// page holds no date or time, so publishing again writes the same bytes.
enum PageWriter {
    static func html(_ collection: SiteCollection, feed: String?) -> String {
        let title = MarkupText.escaped(collection.title)
        var out = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">

            """
        if collection.isPrivate { out += "<meta name=\"robots\" content=\"noindex, nofollow\">\n" }
        out += """
            <title>\(title)</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="style.css">

            """
        if let feed { out += "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"\(title)\" href=\"\(feed)\">\n" }
        out += """
            <script src="player.js" defer></script>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>

            """
        let count = collection.tracks.count
        var about = "\(count) practice\(count == 1 ? "" : "s")"
        if let artist = SiteCollection.shared(collection.tracks.map(\.artist)) { about = MarkupText.escaped(artist) + " · " + about }
        out += "<p class=\"about\">\(about)</p>\n"
        if let feed {
            out += "<p class=\"subscribe\"><a href=\"\(feed)\">Subscribe in a podcast app</a> (copy this link into the app)</p>\n"
        }
        out += "</header>\n<main>\n"
        if collection.tracks.isEmpty { out += "<p>There is nothing to listen to here yet.</p>\n" }
        for track in collection.tracks { out += article(track) }
        out += """
            </main>
            <footer><p>Made with Stillpoint. Stop whenever you need to; nothing here plays by itself.</p></footer>
            </body>
            </html>

            """
        return out
    }

    private static func article(_ track: PublishedTrack) -> String {
        let files = SiteCollection.files(of: track)
        let id = SiteCollection.anchor(of: track)
        let title = MarkupText.escaped(track.title)
        // The page's own words are English; the practitioner's are in the track's
        // language, so a screen reader pronounces each in its own.
        let lang = track.language.map { " lang=\"\(MarkupText.escaped($0))\"" } ?? ""
        var out = "<article class=\"track\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        if let cover = files.cover {
            out += "<img class=\"cover\" src=\"\(Markup.urlPath(cover))\" alt=\"\" width=\"160\" height=\"160\">\n"
        }
        out += "<h2 id=\"\(id)-title\"\(lang)>\(title)</h2>\n"
        out += "<p class=\"length\">Length <time datetime=\"PT\(Int(track.seconds.rounded()))S\">\(clock(track.seconds))</time></p>\n"
        if let description = track.description {
            out += "<p class=\"description\"\(lang)>\(MarkupText.escaped(description))</p>\n"
        }
        let main = Markup.urlPath(files.audio[0].path)
        out += "<audio controls preload=\"metadata\" aria-label=\"Play \(title)\">\n"
        for (file, path) in files.audio {
            out += "<source src=\"\(Markup.urlPath(path))\" type=\"\(file.format.mimeType)\">\n"
        }
        out += "<a href=\"\(main)\">Download \(title)</a>\n</audio>\n"
        out += "<p class=\"downloads\">Download: "
        out += files.audio.map { file, path in
            "<a href=\"\(Markup.urlPath(path))\" download>\(file.format.label), \(size(of: file.url))</a>"
        }.joined(separator: " ")
        out += "</p>\n"
        if !track.chapters.isEmpty {
            out += "<nav class=\"chapters\" aria-labelledby=\"\(id)-chapters\">\n<h3 id=\"\(id)-chapters\">Chapters</h3>\n<ol>\n"
            for chapter in track.chapters {
                let start = seconds(ChaptersJSON.milliseconds(chapter.seconds))
                out += "<li><a href=\"\(main)#t=\(start)\" data-seek=\"\(start)\">"
                out += "<span class=\"chapter-title\"\(lang)>\(MarkupText.escaped(chapter.title))</span> "
                out += "<time>\(clock(chapter.seconds))</time></a></li>\n"
            }
            out += "</ol>\n</nav>\n"
        }
        if !track.phrases.isEmpty {
            out += "<section class=\"transcript\" aria-labelledby=\"\(id)-words\">\n<h3 id=\"\(id)-words\">Transcript</h3>\n"
            out += "<ol class=\"phrases\"\(lang)>\n"
            for phrase in track.phrases {
                out += "<li data-start=\"\(seconds(phrase.start))\" data-end=\"\(seconds(phrase.end))\">"
                out += "\(MarkupText.escaped(phrase.text))</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        return out + "</article>\n"
    }

    /// `1:15`, `1:02:03`: whole seconds dropped, as the browser's player counts.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        let h = total / 3600, m = total / 60 % 60, s = total % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// Seconds with three decimals, as the page's data attributes and fragments carry them.
    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

    private static func size(of file: URL) -> String {
        let bytes = Double(FeedWriter.byteCount(file))
        return bytes >= 1_000_000 ? String(format: "%.1f MB", bytes / 1_000_000) : String(format: "%.0f kB", max(bytes / 1000, 1))
    }
}
