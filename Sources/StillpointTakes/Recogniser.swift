import CPocketSphinx
import Foundation

/// PocketSphinx (the CMU recogniser, with its US English model) behind a small
/// Swift face: a decoder that knows only the script's words, and two ways of
/// hearing an utterance.
///
/// - `phrase`: constrained to the transcripts, each whole, one per utterance
///   (a JSGF alternation). Speech that is not one whole phrase — a stumble, half
///   a sentence, a cough — finds no path to the grammar's end and hears nothing.
/// - `words`: any sequence of the script's words, the free hearing the phrase
///   is measured against for `confidence`.
///
/// The decoder handle is freed in `deinit`. Not `Sendable`: one utterance at a time.
final class Recogniser {
    private let decoder: OpaquePointer
    private let config: OpaquePointer
    private let dictionaryFile: URL
    let known: Set<String>

    /// The acoustic model's folder and dictionary, where Debian and Homebrew put them.
    static func model() -> (acoustic: URL, dictionary: URL)? {
        var roots = ["/usr/share/pocketsphinx/model/en-us", "/usr/local/share/pocketsphinx/model/en-us",
                     "/opt/homebrew/share/pocketsphinx/model/en-us"]
        if let own = ProcessInfo.processInfo.environment["STILLPOINT_POCKETSPHINX_MODEL"] { roots = [own] }
        for root in roots.map({ URL(fileURLWithPath: $0) }) {
            let acoustic = root.appendingPathComponent("en-us"), dictionary = root.appendingPathComponent("cmudict-en-us.dict")
            if FileManager.default.fileExists(atPath: acoustic.appendingPathComponent("mdef").path),
                FileManager.default.fileExists(atPath: dictionary.path)
            {
                return (acoustic, dictionary)
            }
        }
        return nil
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A decoder for `transcripts` (each a list of words the dictionary knows).
    init(transcripts: [[String]], model: (acoustic: URL, dictionary: URL)) throws {
        let words = Set(transcripts.joined())
        let dictionary = try PronouncingDictionary(file: model.dictionary, words: words)
        known = dictionary.known
        dictionaryFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("stillpoint-takes-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max)).dict")
        try (dictionary.lines.joined(separator: "\n") + "\n").write(to: dictionaryFile, atomically: true, encoding: .utf8)
        let arguments = ["stillpoint", "-hmm", model.acoustic.path, "-dict", dictionaryFile.path, "-logfn", "/dev/null",
                         // Wider than the defaults (1e-48, 7e-29, 1e-48): with a strict grammar the
                         // defaults prune the one right path of a slow or noisy reading.
                         "-beam", "1e-60", "-wbeam", "1e-40", "-pbeam", "1e-60"]
        var argv = arguments.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        guard let config = cmd_ln_parse_r(nil, ps_args(), Int32(argv.count), &argv, 1) else {
            try? FileManager.default.removeItem(at: dictionaryFile)
            throw Failure(description: "the recogniser refused its settings")
        }
        guard let decoder = ps_init(config) else {
            cmd_ln_free_r(config)
            try? FileManager.default.removeItem(at: dictionaryFile)
            throw Failure(description: "the recogniser could not load its model from \(model.acoustic.path)")
        }
        self.config = config
        self.decoder = decoder
        let usable = transcripts.filter { !$0.isEmpty && $0.allSatisfy(dictionary.known.contains) }
        let vocabulary = dictionary.known.sorted()
        guard !usable.isEmpty else { return }
        let phrases = Set(usable.map { $0.map(Self.token).joined(separator: " ") }).sorted()
        try set(search: "phrase", grammar: "public <s> = \(phrases.joined(separator: " | "));")
        try set(search: "words", grammar: "<w> = \(vocabulary.map(Self.token).joined(separator: " | "));\npublic <s> = <w>+;")
    }

    deinit {
        ps_free(decoder)
        cmd_ln_free_r(config)
        try? FileManager.default.removeItem(at: dictionaryFile)
    }

    private func set(search: String, grammar: String) throws {
        let text = "#JSGF V1.0;\ngrammar takes;\n" + grammar + "\n"
        guard ps_set_jsgf_string(decoder, search, text) == 0 else {
            throw Failure(description: "the recogniser refused the script's grammar")
        }
    }

    /// A word as a JSGF token: quoted when it has more than letters.
    private static func token(_ word: String) -> String {
        word.allSatisfy { $0.isLetter && $0.isASCII } ? word : "\"\(word)\""
    }

    struct Hearing {
        /// The words heard, lower case; empty when nothing fitted.
        var words: [String]
        /// The path's score (log, larger is better) and the frames it covers.
        var score: Int32
        var frames: Int32
    }

    enum Search: String {
        case phrase, words
    }

    /// What `search` hears in `samples` (16 kHz, 16-bit); nil when nothing fits it.
    func hear(_ samples: [Int16], as search: Search) -> Hearing? {
        guard ps_set_search(decoder, search.rawValue) == 0, ps_start_utt(decoder) == 0 else { return nil }
        _ = samples.withUnsafeBufferPointer { ps_process_raw(decoder, $0.baseAddress, $0.count, 0, 0) }
        guard ps_end_utt(decoder) == 0 else { return nil }
        var score: Int32 = 0
        guard let hypothesis = ps_get_hyp(decoder, &score) else { return nil }
        let words = String(cString: hypothesis).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        return Hearing(words: words, score: score, frames: ps_get_n_frames(decoder))
    }
}
