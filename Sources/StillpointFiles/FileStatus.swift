import SystemPackage

/// What `stat` says about a file that the project uses: its kind (a render refuses
/// to replace a pipe or a device, and says which), the device and inode that tell
/// whether two paths are one file, and the size and modification time the build's
/// hash cache compares to skip a read.
public struct FileStatus: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file, folder, link, pipe, socket, device, other
    }

    public var kind: Kind
    public var size: Int64
    public var device: UInt64
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
        case .fifo: kind = .pipe
        case .socket: kind = .socket
        case .characterSpecial, .blockSpecial: kind = .device
        default: kind = .other
        }
        size = info.size
        device = UInt64(info.deviceID.rawValue)
        inode = UInt64(info.inode.rawValue)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }

    /// Whether `other` is the status of the same file (device and inode), whatever
    /// the paths: links and `..` are seen through.
    public func isSameFile(as other: FileStatus) -> Bool {
        device == other.device && inode == other.inode
    }
}
