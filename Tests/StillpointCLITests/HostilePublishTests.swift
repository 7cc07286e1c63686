import Foundation
import StillpointTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A client's folder, a title and a chapter named with markup, quotes and `&`,
/// published end to end (issue 13; `PageAndFeedTextTests` covers the writers one
/// string at a time): every page's only `<script>` is its own player, the hostile
/// text is shown escaped, and every feed parses as XML holding the text as written.
struct HostilePublishTests {
    static let folder = #"<script src=x> & "Anna's" <b>"#  // a file name holds no `/`
    static let chapter = #"<img src=x onerror=alert(2)> & "one""#
    static let title = #"</title><script>alert(3)</script>"#

    @Test func hostileFolderTitleAndChapterNamesAreTextOnThePageAndInTheFeed() async throws {
        let space = try TemporaryLibrary("stillpoint-hostile")
        try space.write("lib/library.defaults", "format: mp3\n")
        let quotedTitle = Self.title.replacingOccurrences(of: "\"", with: "\\\"")
        let quotedChapter = Self.chapter.replacingOccurrences(of: "\"", with: "\\\"")
        try space.write("lib/\(Self.folder)/rest.session",
                        "title: \"\(quotedTitle)\"\nchapter \"\(quotedChapter)\"\ntone sine 440 Hz for 1s\npause 1s\n")
        let result = try await space.run("publish", "lib", "--base-url", "https://example.com/p/", "-j", "1")
        #expect(result.status == 0, "\(result)")

        let site = space.files(under: "output/site")
        let pages = site.filter { $0.hasSuffix(".html") }, feeds = site.filter { $0.hasSuffix(".xml") }
        #expect(!pages.isEmpty && !feeds.isEmpty, "\(site)")
        for page in pages {
            let html = try space.text("output/site/" + page)
            for raw in [Self.folder, Self.chapter, Self.title] { #expect(!html.contains(raw), "\(page) shows \(raw) raw") }
            let scripts = html.components(separatedBy: "<script").count - 1
            #expect(scripts == html.components(separatedBy: "player.js").count - 1, "only the page's own script: \(page)")
            #expect(!html.contains("<img") && !html.contains("<b>"), "\(page)")
        }
        let clientPage = try #require(pages.first { $0.contains("/") }, "\(pages)")
        let html = try space.text("output/site/" + clientPage)
        #expect(html.contains("<h1>&lt;script src=x&gt; &amp; &quot;Anna&#39;s&quot; &lt;b&gt;</h1>")
            || html.contains("<h1>&lt;script src=x&gt; &amp; &quot;Anna's&quot; &lt;b&gt;</h1>"), "the folder's name shown as text")
        for feed in feeds {
            let data = try space.data("output/site/" + feed)
            let reader = TextCollector()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            #expect(parser.parse(), "\(feed): \(String(describing: parser.parserError))")
            if feed.contains("/") {
                #expect(reader.text.contains(Self.title), "\(feed) holds the title as written")
                #expect(reader.text.contains(Self.folder), "\(feed) holds the folder's name as written")
            }
        }
    }

    /// Every character of text and CDATA in a parsed document, joined.
    final class TextCollector: NSObject, XMLParserDelegate {
        var text = ""
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
