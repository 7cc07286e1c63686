/// Why a track is (re)rendered, worded for `--dry-run` and the progress lines.
public enum StaleReason: Sendable, Hashable, CustomStringConvertible {
    /// The track has never been built into this output folder.
    case newTrack
    /// `--force`, and nothing else changed.
    case forced
    case outputMissing
    /// The output file is not the one the last build wrote (replaced or edited since).
    case outputChanged
    case rendererChanged(from: String, to: String)
    /// The output settings (format, bits, rate, draft, …) differ.
    case settingsChanged
    case scriptChanged
    /// An included file, `library.defaults` or a sound file changed (path relative
    /// to the library when inside it).
    case fileChanged(String)
    case clipChanged(String)
    /// A dependency the last render did not have (a new include, a new clip).
    case nowUses(String)
    case noLongerUses(String)

    public var description: String {
        switch self {
        case .newTrack: "new track"
        case .forced: "forced"
        case .outputMissing: "output missing"
        case .outputChanged: "output changed since it was rendered"
        case .rendererChanged(let old, let new): "renderer version changed (\(old) → \(new))"
        case .settingsChanged: "settings changed"
        case .scriptChanged: "script changed"
        case .fileChanged(let path): "`\(path)` changed"
        case .clipChanged(let name): "clip `\(name)` changed"
        case .nowUses(let what): "now uses \(what)"
        case .noLongerUses(let what): "no longer uses \(what)"
        }
    }
}
