import Testing
@testable import StillpointTakes

/// The sheet-order placement on stretches given by hand (seconds at 1000 Hz).
struct InOrderAlignmentTests {
    private func stretches(_ spans: [(Double, Double)]) -> [Stretch] {
        spans.map { Stretch(start: Int64($0.0 * 1000), end: Int64($0.1 * 1000)) }
    }

    private func items(_ seconds: [Double]) -> [InOrderAlignment.Item] {
        seconds.enumerated().map { InOrderAlignment.Item(phrase: $0.offset, expected: $0.element) }
    }

    @Test func onePhraseReadInTwoBreathsStaysOne() {
        // 2 s, then a 0.6 s pause inside the second phrase, then 1.5 s.
        let takes = stretches([(0, 2), (4, 5.2), (5.8, 7), (9, 10.5)])
        let result = InOrderAlignment.align(takes, rate: 1000, items: items([2, 3, 1.5]))
        #expect(result.map(\.stretches) == [0 ..< 1, 1 ..< 3, 3 ..< 4])
        #expect(result.allSatisfy { $0.confidence > 0.5 })
    }

    @Test func aStumbleBeforeTheFullReadingIsLeftOut() {
        // Phrase 0 (3 s), a 1 s stumble, phrase 1 read fully (3 s), phrase 2 (2 s).
        let takes = stretches([(0, 3), (5, 6), (8, 11), (13, 15)])
        let result = InOrderAlignment.align(takes, rate: 1000, items: items([3, 3, 2]))
        #expect(result.map(\.phrase) == [0, 1, 2])
        #expect(result.map(\.stretches) == [0 ..< 1, 2 ..< 3, 3 ..< 4])
    }

    @Test func aPhraseNotReadStaysMissing() {
        let result = InOrderAlignment.align(stretches([(0, 3), (5, 8)]), rate: 1000, items: items([3, 3, 2]))
        #expect(result.map(\.phrase) == [0, 1])
        #expect(result.map(\.stretches) == [0 ..< 1, 1 ..< 2])
    }

    @Test func aPhraseFarFromItsLengthIsUnsure() {
        // Half as long as its words would take: placed, but not with confidence.
        let result = InOrderAlignment.align(stretches([(0, 1)]), rate: 1000, items: items([2]))
        #expect(result.count == 1)
        #expect(result.allSatisfy { $0.confidence < 0.5 })
    }
}
