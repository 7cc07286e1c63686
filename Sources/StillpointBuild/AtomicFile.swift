#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StillpointAudio

/// Writes whole files so that a reader (or a build killed halfway) sees either the
/// old content or the new, never a mix.
enum AtomicFile {
    /// Whether a file name is a temporary file left by an interrupted write: hidden
    /// and containing `.tmp` (the renderer names its partial tracks the same way).
    static func isLeftover(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp")
    }

    /// Writes `data` to a temporary file beside `url`, flushes it to disk and
    /// renames it over `url`.
    static func write(_ data: Data, to url: URL) throws(BuildError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.forget(temporary) }
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw BuildError.outputNotWritable(url, reason: lastErrorText()) }
        var failure: String?
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = posixWrite(fd, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = lastErrorText()
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = lastErrorText() }
        close(fd)
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = lastErrorText() }
        if let failure {
            unlink(temporary.path)
            throw BuildError.outputNotWritable(url, reason: failure)
        }
    }
}

private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}
