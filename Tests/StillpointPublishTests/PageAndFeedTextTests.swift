import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import StillpointAudio
import StillpointScript
@testable import StillpointPublish
import Testing

/// The page and the feed as text, without a browser: hostile strings in every
/// user field stay text, the feed stays well-formed XML, and the page works as
/// plain HTML (player, downloads and chapter links need no script).
struct PageAndFeedTextTests {
    static func track(_ text: String) -> PublishedTrack {
        let timeline = Timeline(
            script: "x.session", settings: OutputSettings(), tags: Tags(title: text, comment: text),
            length: 480_000, events: [], chapters: [], dependencies: [])
        var track = PublishedTrack(script: "\(text)/x.session", timeline: timeline, files: [
            TrackFile(format: .flac, url: URL(fileURLWithPath: "/nonexistent/x.flac")),
            TrackFile(format: .mp3, url: URL(fileURLWithPath: "/nonexistent/x.mp3")),
        ])
        track.chapters = [ChapterMark(title: text, seconds: 0), ChapterMark(title: "Two", seconds: 2.5)]
        track.phrases = [SpokenPhrase(text: text, start: 0.5, end: 2)]
        return track
    }

    static func collection(_ text: String) -> SiteCollection {
        SiteCollection(folder: text, token: LinkStore.newToken(), title: text, tracks: [track(text)])
    }

    @Test(arguments: MarkupTests.hostile)
    func hostileTextStaysTextInThePage(_ text: String) {
        let html = PageWriter.html(Self.collection(text), feed: "feed.xml")
        if text.contains("<") || text.contains("\"") { #expect(!html.contains(text)) }
        #expect(html.components(separatedBy: "<script").count == 2)  // only player.js
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("<title>\(MarkupText.escaped(text))</title>"))
    }

    @Test(arguments: MarkupTests.hostile)
    func hostileTextKeepsTheFeedWellFormed(_ text: String) throws {
        let xml = FeedWriter.xml(Self.collection(text), site: SiteURL("https://example.com/")!, published: [:])
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func thePageWorksWithoutJavaScript() {
        let html = PageWriter.html(Self.collection("Anna"), feed: "feed.xml")
        #expect(html.contains("<audio controls preload=\"metadata\""))
        #expect(!html.contains("autoplay"))
        // The most widely playable format is offered first, and each can be downloaded.
        #expect(html.contains("<source src=\"x.mp3\" type=\"audio/mpeg\">\n<source src=\"x.flac\" type=\"audio/flac\">"))
        #expect(html.contains("<a href=\"x.mp3\" download>") && html.contains("<a href=\"x.flac\" download>"))
        // A chapter link opens the file at its time by itself; the script only makes it seek in place.
        #expect(html.contains("<a href=\"x.mp3#t=2.500\" data-seek=\"2.500\">"))
        #expect(html.contains("<li data-start=\"0.500\" data-end=\"2.000\">Anna</li>"))
        #expect(html.contains("name=\"robots\" content=\"noindex, nofollow\""))
        // Nothing is fetched from anywhere else: no CDN, no web fonts.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("//"))
        #expect(!PageAssets.css.contains("url(") && !PageAssets.css.contains("@import"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'"))
    }

    /// The page's own words are English; with `language:`, the practitioner's
    /// (title, description, chapter titles, transcript) are marked with theirs,
    /// and a feed whose tracks share it names it.
    @Test func theTracksLanguageMarksItsWordsAndNamesTheFeed() throws {
        var german = Self.track("Ankommen")
        german.language = "de"
        var collection = SiteCollection(folder: "anna", token: LinkStore.newToken(), title: "Anna", tracks: [german])
        let html = PageWriter.html(collection, feed: "feed.xml")
        #expect(html.contains("<html lang=\"en\">"))
        for marked in ["<h2 id=\"\(SiteCollection.anchor(of: german))-title\" lang=\"de\">Ankommen</h2>", "<p class=\"description\" lang=\"de\">Ankommen</p>",
                       "<span class=\"chapter-title\" lang=\"de\">Ankommen</span>", "<ol class=\"phrases\" lang=\"de\">"] {
            #expect(html.contains(marked), "\(marked)")
        }
        // The title, the description, both chapters and the transcript: nothing else.
        #expect(html.components(separatedBy: "lang=\"de\"").count - 1 == 5)
        let feed = { FeedWriter.xml($0, site: SiteURL("https://example.com/")!, published: [:]) }
        #expect(feed(collection).contains("<language>de</language>"))
        // Tracks of two languages: the feed names neither; each page keeps its own.
        var english = Self.track("Arriving")
        english.script = "anna/y.session"
        english.language = "en"
        collection.tracks.append(english)
        #expect(!feed(collection).contains("<language>"))
        #expect(!PageWriter.html(Self.collection("Anna"), feed: nil).contains("lang=\"de\""))
    }

    @Test func theSameInputMakesTheSameBytes() {
        let collection = Self.collection("Anna")
        let date = Date(timeIntervalSince1970: 1_764_576_000)
        let feed = { FeedWriter.xml(collection, site: SiteURL("https://example.com/")!, published: ["Anna/x.session": date]) }
        #expect(feed() == feed())
        #expect(feed().contains("<pubDate>Mon, 01 Dec 2025 08:00:00 +0000</pubDate>"))
        #expect(PageWriter.html(collection, feed: nil) == PageWriter.html(collection, feed: nil))
    }

    @Test func tokensAre128RandomBits() {
        let tokens = (0..<400).map { _ in LinkStore.newToken() }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy(LinkStore.isToken))
        // Every hex digit turns up in every position over 400 tokens of fair bits.
        for position in [0, 15, 31] {
            #expect(Set(tokens.map { $0[$0.index($0.startIndex, offsetBy: position)] }).count == 16)
        }
    }
}
