import Foundation
import StillpointTakes
import StillpointTestSupport
import Testing

/// Without the recogniser (`--in-order`, and for words it does not know): a
/// take read in the sheet's order is placed by the phrases' lengths and the
/// pauses, a phrase read in two breaths staying one clip.
struct InOrderTakeTests {
    static let cut: Result<CutTake, any Error> = Result {
        var take = SpokenTake()
        try take.append(pause: 1.0, "Welcome. This time is yours.")
        try take.append(pause: 2.0, "Let yourself lie down,")
        try take.append(pause: 0.6, "and let the floor hold you.")
        try take.append(pause: 1.5, "Notice your breath, just as it is.")
        try take.append(pause: 1.2)
        take.addNoise(rmsDB: -55, humAt: 60, humDB: -45)
        return try CutTake(take, phrases: Array(RecognisedTakeTests.sheet.prefix(3)), options: TakesOptions(inOrder: true))
    }

    @Test func everyPhraseIsPlacedInOrder() throws {
        let cut = try Self.cut.get()
        #expect(cut.report.found.map(\.phrase) == ["welcome", "lie-down", "breath"], "\(cut.report)")
        #expect(cut.report.found.allSatisfy { $0.method == "in order" })
        let p = cut.take.parts
        cut.expectWhole("welcome", known: p[0].start ..< p[0].end)
        cut.expectWhole("lie-down", known: p[1].start ..< p[2].end)
        cut.expectWhole("breath", known: p[3].start ..< p[3].end)
    }

    @Test func wordsTheRecogniserDoesNotKnowArePlacedInOrderAndSaidSo() throws {
        var take = SpokenTake()
        try take.append(pause: 1.0, "Welcome. This time is yours.")
        try take.append(pause: 1.5, "Atme ruhig ein und aus.")
        try take.append(pause: 1.0)
        let cut = try CutTake(take, phrases: [("welcome", "Welcome. This time is yours."), ("atme", "Atme ruhig ein und aus.")])
        #expect(cut.report.found.map(\.method) == ["recognised", "in order"], "\(cut.report)")
        #expect(cut.report.notes.contains { $0.contains("does not know") && $0.contains("ruhig") })
        cut.expectWhole("atme", known: take.parts[1].start ..< take.parts[1].end)
    }

    /// Unheard phrases between recognised ones are placed between where those
    /// fell: the German opening line, read last, does not take the stretch of
    /// the German line read in its own place (placed in sheet order among all
    /// the stretches left, the two were swapped).
    @Test func anUnheardPhraseReadOutOfPlaceDoesNotTakeAnothersStretch() throws {
        var take = SpokenTake()
        try take.append(pause: 1.0, "Welcome. This time is yours.")
        try take.append(pause: 1.5, "Lass die Schultern sinken.")
        try take.append(pause: 1.5, "Notice your breath, just as it is.")
        try take.append(pause: 1.5, "Atme ruhig ein und aus.")
        try take.append(pause: 1.0)
        let cut = try CutTake(take, phrases: [
            ("atme", "Atme ruhig ein und aus."), ("welcome", "Welcome. This time is yours."),
            ("schultern", "Lass die Schultern sinken."), ("breath", "Notice your breath, just as it is."),
        ])
        #expect(cut.report.found.map(\.phrase) == ["atme", "welcome", "schultern", "breath"], "\(cut.report)")
        #expect(cut.report.found.map(\.method) == ["in order", "recognised", "in order", "recognised"], "\(cut.report)")
        cut.expectWhole("schultern", known: take.parts[1].start ..< take.parts[1].end)
        cut.expectWhole("atme", known: take.parts[3].start ..< take.parts[3].end)
    }

    @Test func aPhraseThatCannotBePlacedWithConfidenceIsReportedNotWritten() throws {
        var take = SpokenTake()
        try take.append(pause: 1.0, "Let yourself lie down.")
        try take.append(pause: 1.0)
        // Eight words (3.7 s at a calm pace), read as four (about 1.4 s).
        let long = "Let yourself lie down, and rest here now."
        let cut = try CutTake(take, phrases: [("lie-down", long)], options: TakesOptions(inOrder: true))
        #expect(cut.report.found.isEmpty, "\(cut.report)")
        let missing = try #require(cut.report.notFound.first)
        #expect(missing.phrase == "lie-down" && missing.reason.hasPrefix("unsure: perhaps at 0:01"), "\(missing)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cut.folder.appendingPathComponent("clips").path).isEmpty)
    }
}
