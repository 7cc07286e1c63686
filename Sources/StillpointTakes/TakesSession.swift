import Foundation
import StillpointFiles
import SystemPackage

/// `stillpoint takes` without its command line: looks for the phrases in the
/// takes (by ear where the recogniser can hear them, else in the sheet's order),
/// cleans and cuts each one found, and writes it, or only says what it would.
///
/// Takes are read in the order given and, within one, from start to end; a
/// phrase found again later wins, so a re-take replaces a stumble.
public struct TakesSession {
    public let phrases: [WantedPhrase]
    public let takes: [URL]
    public let options: TakesOptions

    /// Placements less sure than this are reported, not written.
    public static let unsure = 0.5

    public init(phrases: [WantedPhrase], takes: [URL], options: TakesOptions) {
        self.phrases = phrases
        self.takes = takes
        self.options = options
    }

    private struct Placement {
        var take: Int
        var speech: Range<Int64>
        var confidence: Double
        var method: String
    }

    private struct Analysed {
        var audio: TakeAudio
        var map: SpeechMap
        var cleaner: VoiceCleaner
    }

    /// Runs it; `progress` hears what is being done, for a terminal's status line.
    public func run(progress: (String) -> Void = { _ in }) throws(TakesError) -> TakesReport {
        var report = TakesReport(dryRun: options.dryRun)
        // Every take is opened before anything is written: a take that is not
        // audio stops the run with every clip folder as it was.
        let audio = try takes.map { url throws(TakesError) in try TakeAudio(url: url) }
        if !options.dryRun { removeLeftovers(notes: &report.notes) }
        guard phrases.contains(where: \.wanted) else { return report }
        let words = phrases.map { PhraseWords.words($0.text ?? "") }
        let recognisers = options.inOrder ? [] : makeRecognisers(words, notes: &report.notes)
        let recogniser = recognisers.first
        let hearable = phrases.indices.map { i in
            recogniser.map { r in !words[i].isEmpty && words[i].allSatisfy(r.known.contains) } ?? false
        }
        if let recogniser {
            let unknown = Set(phrases.indices.filter { phrases[$0].wanted }.flatMap { words[$0] }).subtracting(recogniser.known).sorted()
            let count = hearable.indices.filter { phrases[$0].wanted && !hearable[$0] && !words[$0].isEmpty }.count
            if count > 0 {
                report.notes.append("\(count) phrase\(count == 1 ? "" : "s") with words the recogniser does not know ("
                    + unknown.prefix(8).joined(separator: ", ") + (unknown.count > 8 ? ", …" : "")
                    + ") placed in the order of the sheet instead")
            }
        }
        var byWords: [String: [Int]] = [:]
        for i in phrases.indices where hearable[i] { byWords[words[i].joined(separator: " "), default: []].append(i) }

        var placements: [Int: Placement] = [:]
        var analysed: [Analysed] = []
        for (t, take) in audio.enumerated() {
            progress("listening to \(take.url.relativePath)")
            let map = try SpeechMap(take)
            let cleaner = try VoiceCleaner(take: take, map: map, enabled: options.clean)
            analysed.append(Analysed(audio: take, map: map, cleaner: cleaner))
            var used = Set<Int>()
            if !recognisers.isEmpty, !byWords.isEmpty {
                var workers = [RecognisedMatching.Worker(recogniser: recognisers[0], take: take)]
                for other in recognisers.dropFirst() { workers.append(.init(recogniser: other, take: try take.reopened())) }
                let matching = RecognisedMatching(phrasesByWords: byWords)
                for match in try matching.match(map, workers: workers, cleaner: cleaner) {
                    used.formUnion(match.stretches)
                    let speech = map.stretches[match.stretches.lowerBound].start ..< map.stretches[match.stretches.upperBound - 1].end
                    for phrase in match.phrases {
                        placements[phrase] = Placement(take: t, speech: speech, confidence: match.confidence, method: "recognised")
                    }
                }
            }
            let free = map.stretches.indices.filter { !used.contains($0) }
            let items = phrases.indices.filter { phrases[$0].wanted && !hearable[$0] && !words[$0].isEmpty && placements[$0] == nil }
                .map { InOrderAlignment.Item(phrase: $0, expected: InOrderAlignment.expectedSeconds(words: words[$0].count)) }
            // Where this take's recognised phrases fell bounds where the unheard ones between them may go.
            let anchors = placements.filter { $0.value.take == t }.mapValues(\.speech)
            for placed in InOrderAlignment.align(map.stretches, free: free, rate: map.rate, items: items, between: anchors) {
                placements[placed.phrase] = Placement(take: t, speech: placed.speech, confidence: placed.confidence, method: "in order")
            }
        }

        for (i, phrase) in phrases.enumerated() where phrase.wanted {
            guard let placement = placements[i] else {
                let reason = words[i].isEmpty
                    ? "it has no words in the script, so it cannot be found in a take; record it on its own"
                    : "not found in the take" + (takes.count == 1 ? "" : "s")
                report.notFound.append(TakesReport.Missing(phrase: phrase.clip, reason: reason))
                continue
            }
            switch try cut(phrase, at: placement, in: analysed[placement.take], progress: progress) {
            case .found(let found): report.found.append(found)
            case .missing(let missing): report.notFound.append(missing)
            }
        }
        return report
    }

