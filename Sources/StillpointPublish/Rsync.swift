import Foundation

/// `--to DEST`: the site copied with rsync to a folder or `user@host:path`.
/// `--delete` makes the destination match the site, so a revoked link's folder
/// disappears there too; DEST should therefore hold the site alone.
public enum Rsync {
    /// Whether rsync can be found, checked before anything is built.
    public static var isInstalled: Bool { executable("rsync") != nil }

    public static func upload(site: URL, to destination: String) throws(PublishError) {
        guard let rsync = executable("rsync") else { throw .rsyncMissing }
        let process = Process()
        process.executableURL = rsync
        // The trailing `/` copies the folder's contents, not the folder itself.
        process.arguments = ["--archive", "--delete", "--compress", "--", site.standardizedFileURL.path + "/", destination]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw .rsyncFailed(destination: destination, status: -1, output: "\(error)")
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .rsyncFailed(
                destination: destination, status: process.terminationStatus,
                output: output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The program's path on `PATH`, if it is there.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").lazy.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
