import SystemPackage

/// A file open for reading, closed when released. Reads are positioned (`pread`),
/// so one reader can serve a header parse and a streamed copy without seeking.
public final class FileReader {
    public let path: FilePath
    private let descriptor: FileDescriptor

    public init(_ path: FilePath) throws(FileError) {
        self.path = path
        descriptor = try SystemCall.open(path, .readOnly, for: .read)
    }

    deinit {
        try? descriptor.close()
    }

    /// The status of the open file (the same file the reads see, even if the path
    /// is replaced meanwhile).
    public func status() throws(FileError) -> FileStatus {
        FileStatus(try SystemCall.wrapping("fstat", .inspect, path: path) { try descriptor.stat() })
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the
    /// file, 0 past it.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(FileError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
            let got = try SystemCall.wrapping("pread", .read, path: path) {
                try descriptor.read(fromAbsoluteOffset: offset + Int64(filled), into: rest)
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// Up to `count` bytes at `offset`.
    public func read(upTo count: Int, at offset: Int64) throws(FileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(FileError) in try read(into: buffer, at: offset) }
        }.get()
        return Array(bytes.prefix(got))
    }

    /// Calls `body` with the whole file in order, in pieces of at most `chunkSize`
    /// bytes read into one buffer: hashing a long recording costs one chunk of memory.
    public func forEachChunk(size chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) throws(FileError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while true {
            let got = try read(into: buffer, at: offset)
            if got == 0 { return }
            body(UnsafeRawBufferPointer(rebasing: buffer[..<got]))
            offset += Int64(got)
        }
    }
}
