internal import CPocketSphinx
import Foundation
import StillpointFiles
import SystemPackage

/// PocketSphinx (the CMU recogniser, with its US English model) behind a small
/// Swift face: two decoders that know only the script's words, two ways of
/// hearing an utterance.
///
/// - `phrase`: constrained to the transcripts, each whole, one per utterance
///   (a JSGF alternation). Speech that is not one whole phrase — a stumble, half
///   a sentence, a cough — finds no path to the grammar's end and hears nothing.
///   Its beams are wider than PocketSphinx's defaults (1e-48, 7e-29, 1e-48),
///   which with so strict a grammar prune the one right path of a slow or
///   noisy reading (or of a phrase that says a word twice).
/// - `words`: any sequence of the script's words, with the default beams: the
///   free hearing the phrase is measured against for `confidence`.
///
/// The C calls that differ between PocketSphinx 5prealpha (Debian) and 5.0
/// (Homebrew) go through the `stillpoint_ps_*` functions of CPocketSphinx's shim.
///
/// Not `Sendable`: one utterance at a time; make one per thread.
final class Recogniser {
    private let phraseDecoder: Decoder
    private let wordsDecoder: Decoder
    private let dictionaryFile: URL
    /// The words the pronouncing dictionary has.
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

    /// Decoders for `transcripts` (lists of words; those with a word the
    /// dictionary lacks are left out of the grammar).
    init(transcripts: [[String]], model: (acoustic: URL, dictionary: URL)) throws {
        let dictionary = try PronouncingDictionary(file: model.dictionary, words: Set(transcripts.joined()))
        known = dictionary.known
        dictionaryFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("stillpoint-takes-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max)).dict")
        // Registered, so that Ctrl-C removes it with the clips' temporary files.
        TemporaryFiles.register(FilePath(dictionaryFile.path))
        do {
            try AtomicReplacement.write((dictionary.lines.joined(separator: "\n") + "\n").utf8, to: FilePath(dictionaryFile.path))
        } catch {
            Self.remove(dictionaryFile)
            throw error
        }
        // Each utterance normalised by its own mean (`-cmn batch`), not by what
        // came before: what is heard does not depend on the order of hearing.
        let common = ["-hmm", model.acoustic.path, "-dict", dictionaryFile.path, "-logfn", "/dev/null", "-cmn", "batch"]
        do {
            phraseDecoder = try Decoder(common + ["-beam", "1e-80", "-wbeam", "1e-60", "-pbeam", "1e-80"])
            wordsDecoder = try Decoder(common)
        } catch {
            Self.remove(dictionaryFile)
            throw error
        }
        let usable = transcripts.filter { !$0.isEmpty && $0.allSatisfy(dictionary.known.contains) }
        guard !usable.isEmpty else { return }
        let phrases = Set(usable.map { $0.map(Self.token).joined(separator: " ") }).sorted()
        try phraseDecoder.set(grammar: "public <s> = \(phrases.joined(separator: " | "));")
        try wordsDecoder.set(grammar: "<w> = \(known.sorted().map(Self.token).joined(separator: " | "));\npublic <s> = <w>+;")
    }

    deinit {
        Self.remove(dictionaryFile)
    }

    /// Removes the pronouncing dictionary written for the decoders, and unregisters it.
    private static func remove(_ file: URL) {
        try? Files.remove(FilePath(file.path))
        TemporaryFiles.forget(FilePath(file.path))
    }

    /// A word as a JSGF token: quoted when it has more than letters.
    private static func token(_ word: String) -> String {
        word.allSatisfy { $0.isLetter && $0.isASCII } ? word : "\"\(word)\""
    }

    struct Hearing {
        /// The words heard, lower case.
        var words: [String]
        /// The path's score (log, larger is better) and the frames it covers.
        var score: Int32
        var frames: Int32
    }

    enum Search {
        case phrase, words
    }

    /// What `search` hears in `samples` (16 kHz, 16-bit); nil when nothing fits it.
    func hear(_ samples: [Int16], as search: Search) -> Hearing? {
        (search == .phrase ? phraseDecoder : wordsDecoder).hear(samples)
    }

    /// One `ps_decoder_t` with its configuration, freed in `deinit`.
    private final class Decoder {
        private let config: OpaquePointer
        private let decoder: OpaquePointer
        private var ready = false

        init(_ arguments: [String]) throws {
            var argv = (["stillpoint"] + arguments).map { strdup($0) }
            defer { argv.forEach { free($0) } }
            guard let config = stillpoint_ps_config(Int32(argv.count), &argv) else {
                throw Failure(description: "the recogniser refused its settings")
            }
            guard let decoder = ps_init(config) else {
                stillpoint_ps_config_free(config)
                throw Failure(description: "the recogniser could not load its model")
            }
            self.config = config
            self.decoder = decoder
        }

        deinit {
            ps_free(decoder)
            stillpoint_ps_config_free(config)
        }

        func set(grammar: String) throws {
            let text = "#JSGF V1.0;\ngrammar takes;\n" + grammar + "\n"
            guard stillpoint_ps_use_jsgf(decoder, "takes", text) == 0 else {
                throw Failure(description: "the recogniser refused the script's grammar")
            }
            ready = true
        }

        func hear(_ samples: [Int16]) -> Hearing? {
            guard ready, ps_start_utt(decoder) == 0 else { return nil }
            // Not flagged as a whole utterance (`full_utt`): that was seen to lose phrases.
            _ = samples.withUnsafeBufferPointer { ps_process_raw(decoder, $0.baseAddress, $0.count, 0, 0) }
            guard ps_end_utt(decoder) == 0 else { return nil }
            var score: Int32 = 0
            guard let hypothesis = ps_get_hyp(decoder, &score) else { return nil }
            let words = String(cString: hypothesis).split(separator: " ").map(String.init)
            guard !words.isEmpty else { return nil }
            return Hearing(words: words, score: score, frames: ps_get_n_frames(decoder))
        }
    }
}
