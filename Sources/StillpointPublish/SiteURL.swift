import Foundation

/// `--base-url`: where the site will be reachable, always ending in `/`. Feeds
/// need absolute addresses (podcast apps fetch enclosures without the page).
public struct SiteURL: Sendable, Equatable {
    public let base: String

    /// nil unless `text` is an `http` or `https` address with a host and without
    /// a query or fragment.
    public init?(_ text: String) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil,
              components.user == nil, components.password == nil
        else { return nil }
        base = text.hasSuffix("/") ? text : text + "/"
    }

    /// The absolute address of a path in the site (already URL-encoded).
    func absolute(_ encodedPath: String) -> String { base + encodedPath }
}
