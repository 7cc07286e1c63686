import Foundation

/// What the site writes into URLs from names. Text into the page and the feed is
/// escaped by `MarkupText.escaped` (StillpointScript), the one function shared
/// with the timeline picture.
enum Markup {
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
