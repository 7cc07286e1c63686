import Foundation
import StillpointFiles
import SystemPackage
import Testing

/// Each failing call names the operation, the path the caller gave, the call and its errno.
struct FileErrorTests {
    enum Case: String, CaseIterable, Sendable {
        case readMissing, readFolder, writeIntoMissingFolder, writeOverFolder, writeBelowFile
        case lookAtMissing, removeMissing, removeFolderWithFiles, createFolderOverFile, moveMissing
    }

    /// (operation, errno, system call, the path the error names), from `scratch`
    /// holding a file `f` and a folder `d` with a file in it.
    static func fail(_ which: Case, in scratch: Scratch) -> (error: FileError?, path: FilePath) {
        func attempt(_ path: String, _ body: (FilePath) throws -> Void) -> (FileError?, FilePath) {
            do {
                try body(scratch.path(path))
                return (nil, scratch.path(path))
            } catch {
                return (error as? FileError, scratch.path(path))
            }
        }
        switch which {
        case .readMissing: return attempt("gone.wav") { _ = try FileReader($0) }
        case .readFolder: return attempt("d") { try FileReader($0).forEachChunk { _ in } }
        case .writeIntoMissingFolder: return attempt("nowhere/a.flac") { try AtomicReplacement.write([1], to: $0) }
        case .writeOverFolder: return attempt("d") { try AtomicReplacement.write([1], to: $0) }
        case .writeBelowFile: return attempt("f/a.flac") { try AtomicReplacement.write([1], to: $0) }
        case .lookAtMissing: return attempt("gone.wav") { _ = try FileStatus(of: $0) }
        case .removeMissing: return attempt("gone.wav") { try Files.remove($0) }
        case .removeFolderWithFiles: return attempt("d") { try Files.removeEmptyFolder($0) }
        case .createFolderOverFile: return attempt("f") { try Files.createFolder($0) }
        case .moveMissing: return attempt("gone.wav") { try Files.move($0, to: scratch.path("d/gone.wav")) }
        }
    }

    static let expected: [Case: (FileError.Operation, Errno, String, String)] = [
        .readMissing: (.read, .noSuchFileOrDirectory, "open", "no such file or folder"),
        .readFolder: (.read, .isDirectory, "pread", "it is a folder"),
        .writeIntoMissingFolder: (.write, .noSuchFileOrDirectory, "open", "no such file or folder"),
        .writeOverFolder: (.write, .isDirectory, "rename", "it is a folder"),
        .writeBelowFile: (.write, .notDirectory, "open", "a part of the path is not a folder"),
        .lookAtMissing: (.inspect, .noSuchFileOrDirectory, "stat", "no such file or folder"),
        .removeMissing: (.remove, .noSuchFileOrDirectory, "unlink", "no such file or folder"),
        .removeFolderWithFiles: (.remove, .directoryNotEmpty, "rmdir", "the folder is not empty"),
        .createFolderOverFile: (.createFolder, .fileExists, "mkdir", "a file of that name is in the way"),
        .moveMissing: (.move, .noSuchFileOrDirectory, "rename", "no such file or folder"),
    ]

    @Test(arguments: Case.allCases)
    func failuresNameOperationPathAndErrno(_ which: Case) throws {
        let scratch = try Scratch()
        try scratch.write("f", "a file")
        try FileManager.default.createDirectory(at: scratch.folder.appendingPathComponent("d"), withIntermediateDirectories: false)
        try scratch.write("d/inside", "x")
        let (operation, errno, call, reason) = try #require(Self.expected[which])

        let (failure, path) = Self.fail(which, in: scratch)
        let error = try #require(failure)
        #expect(error.operation == operation)
        #expect(error.errno == errno)
        #expect(error.cause.call == call)
        #expect(error.path == path)
        #expect(error.description == "cannot \(operation.rawValue) \(path): \(reason)")
        // Nothing half-written is left beside the files.
        #expect(scratch.names == ["d", "f"])
    }

    @Test func errnosWithoutOwnWordsUseTheSystemsText() {
        let error = FileError(.write, path: "out/a.flac", call: "rename", errno: .improperLink)
        #expect(error.description == "cannot write out/a.flac: invalid cross-device link")
    }
}
