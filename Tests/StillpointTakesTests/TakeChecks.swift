import Foundation
import StillpointAudio
import StillpointTakes
import StillpointTestSupport
import Testing

/// A take written to a folder with a clips folder beside it, cut by
/// `TakesSession`, and the clips read back.
struct CutTake: Sendable {
    let take: SpokenTake
    let folder: URL
    let report: TakesReport
    let clips: [String: [Float]]
    let takeBefore: Data
    let takeAfter: Data

    /// `phrases` are (clip name, transcript); all wanted.
    init(_ take: SpokenTake, phrases: [(String, String)], options: TakesOptions = TakesOptions()) throws {
        self.take = take
        folder = try AudioFixtures.temporaryFolder("takes")
        let clipsFolder = folder.appendingPathComponent("clips")
        try FileManager.default.createDirectory(at: clipsFolder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("take.wav")
        try AudioFixtures.writeWAV(take.mixed, rate: SpokenTake.rate, encoding: .float32, to: url)
        takeBefore = try Data(contentsOf: url)
        let wanted = phrases.map { WantedPhrase(clip: $0.0, text: $0.1, folder: clipsFolder, wanted: true) }
        report = try TakesSession(phrases: wanted, takes: [url], options: options).run()
        takeAfter = try Data(contentsOf: url)
        var clips: [String: [Float]] = [:]
        for found in report.found {
            clips[found.phrase] = try SoundFileReader(url: URL(fileURLWithPath: found.file)).readAll()
        }
        self.clips = clips
    }

    /// Checks that `clip` holds the whole of the take's speech in `known`
    /// (frames of the take), found by cross-correlation, with a lead-in and a
    /// tail of about 0.2 s and 0.4 s and little else; returns where the clip
    /// starts in the take.
    @discardableResult
    func expectWhole(_ name: String, known: Range<Int>, sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        guard let clip = clips[name] else {
            Issue.record("no clip \(name): \(report)", sourceLocation: sourceLocation)
            return nil
        }
        let rate = Double(SpokenTake.rate)
        let phrase = Array(take.speech[known])
        let offset = SignalAnalysis.offset(of: phrase, in: clip)
        let lead = Double(offset) / rate, tail = Double(clip.count - offset - phrase.count) / rate
        #expect(lead >= 0.05 && lead <= 0.3, "\(name): lead-in \(lead) s", sourceLocation: sourceLocation)
        #expect(tail >= 0.2 && tail <= 0.5, "\(name): tail \(tail) s", sourceLocation: sourceLocation)
        // The correlation finds the best offset even in a clip of other words;
        // only the right clip starts where that offset says (to the report's 0.01 s).
        let start = known.lowerBound - offset
        if let found = report.found.first(where: { $0.phrase == name }) {
            #expect(abs(Double(start) / rate - found.start) <= 0.011,
                    "\(name): cut from \(found.start) s, but its words start \(Double(known.lowerBound) / rate) s into the take",
                    sourceLocation: sourceLocation)
        }
        return start
    }
}
