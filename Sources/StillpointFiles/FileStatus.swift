import SystemPackage

/// What `stat` says about a file that the project uses: its kind, and the size,
/// inode and modification time the build's hash cache compares to skip a read.
public struct FileStatus: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file, folder, link, other
    }

    public var kind: Kind
    public var size: Int64
    public var inode: UInt64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64

    /// The status of `path`; with `followingLinks` false, a link's own (`lstat`).
    public init(of path: FilePath, followingLinks: Bool = true) throws(FileError) {
        self.init(
            try SystemCall.wrapping(followingLinks ? "stat" : "lstat", .inspect, path: path) {
                try path.stat(followTargetSymlink: followingLinks)
            })
    }

    init(_ info: Stat) {
        switch info.type {
        case .regular: kind = .file
        case .directory: kind = .folder
        case .symbolicLink: kind = .link
        default: kind = .other
        }
        size = info.size
        inode = UInt64(info.inode.rawValue)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }
}
