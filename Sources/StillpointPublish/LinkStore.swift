import Foundation
import StillpointFiles
import SystemPackage
import StillpointBuild

/// `publish-links.json` in the library's root: the private link (a 128-bit
/// random token) of each top-level folder, and the date each track was first
/// published. It lives with the library, not in the output or site folder, so
/// that links survive a new machine or a fresh site and a track's `pubDate`
/// never moves; it is JSON, never a script, so `build` does not read it.
public struct LinkStore: Sendable, Equatable {
    public static let fileName = "publish-links.json"

    struct Contents: Codable, Equatable {
        var note = "Kept by `stillpoint publish`. Keep this file with the library: it holds the private links of each folder's page and feed. `stillpoint publish --new-link FOLDER` replaces one."
        /// Folder name → token.
        var links: [String: String] = [:]
        /// Script path → first publish, ISO 8601 in UTC to the second.
        var published: [String: String] = [:]
    }

    private(set) var contents: Contents
    private let written: Contents?

    /// The store of `library`; empty when there is none yet. A file that exists
    /// but cannot be read is an error: starting afresh would break every link.
    public static func load(library: URL) throws(PublishError) -> LinkStore {
        let file = library.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return LinkStore(contents: Contents(), written: nil) }
        do {
            let contents = try JSONDecoder().decode(Contents.self, from: Data(contentsOf: file))
            guard contents.links.values.allSatisfy(Self.isToken) else {
                throw PublishError.unreadableLinks(file, reason: "a link is not 32 hexadecimal digits")
            }
            return LinkStore(contents: contents, written: contents)
        } catch let error as PublishError {
            throw error
        } catch is DecodingError {
            throw .unreadableLinks(file, reason: "it is not the JSON that publish writes")
        } catch {
            throw .unreadableLinks(file, reason: "\(error)")
        }
    }

    /// The folder's token, made on first use.
    mutating func token(for folder: String) -> String {
        if let token = contents.links[folder] { return token }
        let token = Self.newToken()
        contents.links[folder] = token
        return token
    }

    /// Replaces the folder's token; the old one stops working once the site is written.
    mutating func renew(_ folder: String) {
        contents.links[folder] = Self.newToken()
    }

    /// When the script was first published; `now` for a new one.
    mutating func firstPublished(_ script: String, now: Date) -> Date {
        let formatter = ISO8601DateFormatter()
        if let text = contents.published[script], let date = formatter.date(from: text) { return date }
        contents.published[script] = formatter.string(from: now)
        return formatter.date(from: formatter.string(from: now)) ?? now
    }

    /// Forgets folders and scripts that are no longer published: a folder that
    /// comes back gets a new link, so an old link never comes back to life.
    mutating func keepOnly(folders: Set<String>, scripts: Set<String>) {
        contents.links = contents.links.filter { folders.contains($0.key) }
        contents.published = contents.published.filter { scripts.contains($0.key) }
    }

    /// Writes the file if anything changed, atomically.
    func save(library: URL) throws(PublishError) {
        guard contents != written else { return }
        let file = library.appendingPathComponent(Self.fileName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try AtomicReplacement.write(try encoder.encode(contents) + Data("\n".utf8), to: FilePath(file.path))
        } catch {
            throw .cannotWriteLinks(file, reason: "\(error)")
        }
    }

    /// 128 bits from the system's secure generator, as 32 lowercase hex digits.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    static func isToken(_ text: String) -> Bool {
        text.count == 32 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
