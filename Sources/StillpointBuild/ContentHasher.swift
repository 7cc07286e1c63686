#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What identifies a file's version cheaply: if all of these are unchanged since a
/// file was hashed, its content almost surely is too (see `FileStamp.canVouch`).
public struct FileIdentity: Sendable, Hashable, Codable {
    public var size: Int64
    public var inode: UInt64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64

    /// The modification time as seconds since 1970.
    public var modified: Double { Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1e9 }

    init(_ info: stat) {
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// The identity of the file at `path` now, or nil when it cannot be read.
    public static func of(path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(info)
    }
}

/// A file's content hash with the identity it had when it was hashed.
public struct FileStamp: Sendable, Hashable, Codable {
    public var identity: FileIdentity
    /// SHA-256 of the content, hex.
    public var hash: String
    /// When hashing began (seconds since 1970).
    public var hashedAt: Double

    /// Whether a file whose identity is now `current` can be taken to still hold the
    /// hashed content without reading it. A file written in the same instant it was
    /// hashed could change again without its modification time moving (coarse
    /// timestamps), so a stamp vouches only for files that were already
    /// `racyWindow` seconds old when hashed; the content hash stays the truth.
    public func canVouch(for current: FileIdentity) -> Bool {
        current == identity && identity.modified < hashedAt - Self.racyWindow
    }

    static let racyWindow = 2.0
}

/// A failure to read a file for hashing, as a sentence naming the file.
public struct HashingError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot read \(path): \(reason)" }
}

/// Hashes files by content (SHA-256), reading in large chunks into one buffer.
public enum ContentHasher {
    static let chunkSize = 1 << 20

    /// The stamp of the file at `path`: its identity and the hash of its content,
    /// both taken from the same open file.
    public static func stamp(path: String) throws(HashingError) -> FileStamp {
        let startedAt = Date().timeIntervalSince1970
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw HashingError(path: path, reason: lastErrorText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw HashingError(path: path, reason: lastErrorText()) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw HashingError(path: path, reason: "it is a folder")
        }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw HashingError(path: path, reason: lastErrorText())
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return FileStamp(identity: FileIdentity(info), hash: hasher.hexDigest(), hashedAt: startedAt)
    }

    /// The SHA-256 of a file's content, hex.
    public static func hash(fileAt url: URL) throws(HashingError) -> String {
        try stamp(path: url.path).hash
    }
}

func lastErrorText() -> String {
    String(cString: strerror(errno))
}
