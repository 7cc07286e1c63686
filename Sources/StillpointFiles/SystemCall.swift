#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// Every system call of the file layer goes through here, so each failure becomes
/// a `FileError` naming the operation, the path and the call, with the `errno`.
/// swift-system's `FileDescriptor` covers open, read, write, seek and stat; the calls
/// it does not wrap (`fsync`, `rename`, `unlink`, `flock`, `mkdir`) are made here
/// the way it makes its own: retried when a signal interrupts them.
enum SystemCall {
    /// Calls `body` (a C call returning -1 on failure) until no signal interrupts it.
    static func run(
        _ name: String, _ operation: FileError.Operation, path: FilePath, _ body: () -> Int32
    ) throws(FileError) {
        while body() == -1 {
            let number = Errno(rawValue: errno)
            guard number == .interrupted else {
                throw FileError(operation, path: path, call: name, errno: number)
            }
        }
    }

    /// `body` with `path` as a C string.
    static func run(
        _ name: String, _ operation: FileError.Operation, path: FilePath, _ body: (UnsafePointer<CChar>) -> Int32
    ) throws(FileError) {
        // `withPlatformString` only rethrows untyped errors; a `Result` carries the type across.
        try path.withPlatformString { cPath in
            Result { () throws(FileError) in try run(name, operation, path: path) { body(cPath) } }
        }.get()
    }

    /// Runs a swift-system call. Its signatures say `throws`, but what they throw is
    /// always an `Errno`; anything else would be a bug there, reported as EIO.
    static func wrapping<T>(
        _ name: String, _ operation: FileError.Operation, path: FilePath, _ body: () throws -> T
    ) throws(FileError) -> T {
        do {
            return try body()
        } catch {
            throw FileError(operation, path: path, call: name, errno: error as? Errno ?? .ioError)
        }
    }

    /// Opens `path` (never inherited by child processes: the tool starts encoders
    /// and tests start the tool, and a copied descriptor would hold a lock). A
    /// failure names `shown`: the destination, when `path` is its temporary file.
    static func open(
        _ path: FilePath, _ mode: FileDescriptor.AccessMode, options: FileDescriptor.OpenOptions = [],
        permissions: FilePermissions? = nil, for operation: FileError.Operation, naming shown: FilePath? = nil
    ) throws(FileError) -> FileDescriptor {
        try wrapping("open", operation, path: shown ?? path) {
            try FileDescriptor.open(path, mode, options: options.union(.closeOnExec), permissions: permissions)
        }
    }

    /// Flushes the file or folder behind `descriptor` to the device.
    static func sync(_ descriptor: FileDescriptor, _ operation: FileError.Operation, path: FilePath) throws(FileError) {
        try run("fsync", operation, path: path) { fsync(descriptor.rawValue) }
    }
}
