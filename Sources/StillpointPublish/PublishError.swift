import Foundation
import StillpointScript

/// Why `stillpoint publish` stopped. Each names the file or folder to look at;
/// none leaves the site half-revoked (see `SitePublisher`).
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible, DiagnosticMessage, DiagnosticConvertible {
    /// A file or folder of the site cannot be written (read-only, disk full, …).
    case cannotWrite(site: URL, path: String, reason: String)
    /// The site folder holds files that Stillpoint did not put there.
    case notASite(URL)
    /// A folder inside the site is a symbolic link; publish never writes through one.
    case symbolicLink(site: URL, path: String)
    /// `publish-links.json` exists but cannot be read: its links must not be lost.
    case unreadableLinks(URL, reason: String)
    case cannotWriteLinks(URL, reason: String)
    /// `--new-link FOLDER` names no top-level folder with tracks.
    case unknownFolder(String, known: [String])
    case rsyncMissing
    case rsyncFailed(destination: String, status: Int32, output: String)

    public var description: String { message }
    /// rsync's own words, a line a hint; the rest have none.
    public var hints: [Hint] {
        guard case .rsyncFailed(_, _, let output) = self else { return [] }
        return output.split(separator: "\n").prefix(5).map { .text(String($0)) }
    }

    public var message: String {
        switch self {
        case .cannotWrite(let site, let path, let reason):
            "cannot write the site folder \(site.path): " + (path == site.path ? "" : "\(path): ") + reason
        case .notASite(let site):
            "\(site.path) already holds files that `stillpoint publish` did not write; "
                + "give --site an empty or new folder (publish removes everything in it that it did not write)"
        case .symbolicLink(let site, let path):
            "\(path) in the site folder \(site.path) is a symbolic link; publish does not write through links: remove it"
        case .unreadableLinks(let file, let reason):
            "cannot read \(file.path): \(reason); it holds the private links of your clients' pages: "
                + "restore it from a backup, or remove it to give every folder a new link"
        case .cannotWriteLinks(let file, let reason):
            "cannot write \(file.path): \(reason)"
        case .unknownFolder(let folder, let known):
            "--new-link \(folder): no top-level folder of the library by that name has tracks"
                + (known.isEmpty ? "" : " (folders: \(known.joined(separator: ", ")))")
        case .rsyncMissing:
            "--to needs rsync, which is not installed; install it (`apt-get install rsync`, `brew install rsync`) or copy the site folder yourself"
        case .rsyncFailed(let destination, let status, _):
            "rsync to \(destination) failed (exit status \(status))"
        }
    }
}
