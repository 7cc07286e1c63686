import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import StillpointPublish
import StillpointScript
import Testing

/// The one escaping function: whatever a practitioner types stays text, in the
/// page and in the feed.
struct MarkupTests {
    static let hostile = [
        "</title><script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "Tom & Jerry's \"rest\"",
        "]]><!-- --><![CDATA[",
        "bell\u{07} and \u{01}control\u{1B}[31m",
        "Ruhe für dich · 静けさ · 🌙",
        "javascript:alert(1)",
        "&amp; already escaped",
    ]

    @Test(arguments: hostile)
    func escapedTextParsesBackToTheSameWordsInXML(_ text: String) throws {
        let escaped = MarkupText.escaped(text)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\""))
        let document = "<t a=\"\(escaped)\">\(escaped)</t>"
        let parsed = try XMLTextReader.read(document)
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }))
        #expect(parsed.text == printable)
        #expect(parsed.attribute == printable)
    }

    @Test(arguments: [
        ("week 1/day:2.mp3", "week%201/day%3A2.mp3"),
        ("javascript:alert(1).mp3", "javascript%3Aalert%281%29.mp3"),
        ("\"><img>/a?b#c.mp3", "%22%3E%3Cimg%3E/a%3Fb%23c.mp3"),
        ("ruhe-für-dich.flac", "ruhe-f%C3%BCr-dich.flac"),
    ])
    func pathsBecomeURLPathsThatCannotLeaveTheSite(_ path: String, _ expected: String) {
        #expect(Markup.urlPath(path) == expected)
    }

    @Test(arguments: [
        ("https://example.com/practice", "https://example.com/practice/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
    ])
    func baseURLsEndInASlash(_ text: String, _ base: String) {
        #expect(SiteURL(text)?.base == base)
    }

    @Test(arguments: ["example.com", "ftp://example.com/", "https://", "https://example.com/?a=1", "javascript:alert(1)",
                      "https://user:pw@example.com/"])
    func baseURLsMustBeWebAddresses(_ text: String) {
        #expect(SiteURL(text) == nil)
    }
}

/// Reads the text and `a` attribute of a one-element XML document with
/// Foundation's XML parser (libxml2), a real parser independent of ours.
final class XMLTextReader: NSObject, XMLParserDelegate {
    var text = ""
    var attribute: String?
    var failure: (any Error)?

    static func read(_ document: String) throws -> XMLTextReader {
        let reader = XMLTextReader()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        attribute = attributes["a"]
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
