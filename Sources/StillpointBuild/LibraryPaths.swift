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

    /// `deep/d.session` → `deep/d.flac`, or `deep/d.10m.flac` for a version.
    static func outputPath(forScript script: String, fileExtension: String, version: String? = nil) -> String {
        (script as NSString).deletingPathExtension + (version.map { "." + $0 } ?? "") + "." + fileExtension
    }

    /// The build record's key for a track: its script, or `script#10m` for a
    /// version. A script's path ends in `.session`, so the two never meet.
    static func recordKey(script: String, version: String?) -> String {
        version.map { script + "#" + $0 } ?? script
    }

    /// The script a record key belongs to.
    static func script(ofRecordKey key: String) -> String {
        guard let mark = key.lastIndex(of: "#"), key[..<mark].lowercased().hasSuffix(".session") else { return key }
        return String(key[..<mark])
    }
}
