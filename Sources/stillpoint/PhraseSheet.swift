import Foundation
import StillpointScript

/// The phrases of a script or library folder, each once, in order of first use,
/// with the clips folder of the first script that says it: what `clips` lists
/// and `takes` looks for. Script errors other than missing clips are printed
/// (`failed`); missing clips are what both commands are for.
struct PhraseSheet {
    struct Entry {
        var phrase: Phrase
        var clipsFolder: URL
    }

    private(set) var entries: [Entry] = []
    private(set) var failed = false
    /// The first script's clips folder, named in the sheet's heading.
    private(set) var clipsFolder: URL?

    init(at path: String) throws {
        var index: [String: Int] = [:]
        for script in try Loading.scripts(at: path) {
            let result = Loading.loader.phrases(in: script)
            Terminal.report(result.diagnostics.filter(\.isError))
            failed = failed || result.hasErrors
            clipsFolder = clipsFolder ?? result.clipsFolder
            for phrase in result.phrases {
                if let at = index[phrase.clip] {
                    entries[at].phrase.uses += phrase.uses
                    entries[at].phrase.text = entries[at].phrase.text ?? phrase.text
                } else {
                    index[phrase.clip] = entries.count
                    entries.append(Entry(phrase: phrase, clipsFolder: result.clipsFolder))
                }
            }
        }
    }
}
