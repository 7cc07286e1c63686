import Crypto
import Foundation
import StillpointFiles
import SystemPackage

/// What identifies a file's version cheaply: if all of these are unchanged since a
/// file was hashed, its content almost surely is too (see `FileStamp.canVouch`).
public struct FileIdentity: Sendable, Hashable, Codable {
    public var size: Int64
    public var inode: UInt64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64

    /// The modification time as seconds since 1970.
    public var modified: Double { Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1e9 }

    init(_ status: FileStatus) {
        size = status.size
        inode = status.inode
        modifiedSeconds = status.modifiedSeconds
        modifiedNanoseconds = status.modifiedNanoseconds
    }

    /// The identity of the file at `path` now, or nil when it cannot be read.
    public static func of(path: String) -> FileIdentity? {
        (try? FileStatus(of: FilePath(path))).map(FileIdentity.init)
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

/// Hashes files by content with swift-crypto's SHA-256 (the same hash on every
/// machine, so a record moves between them), streamed through one chunk buffer.
public enum ContentHasher {
    /// The stamp of the file at `path`: its identity and the hash of its content,
    /// both taken from the same open file. A folder fails with EISDIR.
    public static func stamp(path: String) throws(FileError) -> FileStamp {
        let startedAt = Date().timeIntervalSince1970
        let reader = try FileReader(FilePath(path))
        let status = try reader.status()
        var hasher = SHA256()
        try reader.forEachChunk { hasher.update(bufferPointer: $0) }
        return FileStamp(identity: FileIdentity(status), hash: hex(hasher.finalize()), hashedAt: startedAt)
    }

    /// The SHA-256 of a file's content, hex.
    public static func hash(fileAt url: URL) throws(FileError) -> String {
        try stamp(path: url.path).hash
    }

    /// The SHA-256 of some bytes, hex: for names that must be stable and
    /// unguessable from outside (a published track's anchor and guid).
    public static func hash(of bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
