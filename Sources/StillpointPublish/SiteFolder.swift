import Foundation
import StillpointFiles
import SystemPackage
import StillpointBuild

/// The site folder, written one whole file at a time. Every path is relative to
/// the folder and made by the publisher from script names (never `..`); every
/// folder on the way is checked not to be a symbolic link, so nothing is
/// written outside it. A file whose bytes would not change is left alone, so a
/// second publish touches nothing and an upload copies only what changed.
///
/// The folder belongs to publish: it holds exactly what the last publish wrote
/// (`removeEverything(except:)`), marked by `.stillpoint-site` so that a folder
/// of other files is never emptied by mistake.
struct SiteFolder {
    let root: URL
    static let marker = ".stillpoint-site"
    private static let markerText = "Written by `stillpoint publish`; everything in this folder is replaced by the next publish.\n"

    /// Opens (creating) the site folder; refuses a folder of other files.
    init(_ root: URL) throws(PublishError) {
        self.root = root.standardizedFileURL
        var folder = ""
        for part in self.root.path.split(separator: "/") {
            folder += "/" + part
            do {
                try Files.makeFolder(FilePath(folder))
            } catch where error.errno != .fileExists {
                throw .cannotWrite(site: self.root, path: self.root.path, reason: (folder == self.root.path ? "" : "\(folder): ") + Self.reason(error))
            } catch {}
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: self.root.path)
        } catch {
            throw .cannotWrite(site: self.root, path: self.root.path, reason: Self.reason(error))
        }
        if !names.isEmpty, !names.contains(Self.marker) { throw .notASite(self.root) }
        try write(Data(Self.markerText.utf8), to: Self.marker)
    }

    /// Writes `data` to `path` unless it already holds exactly that.
    func write(_ data: Data, to path: String) throws(PublishError) {
        let url = try prepare(path)
        if let existing = try? Data(contentsOf: url), existing == data, !isLink(url) { return }
        do {
            try AtomicReplacement.write(data, to: FilePath(url.path))
        } catch {
            throw .cannotWrite(site: root, path: path, reason: Self.reason(error))
        }
    }

    /// Puts `source` at `path`: a hard link where the file system allows it (no
    /// space used, instant), a copy otherwise; in place in one rename either way.
    func place(_ source: URL, at path: String) throws(PublishError) {
        let url = try prepare(path)
        let from: FileStatus
        do {
            from = try FileStatus(of: FilePath(source.path))
        } catch {
            throw .cannotWrite(site: root, path: path, reason: "cannot read \(source.path): \(Self.reason(error))")
        }
        if let to = try? FileStatus(of: FilePath(url.path), followingLinks: false), to.kind == .file {
            if to.isSameFile(as: from) { return }
            if to.size == from.size, let a = try? Data(contentsOf: url, options: .alwaysMapped),
               let b = try? Data(contentsOf: source, options: .alwaysMapped), a == b { return }
        }
        do {
            try AtomicReplacement.place(FilePath(source.path), at: FilePath(url.path))
        } catch {
            throw .cannotWrite(site: root, path: path, reason: Self.reason(error))
        }
    }

    /// Removes every file and folder not in `kept` (relative paths of files) and
    /// not the marker; returns the top-level entries removed whole (revoked links).
    @discardableResult
    func removeEverything(except kept: Set<String>) throws(PublishError) -> [String] {
        let folders = Set(kept.flatMap { path in
            let parts = path.split(separator: "/").dropLast()
            return parts.indices.map { parts[...$0].joined(separator: "/") }
        })
        var removedTopLevel: [String] = []
        func sweep(_ relative: String) throws(PublishError) {
            let absolute = relative.isEmpty ? root.path : root.path + "/" + relative
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted()
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                if path == Self.marker || kept.contains(path) { continue }
                if folders.contains(path), !isLink(root.appendingPathComponent(path)) {
                    try sweep(path)
                    continue
                }
                do {
                    try Files.removeTree(FilePath(root.path + "/" + path))
                } catch {
                    throw .cannotWrite(site: root, path: path, reason: Self.reason(error))
                }
                if relative.isEmpty { removedTopLevel.append(name) }
            }
        }
        try sweep("")
        return removedTopLevel
    }

    /// The absolute URL of `path`, its folders made and checked on the way.
    private func prepare(_ path: String) throws(PublishError) -> URL {
        var folder = root
        for part in path.split(separator: "/").dropLast() {
            folder.appendPathComponent(String(part))
            if let kind = try? FileStatus(of: FilePath(folder.path), followingLinks: false).kind {
                if kind == .link { throw .symbolicLink(site: root, path: relative(folder)) }
                if kind == .folder { continue }
                throw .cannotWrite(site: root, path: relative(folder), reason: "it is a file, not a folder")
            }
            do {
                try Files.makeFolder(FilePath(folder.path))
            } catch {
                throw .cannotWrite(site: root, path: relative(folder), reason: Self.reason(error))
            }
        }
        return root.appendingPathComponent(path)
    }

    private func isLink(_ url: URL) -> Bool {
        (try? FileStatus(of: FilePath(url.path), followingLinks: false).kind) == .link
    }

    private func relative(_ url: URL) -> String {
        String(url.path.dropFirst(root.path.count + 1))
    }

    /// A failure's reason in the file layer's words ("no space left on the device"),
    /// the same whichever call met it; never Foundation's "There isn’t enough space."
    private static func reason(_ error: any Error) -> String {
        if let file = error as? FileError { return file.reason }
        if let build = error as? BuildError, case .outputNotWritable(_, let reason) = build { return reason }
        // Foundation's copy reports a full or read-only disk as a Cocoa code, without the errno.
        let cocoa: [CocoaError.Code: Errno] = [
            .fileWriteOutOfSpace: .noSpace, .fileWriteVolumeReadOnly: .readOnlyFileSystem,
            .fileWriteNoPermission: .permissionDenied, .fileReadNoPermission: .permissionDenied,
        ]
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return Errno(rawValue: Int32(posix.code)).description
        }
        if let cocoaError = error as? CocoaError, let number = cocoa[cocoaError.code] { return worded(number.rawValue) }
        return (error as NSError).localizedDescription
    }

    /// The file layer's words for an `errno` set by a call made here.
    private static func worded(_ number: Int32) -> String {
        FileError(.write, path: "", call: "", errno: Errno(rawValue: number)).reason
    }
}
