import Foundation

/// Advice printed under a diagnostic's caret. The kinds that carry data (a guess,
/// a folder searched, a list of choices) are typed so that a tool or test can read
/// the data without parsing the sentence; `text` words each kind in one place.
public enum Hint: Sendable, Equatable {
    /// "did you mean `say`?" (the word as it should be written, such as `title:`).
    case didYouMean(String)
    /// "did you mean the setting `title:`?": a setting written without its colon.
    case didYouMeanSetting(String)
    /// "looked in FOLDER for NAME.flac, .wav, …": where a clip was searched.
    case searchedFolder(String, forClip: String)
    /// "looked for PATH (paths are relative to …)": where an include or file was searched.
    case searchedPath(String)
    /// "files are read only inside ROOT" / "the library's root is ROOT".
    case libraryRoot(String, filesOnly: Bool)
    /// "`say` takes: level, fade, …": the options an instruction accepts.
    case takes(String, [String])
    /// "settings: title, artist, …": the words allowed at this spot.
    case choices(String, [String])
    /// "sigh.m4a is there, but …": a file of the right name in a type that is not read.
    case unreadableKind(file: String, clip: String)
    /// Advice that carries no data of its own.
    case text(String)

    public var text: String {
        switch self {
        case .didYouMean(let word): "did you mean `\(word)`?"
        case .didYouMeanSetting(let name): "did you mean the setting `\(name):`?"
        case .searchedFolder(let folder, let clip):
            "looked in \(folder) for \(clip)." + clipExtensions.joined(separator: ", .")
        case .searchedPath(let path):
            "looked for \(path) (paths are relative to the folder of the file they are written in)"
        case .libraryRoot(let root, let filesOnly):
            filesOnly ? "files are read only inside \(root)" : "the library's root is \(root)"
        case .takes(let keyword, let options): "`\(keyword)` takes: " + options.joined(separator: ", ")
        case .choices(let label, let words): "\(label): " + words.joined(separator: ", ")
        case .unreadableKind(let file, let clip):
            "\(file) is there, but Stillpoint cannot read that kind of file; convert it, e.g. `ffmpeg -i \(file) \(clip).flac`"
        case .text(let text): text
        }
    }
}