    private enum Outcome {
        case found(TakesReport.Found)
        case missing(TakesReport.Missing)
    }

    /// Cuts, cleans and writes one placed phrase (or says what it would write,
    /// or that it keeps the recording there); one placed without confidence is
    /// reported with where it might be.
    private func cut(_ phrase: WantedPhrase, at placement: Placement, in take: Analysed, progress: (String) -> Void) throws(TakesError) -> Outcome {
        let rate = take.map.rate
        let clock = { (frames: Int64) in Self.seconds(frames, rate) }
        guard placement.confidence >= Self.unsure else {
            return .missing(TakesReport.Missing(
                phrase: phrase.clip,
                reason: "unsure: perhaps at \(Self.time(clock(placement.speech.lowerBound)))–\(Self.time(clock(placement.speech.upperBound))) in "
                    + "\(take.audio.url.relativePath) (\(Int((placement.confidence * 100).rounded())) % sure); listen there, or record it on its own"))
        }
        progress("cutting \(phrase.clip)")
        let clip = ClipWriter.extent(of: placement.speech, room: room(around: placement.speech, in: take.map), rate: rate)
        let old = ClipWriter.existing(phrase.clip, in: phrase.folder)
        var found = TakesReport.Found(
            phrase: phrase.clip, take: take.audio.url.relativePath, start: clock(clip.lowerBound), end: clock(clip.upperBound),
            length: clock(clip.upperBound - clip.lowerBound), confidence: (placement.confidence * 100).rounded() / 100,
            method: placement.method, file: phrase.folder.appendingPathComponent(phrase.clip + ".flac").path,
            action: "written", replaced: nil)
        if !old.isEmpty, !options.replace {
            found.action = "kept"
            found.file = old[0].path
        } else if options.dryRun {
            found.action = "would write"
        } else {
            var samples = try take.cleaner.read(clip, from: take.audio)
            ClipWriter.fade(&samples, rate: rate)
            found.replaced = try ClipWriter.write(samples, rate: rate, clip: phrase.clip, folder: phrase.folder, replacing: old)?.path
        }
        return .found(found)
    }

    /// Removes the temporary files a killed run left in the clips folders (the
    /// sweep `build` makes of its output folder), each named in a note. Like the
    /// build's, it assumes no other `takes` is writing into the same folder now.
    private func removeLeftovers(notes: inout [String]) {
        for folder in Set(phrases.map(\.folder.standardizedFileURL)).sorted(by: { $0.path < $1.path }) {
            for name in Files.removeLeftovers(below: FilePath(folder.path)) {
                notes.append("removed \(folder.appendingPathComponent(name).path), left by an interrupted run")
            }
        }
    }

    /// Where a clip may reach: from the end of the speech before to the start
    /// of the speech after, less a little clearance.
    private func room(around speech: Range<Int64>, in map: SpeechMap) -> Range<Int64> {
        let clearance = Int64(ClipWriter.clearance * Double(map.rate))
        let before = map.stretches.last { $0.end <= speech.lowerBound }.map { $0.end + clearance } ?? 0
        let after = map.stretches.first { $0.start >= speech.upperBound }.map { $0.start - clearance } ?? map.frames
        return min(before, speech.lowerBound) ..< max(after, speech.upperBound)
    }

    /// One recogniser per processor (up to four), for hearing parts of a take at once.
    private func makeRecognisers(_ words: [[String]], notes: inout [String]) -> [Recogniser] {
        guard words.contains(where: { !$0.isEmpty }) else { return [] }
        guard let model = Recogniser.model() else {
            notes.append("the speech recogniser's model (pocketsphinx-en-us) is not installed: phrases placed in the order of the sheet")
            return []
        }
        do {
            return try (0 ..< min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))).map { _ in
                try Recogniser(transcripts: words, model: model)
            }
        } catch {
            notes.append("the speech recogniser did not start (\(error)): phrases placed in the order of the sheet")
            return []
        }
    }

    static func seconds(_ frames: Int64, _ rate: Int) -> Double {
        (Double(frames) / Double(rate) * 100).rounded() / 100
    }

    /// `1:02.35`.
    public static func time(_ seconds: Double) -> String {
        let centis = Int((seconds * 100).rounded())
        return String(format: "%d:%02d.%02d", centis / 6000, centis / 100 % 60, centis % 100)
    }
}
