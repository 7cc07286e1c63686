#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SystemPackage

/// The project's other calls on files and folders: removal (of a file, an empty
/// folder, or a whole tree), folder creation, and the sweep for temporary files of
/// writes that were killed.
public enum Files {
    /// Removes a file (not a folder).
    public static func remove(_ path: FilePath) throws(FileError) {
        try SystemCall.run("unlink", .remove, path: path) { unlink($0) }
    }

    /// Moves a file to `destination` in the same file system (one `rename`, so it is
    /// at one place or the other, never lost), and flushes both folders so the
    /// move is on the device. An existing `destination` would be replaced: callers
    /// pick a free name (`takes --replace` stamps it with the time).
    public static func move(_ source: FilePath, to destination: FilePath) throws(FileError) {
        try destination.withPlatformString { to in
            Result { () throws(FileError) in try SystemCall.run("rename", .move, path: source) { rename($0, to) } }
        }.get()
        try AtomicReplacement.syncFolder(of: destination)
        try AtomicReplacement.syncFolder(of: source)
    }

    /// Removes a folder if it is empty; ENOTEMPTY otherwise.
    public static func removeEmptyFolder(_ path: FilePath) throws(FileError) {
        try SystemCall.run("rmdir", .remove, path: path) { rmdir($0) }
    }

    /// Removes `path` and, if it is a folder (not a link to one), everything in it:
    /// a link is removed as a link, never followed out of the tree.
    public static func removeTree(_ path: FilePath) throws(FileError) {
        guard try FileStatus(of: path, followingLinks: false).kind == .folder else { return try remove(path) }
        // Listing a folder is no system call of ours to own: Foundation reads it.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path.string)) ?? [] {
            try removeTree(path.appending(name))
        }
        try removeEmptyFolder(path)
    }

    /// Creates the one folder `path` (the folder above it must exist); EEXIST
    /// when anything is there already.
    public static func makeFolder(_ path: FilePath) throws(FileError) {
        try SystemCall.run("mkdir", .createFolder, path: path) { mkdir($0, 0o755) }
    }

    /// Creates `path` and the folders above it that are missing.
    public static func createFolder(_ path: FilePath) throws(FileError) {
        if let kind = try? FileStatus(of: path).kind {
            if kind == .folder { return }
            throw FileError(.createFolder, path: path, call: "mkdir", errno: .fileExists)
        }
        let parent = path.removingLastComponent()
        if !parent.isEmpty, parent != path { try createFolder(parent) }
        do {
            try makeFolder(path)
        } catch where error.errno == .fileExists {
            // Another thread made it meanwhile; fine if it is a folder.
            guard (try? FileStatus(of: path).kind) == .folder else { throw error }
        }
    }

    /// Throws when no file can be made in `folder`: `access(2)`, which answers
    /// EROFS for a read-only disk even to root (whom permissions do not stop), so a
    /// long write can be refused before it starts. A full disk is found only by writing.
    public static func checkWritable(folder: FilePath) throws(FileError) {
        try SystemCall.run("access", .write, path: folder) { access($0, W_OK) }
    }

    /// Removes every temporary file of an interrupted write (`AtomicReplacement.isLeftover`)
    /// anywhere below `root`; returns them relative to it, sorted. Only for a caller
    /// that knows no write is running there (the build holds its lock).
    public static func removeLeftovers(below root: FilePath) -> [String] {
        // Listing a tree is no system call of ours to own: Foundation walks it.
        guard let walker = FileManager.default.enumerator(atPath: root.string) else { return [] }
        var removed: [String] = []
        while let relative = walker.nextObject() as? String {
            guard AtomicReplacement.isLeftover((relative as NSString).lastPathComponent),
                (try? remove(root.appending(relative))) != nil
            else { continue }
            removed.append(relative)
        }
        return removed.sorted()
    }
}
