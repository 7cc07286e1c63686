import Foundation

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
        var target = stat()
        guard lstat(destination.path, &target) == 0 else { return }  // nothing there yet
        if let kind = kind(of: target.st_mode) {
            throw RenderError.cannotWrite(destination.path, reason: refusal(kind))
        }
        for input in inputs {
            var source = stat()
            if stat(input.path, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
                throw RenderError.cannotWrite(destination.path, reason: refusalOfInput(input))
            }
        }
    }

    /// What kind of non-regular file `mode` is, or nil for a regular file.
    private static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "a special file"
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
