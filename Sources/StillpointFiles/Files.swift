#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SystemPackage

/// The project's other calls on files and folders: removal, folder creation, and
/// the sweep for temporary files of writes that were killed.
public enum Files {
    /// Removes a file (not a folder).
    public static func remove(_ path: FilePath) throws(FileError) {
        try SystemCall.run("unlink", .remove, path: path) { unlink($0) }
    }

    /// Removes a folder if it is empty; ENOTEMPTY otherwise.
    public static func removeEmptyFolder(_ path: FilePath) throws(FileError) {
        try SystemCall.run("rmdir", .remove, path: path) { rmdir($0) }
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
            try SystemCall.run("mkdir", .createFolder, path: path) { mkdir($0, 0o755) }
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
