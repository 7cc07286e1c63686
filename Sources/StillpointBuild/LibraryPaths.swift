import Foundation

/// Names files the way the record and the reasons do: relative to the library when
/// inside it (so the record reads well and a renamed parent folder keeps it
/// valid), absolute otherwise.
struct LibraryPaths: Sendable {
    let root: URL
    private let prefixes: [String]

    init(library: URL) {
        root = library.standardizedFileURL
        let resolved = root.resolvingSymlinksInPath().path
        prefixes = Set([root.path, resolved]).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    func key(for url: URL) -> String {
        let path = url.standardizedFileURL.path
        for prefix in prefixes where path.hasPrefix(prefix) {
            return String(path.dropFirst(prefix.count))
        }
        return path
    }

    func absolutePath(forKey key: String) -> String {
        key.hasPrefix("/") ? key : root.appendingPathComponent(key).path
    }

    /// `deep/d.session` → `deep/d.flac`.
    static func outputPath(forScript script: String, fileExtension: String) -> String {
        (script as NSString).deletingPathExtension + "." + fileExtension
    }
}
