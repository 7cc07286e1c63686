import Foundation

/// The kinds of picture `cover:` takes: the two every podcast app, browser and
/// tag reader shows. Told by the file's first bytes, not its name.
public enum PictureType: String, Sendable, Equatable {
    case png, jpeg

    public var mimeType: String { "image/\(rawValue)" }
    public var fileExtension: String { self == .png ? "png" : "jpg" }

    /// The type of a picture whose file starts with `bytes`; nil for anything else.
    public init?(header bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(8))
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            self = .png
        } else if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF {
            self = .jpeg
        } else {
            return nil
        }
    }

    /// Pictures above this size are refused: they would swell every track's tags
    /// (podcast apps ask for well under 1 MB).
    public static let largestFile = 8 << 20
}
