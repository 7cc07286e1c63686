import SystemPackage

/// A file open for writing, owned by one writer and closed when it is released
/// (GRDB's model for C handles), so an early exit or a thrown error never leaks
/// the descriptor. Errors name `path`: for a temporary file that is the file it
/// will replace, which is the one the user knows.
public final class FileWriter {
    public let path: FilePath
    private let descriptor: FileDescriptor
    private var isOpen = true

    init(_ descriptor: FileDescriptor, naming path: FilePath) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        if isOpen { try? descriptor.close() }
    }

    /// Appends all of `bytes`.
    public func write(_ bytes: some Sequence<UInt8>) throws(FileError) {
        _ = try SystemCall.wrapping("write", .write, path: path) { try descriptor.writeAll(bytes) }
    }

    /// Appends `count` bytes of `reader` from `offset` (to its end when nil),
    /// through one buffer of `chunkSize`: a whole track costs no more memory.
    public func copy(from reader: FileReader, offset: Int64, count: Int64? = nil, chunkSize: Int = 1 << 20)
        throws(FileError)
    {
        var position = offset
        var remaining = count ?? .max
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while remaining > 0 {
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(Int64(chunkSize), remaining))])
            let got = try reader.read(into: wanted, at: position)
            if got == 0 { break }
            try write(UnsafeRawBufferPointer(rebasing: wanted[..<got]))
            position += Int64(got)
            remaining -= Int64(got)
        }
    }

    /// Flushes the content to the device and closes the file; a failure of either
    /// (a full disk can show only here) is a failed write.
    func syncAndClose() throws(FileError) {
        try SystemCall.sync(descriptor, .write, path: path)
        isOpen = false
        try SystemCall.wrapping("close", .write, path: path) { try descriptor.close() }
    }
}
