import Foundation
import StillpointTakes
import StillpointTestSupport
import Testing

/// A take as a beginner records it: out of the sheet's order, with a stumbled
/// first reading, a phrase read in two breaths, one phrase never read, and a
/// fridge's pink noise and 50 Hz hum under all of it. Made and cut once (the
/// recogniser and espeak-ng take a few seconds), then measured.
struct RecognisedTakeTests {
    static let sheet = [
        ("welcome", "Welcome. This time is yours."),
        ("lie-down", "Let yourself lie down, and let the floor hold you."),
        ("breath", "Notice your breath, just as it is."),
        ("settle", "Let your shoulders soften."),
        ("return", "Slowly, in your own time, come back to the room."),
    ]

    static let cut: Result<CutTake, any Error> = Result {
        var take = SpokenTake()
        try take.append(pause: 1.0, "Welcome. This time is yours.")
        try take.append(pause: 2.0, "Notice your breath")
        try take.append(pause: 1.5, "Notice your breath, just as it is.")
        try take.append(pause: 1.0, "Slowly, in your own time, come back to the room.")
        try take.append(pause: 3.0, "Let yourself lie down,")
        try take.append(pause: 0.6, "and let the floor hold you.")
        try take.append(pause: 1.2)
        take.addNoise(rmsDB: -50, humAt: 50, humDB: -40)
        return try CutTake(take, phrases: sheet)
    }

    /// Take frames of each phrase's known audio, as read.
    static func known(_ take: SpokenTake) -> [String: Range<Int>] {
        let p = take.parts
        return ["welcome": p[0].start ..< p[0].end, "breath": p[2].start ..< p[2].end,
                "return": p[3].start ..< p[3].end, "lie-down": p[4].start ..< p[5].end]
    }

    @Test func eachPhraseReadLandsUnderItsNameAndTheUnreadOneIsMissing() throws {
        let cut = try Self.cut.get()
        #expect(Set(cut.report.found.map(\.phrase)) == ["welcome", "lie-down", "breath", "return"], "\(cut.report)")
        #expect(cut.report.notFound.map(\.phrase) == ["settle"])
        #expect(cut.report.found.allSatisfy { $0.method == "recognised" && $0.confidence >= 0.5 && $0.action == "written" })
    }

    @Test(arguments: ["welcome", "lie-down", "breath", "return"])
    func eachClipHoldsTheWholePhraseAndLittleElse(_ name: String) throws {
        let cut = try Self.cut.get()
        cut.expectWhole(name, known: Self.known(cut.take)[name]!)
    }

    @Test func theFullReadingWinsOverTheStumbleBeforeIt() throws {
        let cut = try Self.cut.get()
        let found = try #require(cut.report.found.first { $0.phrase == "breath" })
        let stumbleEnd = Double(cut.take.parts[1].end) / Double(SpokenTake.rate)
        #expect(found.start > stumbleEnd, "\(found)")
    }

    @Test(arguments: ["welcome", "lie-down", "breath", "return"])
    func humAndNoiseAreDownAndTheVoiceIsNot(_ name: String) throws {
        let cut = try Self.cut.get()
        let known = Self.known(cut.take)[name]!
        let clip = try #require(cut.clips[name])
        let start = try #require(cut.expectWhole(name, known: known))
        let rate = SpokenTake.rate
        let original = Array(cut.take.mixed[start ..< start + clip.count])
        // Hum at 50 Hz over the whole clip (the voice has almost nothing there).
        let humBefore = SignalAnalysis.spectrum(original, rate: rate).magnitude(near: 50)
        let humAfter = SignalAnalysis.spectrum(clip, rate: rate).magnitude(near: 50)
        #expect(SignalAnalysis.dB(humAfter / humBefore) <= -20, "\(name): hum \(SignalAnalysis.dB(humAfter / humBefore)) dB")
        // The tail, from 0.1 s after the phrase, is a pause: its noise is down by 6 dB or more.
        let tail = (known.upperBound - start + rate / 10) ..< (clip.count - rate / 10)
        let noiseBefore = SignalAnalysis.rmsDB(Array(cut.take.noise[start ..< start + clip.count]), range: tail)
        let noiseAfter = SignalAnalysis.rmsDB(clip, range: tail)
        #expect(noiseAfter <= noiseBefore - 6, "\(name): pause noise \(noiseBefore) → \(noiseAfter) dBFS")
        // The phrase itself keeps its level.
        let voice = (known.lowerBound - start) ..< (known.upperBound - start)
        let level = SignalAnalysis.rmsDB(clip, range: voice) - SignalAnalysis.rmsDB(Array(cut.take.speech[known]))
        #expect(abs(level) < 1, "\(name): level moved \(level) dB")
    }

    @Test func theTakeIsLeftAsItWas() throws {
        let cut = try Self.cut.get()
        #expect(cut.takeBefore == cut.takeAfter)
    }
}
