internal import CSndFile
import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

/// Opens a libsndfile handle and turns its failure into an `AudioFileError`.
///
/// libsndfile reports `sf_open` failures through a process-wide error slot, so two
/// threads failing at once could swap messages; opening under one lock keeps each
/// message with its own path. Opening is rare next to reading and writing, so the
/// lock costs nothing measurable.
enum SoundFileOpening {
    private static let lock = NSLock()

    static func open(
        _ url: URL, mode: Int32, info: inout SF_INFO, operation: AudioFileError.Operation
    ) throws -> OpaquePointer {
        if mode == Int32(SFM_READ) { try checkReadable(url) }
        lock.lock()
        defer { lock.unlock() }
        if let handle = sf_open(url.path, mode, &info) { return handle }
        throw AudioFileError(operation, file: url, sndfile: sf_error(nil), text: String(cString: sf_strerror(nil)), call: "sf_open")
    }

    /// libsndfile's messages for a missing file or a directory are vague ("System
    /// error."); these checks say what is actually wrong.
    private static func checkReadable(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw AudioFileError(.read, file: url, reason: "there is no such file", call: "sf_open")
        }
        if isDirectory.boolValue {
            throw AudioFileError(.read, file: url, reason: "it is a folder, not an audio file", call: "sf_open")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw AudioFileError(.read, file: url, reason: "Stillpoint may not read it (permission denied)", call: "sf_open")
        }
        if (try? FileStatus(of: FilePath(url.path)))?.size == 0 {
            throw AudioFileError(.read, file: url, reason: "the file is empty", call: "sf_open")
        }
    }

    /// The error of an open handle, worded for the user, with libsndfile's code and text as its cause.
    static func failure(
        _ operation: AudioFileError.Operation, _ url: URL, _ handle: OpaquePointer, call: String
    ) -> AudioFileError {
        AudioFileError(operation, file: url, sndfile: sf_error(handle), text: String(cString: sf_strerror(handle)), call: call)
    }
}
