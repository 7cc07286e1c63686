import Foundation

/// The one escaping function for everything the site writes from user text
/// (titles, descriptions, transcripts, chapter names, folder and file names):
/// the page (HTML) and the feed (XML) both call it, for text and attribute
/// values alike. Its output is valid in both, so one function serves both.
enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities, and characters XML 1.0 forbids
    /// (control characters other than tab, newline and carriage return; U+FFFE,
    /// U+FFFF) left out, so that no text can end an element or an attribute, and
    /// the feed always parses.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF || (0x7F...0x9F).contains(value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A relative path (`week 1/day:2.mp3`) as a URL path, each part
    /// percent-encoded but for RFC 3986's unreserved characters; so no name can
    /// become a scheme (`javascript:`), a query or a fragment.
    static func urlPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        }.joined(separator: "/")
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
