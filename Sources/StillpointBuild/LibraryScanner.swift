import Foundation
import StillpointFiles
import SystemPackage

/// Finds the scripts a library build renders.
public enum LibraryScanner {
    /// Every renderable `.session` file below `library`, as paths relative to it in
    /// sorted order. Include-only files (a name starting with `_`, or inside a folder
    /// named `parts`) and hidden files and folders are left out; symbolic links to
    /// folders are not followed, so a link cycle cannot trap the scan.
    public static func relativePaths(in library: URL) throws(BuildError) -> [String] {
        let root = library.standardizedFileURL.path
        guard kind(of: root, followLink: true) == .directory else {
            throw BuildError.libraryNotFound(library)
        }
        var found: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                switch kind(of: root + "/" + relative, followLink: false) {
                case .directory:
                    if name != "parts" { folders.append(relative) }
                case .file:
                    if isScriptName(name) { found.append(relative) }
                case .other:
                    break
                }
            }
        }
        return found.sorted()
    }

    /// The same scripts as absolute URLs.
    public static func scripts(in library: URL) throws(BuildError) -> [URL] {
        try relativePaths(in: library).map { library.standardizedFileURL.appendingPathComponent($0) }
    }

    /// Whether a file with this name is a script a build renders on its own.
    static func isScriptName(_ name: String) -> Bool {
        !name.hasPrefix("_") && (name as NSString).pathExtension.lowercased() == "session"
    }

    private enum Kind { case file, directory, other }

    /// A link to a file counts as the file; a link to a folder is `.other` unless
    /// `followLink` (used for the library folder itself).
    private static func kind(of path: String, followLink: Bool) -> Kind {
        guard let own = try? FileStatus(of: FilePath(path), followingLinks: false) else { return .other }
        var status = own
        if own.kind == .link {
            guard let target = try? FileStatus(of: FilePath(path)) else { return .other }
            if target.kind == .folder { return followLink ? .directory : .other }
            status = target
        }
        switch status.kind {
        case .folder: return .directory
        case .file: return .file
        case .link, .pipe, .socket, .device, .other: return .other
        }
    }
}
