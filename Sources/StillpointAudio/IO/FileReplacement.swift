import Foundation

/// Rewrites a file safely: `write` fills a temporary file beside it, which is then
/// renamed over the original, so a failure leaves the original as it was.
enum FileReplacement {
    static func replace(_ url: URL, write: (FileHandle) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.forget(temporary) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw AudioFileError(.tag, file: url, reason: "Cannot create a temporary file beside it", call: "open")
        }
        do {
            let output = try FileHandle(forWritingTo: temporary)
            defer { try? output.close() }
            try write(output)
            try output.synchronize()
            guard Foundation.rename(temporary.path, url.path) == 0 else {
                throw AudioFileError(.tag, file: url, reason: String(cString: strerror(errno)), call: "rename")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if error is AudioFileError { throw error }
            throw AudioFileError(.tag, file: url, reason: error.localizedDescription, call: "write")
        }
    }
}
