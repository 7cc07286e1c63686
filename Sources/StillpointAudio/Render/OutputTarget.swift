import Foundation
import StillpointFiles
import SystemPackage

/// The checks every file a render writes passes before anything is written: a
/// track or its subtitles may replace an earlier track, never one of the files the
/// track is made from, nor anything that is not a plain file. A render moves its
/// finished temporary file over the target with `rename`, which would otherwise
/// replace a recording (`-o clips/welcome.flac`), a device (`-o /dev/null` as
/// root), a FIFO, or a symbolic link (not the file it points to) without a word.
enum OutputTarget {
    /// Throws when `destination` exists and is not a regular file, or is the same
    /// file (device and inode, so links and `..` paths are seen through) as one of
    /// `inputs`.
    static func check(_ destination: URL, against inputs: [URL]) throws {
        // Nothing there yet (or nothing this process may see): nothing to refuse.
        guard let target = try? FileStatus(of: FilePath(destination.path), followingLinks: false) else { return }
        if let kind = name(of: target.kind) {
            throw RenderError.cannotWrite(destination.path, reason: refusal(kind))
        }
        for input in inputs {
            if let source = try? FileStatus(of: FilePath(input.path)), source.isSameFile(as: target) {
                throw RenderError.cannotWrite(destination.path, reason: refusalOfInput(input))
            }
        }
    }

    /// What kind of non-regular file `kind` is, in words, or nil for a regular file.
    private static func name(of kind: FileStatus.Kind) -> String? {
        switch kind {
        case .file: nil
        case .folder: "a folder"
        case .link: "a symbolic link"
        case .pipe: "a pipe (FIFO)"
        case .socket: "a socket"
        case .device: "a device"
        case .other: "a special file"
        }
    }

    // Diagnostic text for refused targets (one place, for the diagnostics enum).
    private static func refusal(_ kind: String) -> String {
        "it is \(kind); a track replaces only a regular file, so choose another name with -o"
    }

    private static func refusalOfInput(_ input: URL) -> String {
        "it is one of the files this track is made from (\(input.lastPathComponent)); choose another name with -o"
    }
}
