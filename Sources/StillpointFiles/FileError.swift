import SystemPackage

/// A failed system call on a file, worded as a sentence a user can act on:
/// "cannot write output/a.flac: no space left on the device".
///
/// Modelled on swift-nio's `FileSystemError`: the error names what was being done
/// (`operation`), to which file (`path`, as the caller gave it, so relative paths
/// stay relative), and keeps the failed call and its `errno` as the `cause`, for
/// bug reports and for code that must tell "missing" from "locked".
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the user asked for when the call failed; one system call can serve
    /// several (`open` fails while reading and while writing).
    public enum Operation: String, Sendable, Hashable {
        case read, write, lock, remove, inspect, move
        case createFolder = "create the folder"
    }

    public var operation: Operation
    public var path: FilePath
    public var cause: SystemCallError

    public init(_ operation: Operation, path: FilePath, cause: SystemCallError) {
        self.operation = operation
        self.path = path
        self.cause = cause
    }

    public init(_ operation: Operation, path: FilePath, call: String, errno: Errno) {
        self.init(operation, path: path, cause: SystemCallError(call: call, errno: errno))
    }

    /// The system's error number of the failed call.
    public var errno: Errno { cause.errno }

    /// Why it failed, in words: "no space left on the device".
    public var reason: String {
        switch errno {
        case .noSuchFileOrDirectory: "no such file or folder"
        case .isDirectory: "it is a folder"
        case .notDirectory: "a part of the path is not a folder"
        case .permissionDenied, .notPermitted: "permission denied"
        case .noSpace: "no space left on the device"
        case .diskQuotaExceeded: "the disk quota is used up"
        case .readOnlyFileSystem: "the file system is read-only"
        case .fileExists where operation == .createFolder: "a file of that name is in the way"
        case .fileExists: "it already exists"
        case .directoryNotEmpty: "the folder is not empty"
        case .fileNameTooLong: "the name is too long"
        case .tooManyOpenFiles, .tooManyOpenFilesInSystem: "too many files are open"
        case .ioError: "the device reported an input/output error"
        case .wouldBlock where operation == .lock: "another process holds the lock"
        default:
            // The system's own text, in the same lower-case style.
            String(errno.description.prefix(1).lowercased() + errno.description.dropFirst())
        }
    }

    public var description: String { "cannot \(operation.rawValue) \(path.string): \(reason)" }
}

/// The system call that failed and the `errno` it set, e.g. `rename` and `EXDEV`.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    public var call: String
    public var errno: Errno

    public init(call: String, errno: Errno) {
        self.call = call
        self.errno = errno
    }

    public var description: String { "\(call): \(errno) (errno \(errno.rawValue))" }
}
