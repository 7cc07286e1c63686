#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// Replaces a file so that a reader, or a process killed halfway, sees either the
/// old content or the new, never a mix, and the new survives a power cut once
/// committed: the content goes to a hidden temporary file beside the target, which
/// is flushed (`fsync`), renamed over the target, and then the folder is flushed
/// so the rename itself is on the device. On any failure the temporary file is
/// removed and the old file is left as it was.
///
/// Writers either fill the temporary file through a `FileWriter` (`write`,
/// `replace`) or hand its path to a library that writes by path (libsndfile) and
/// `commit` afterwards.
public struct AtomicReplacement: Sendable {
    /// Part of every temporary file's name, after a leading `.`.
    public static let marker = ".tmp"

    /// Whether a file name is a temporary file left by an interrupted write:
    /// hidden and containing the marker. A build removes these (under its lock).
    public static func isLeftover(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(marker)
    }

    public let destination: FilePath
    public let temporary: FilePath

    /// Picks a temporary file beside `destination`: `.<stem>.tmp-<pid>-<random>.<ext>`,
    /// the extension kept last so that libraries choosing a format by name see the
    /// real one. Nothing is created yet.
    public init(destination: FilePath) {
        self.destination = destination
        let name = destination.lastComponent
        let stem = name?.stem ?? ""
        let suffix = name?.extension.map { ".\($0)" } ?? ""
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        temporary = Self.folder(of: destination).appending(".\(stem)\(Self.marker)-\(unique)\(suffix)")
        TemporaryFiles.register(temporary)
    }

    /// Flushes the finished temporary file and moves it into place; on failure it
    /// is removed and the destination is untouched.
    public func commit() throws(FileError) {
        do {
            let written = try SystemCall.open(temporary, .readOnly, for: .write, naming: destination)
            defer { try? written.close() }
            try SystemCall.sync(written, .write, path: destination)
            try moveIntoPlace()
        } catch {
            discard()
            throw error
        }
    }

    /// Removes the temporary file (after a failure); one that was never created is no error.
    public func discard() {
        try? Files.remove(temporary)
        TemporaryFiles.forget(temporary)
    }

    /// Writes `bytes` as the new content of `destination`.
    public static func write(_ bytes: some Sequence<UInt8>, to destination: FilePath) throws(FileError) {
        let replacement = AtomicReplacement(destination: destination)
        let writer = try replacement.create()
        do {
            try writer.write(bytes)
            try writer.syncAndClose()
            try replacement.moveIntoPlace()
        } catch {
            replacement.discard()
            throw error
        }
    }

    /// Calls `body` to write the new content of `destination`; an error it throws
    /// leaves the old file and is thrown on unchanged.
    public static func replace(_ destination: FilePath, write body: (FileWriter) throws -> Void) throws {
        let replacement = AtomicReplacement(destination: destination)
        let writer = try replacement.create()
        do {
            try body(writer)
            try writer.syncAndClose()
            try replacement.moveIntoPlace()
        } catch {
            replacement.discard()
            throw error
        }
    }

    /// Writes `bytes` as a new file at `destination`, never over an existing one
    /// (a file, a folder or a symbolic link there fails with EEXIST): the content
    /// is flushed in a temporary file which is then hard-linked into place, so
    /// `destination` appears whole or not at all, and a concurrent writer cannot
    /// be overwritten between a check and the write.
    public static func create(_ bytes: some Sequence<UInt8>, at destination: FilePath) throws(FileError) {
        let replacement = AtomicReplacement(destination: destination)
        defer { replacement.discard() }
        let writer = try replacement.create()
        try writer.write(bytes)
        try writer.syncAndClose()
        try replacement.temporary.withPlatformString { from in
            Result { () throws(FileError) in try SystemCall.run("link", .write, path: destination) { link(from, $0) } }
        }.get()
        try syncFolder(of: destination)
    }

    /// Puts the file `source` at `destination` (replacing what is there) in one
    /// rename: hard-linked to the temporary name where the file system allows it (no
    /// space used, instant), copied there only where it cannot link (another disk,
    /// no hard links). `source` is untouched.
    public static func place(_ source: FilePath, at destination: FilePath) throws(FileError) {
        let replacement = AtomicReplacement(destination: destination)
        do {
            try replacement.temporary.withPlatformString { to in
                Result { () throws(FileError) in
                    try source.withPlatformString { from in
                        Result { () throws(FileError) in try SystemCall.run("link", .write, path: destination) { link(from, to) } }
                    }.get()
                }
            }.get()
        } catch where [.improperLink, .notPermitted, .tooManyLinks, .notSupported, .notSupportedOnSocket].contains(error.errno) {
            do {
                let reader = try FileReader(source)
                let writer = try replacement.create()
                try writer.copy(from: reader, offset: 0)
                try writer.syncAndClose()
            } catch {
                replacement.discard()
                throw error
            }
        } catch {
            replacement.discard()
            throw error
        }
        do {
            try replacement.moveIntoPlace()
        } catch {
            replacement.discard()
            throw error
        }
    }

    /// Creates the temporary file (never an existing one) for writing.
    private func create() throws(FileError) -> FileWriter {
        let descriptor = try SystemCall.open(
            temporary, .writeOnly, options: [.create, .exclusiveCreate], permissions: [.ownerReadWrite, .groupRead, .otherRead],
            for: .write, naming: destination)
        return FileWriter(descriptor, naming: destination)
    }

    /// Renames the flushed temporary file over the destination and flushes the folder.
    private func moveIntoPlace() throws(FileError) {
        try temporary.withPlatformString { from in
            Result { () throws(FileError) in try SystemCall.run("rename", .write, path: destination) { rename(from, $0) } }
        }.get()
        TemporaryFiles.forget(temporary)
        try Self.syncFolder(of: destination)
    }

    /// Flushes the folder holding `path`, so a rename or link into it is on the device.
    static func syncFolder(of path: FilePath) throws(FileError) {
        let folderPath = folder(of: path)
        let folder = try SystemCall.open(folderPath, .readOnly, options: .directory, for: .write)
        defer { try? folder.close() }
        try SystemCall.sync(folder, .write, path: folderPath)
    }

    private static func folder(of path: FilePath) -> FilePath {
        let folder = path.removingLastComponent()
        return folder.isEmpty ? "." : folder
    }
}
