import Foundation
import StillpointScript
import Testing

/// One script, several lengths: ranged pauses share the extra time in proportion
/// to their ranges, exact to the frame; `at end -D` lands D before each end.
@Suite struct LengthTests {
    static let rate: Int64 = 48000

    static func library() throws -> TestLibrary {
        try TestLibrary(clips: ["welcome.flac": 2, "return.flac": 3])
    }

    /// welcome (2 s), two ranged pauses (ranges 10 m and 20 m), the return 1 m
    /// before the end: at its shortest the 3:04 up to the return, then that 1 m.
    static let script = """
        versions: 10m, 20m, 30m
        say welcome
        pause 1m..11m
        +2m..22m say welcome
        at end -1m say return
        pause 40s
        """

    @Test(arguments: [600.0, 1200, 1290.5])
    func eachVersionLastsExactlyItsLength(seconds: Double) throws {
        let result = try Self.library().load(Self.script, options: ResolveOptions(length: seconds))
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.length == Int64(seconds * 48000))
        #expect(timeline.version?.seconds == seconds)
    }

    @Test func aScriptWithVersionsResolvesAsItsFirstAndListsThemAll() throws {
        let result = try Self.library().load(Self.script)
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(result.versions == [600, 1200, 1800])
        #expect(timeline.length == 600 * Self.rate)
        #expect(timeline.tags.title == "main (10 min)")
        #expect(timeline.version?.label == "10m")
    }

    @Test(arguments: [600.0, 1200, 1800])
    func rangesStayInsideAndShareInProportion(seconds: Double) throws {
        let result = try Self.library().load(Self.script, options: ResolveOptions(length: seconds))
        let timeline = try #require(result.timeline, "\(result.report)")
        let pause = try #require(timeline.events.first { $0.kind == .pause && $0.stretch != nil })
        let range = try #require(pause.stretch)
        #expect(range == 60 * Self.rate...660 * Self.rate)
        #expect(range.contains(pause.length))
        // The second range is the `+` before the second `say welcome`.
        let says = timeline.events.filter { $0.kind == .say }
        let gap = says[1].start - pause.end
        #expect((120 * Self.rate...1320 * Self.rate).contains(gap))
        let extraPause = pause.length - 60 * Self.rate, extraGap = gap - 120 * Self.rate
        // Ranges of 10 m and 20 m: the gap gets twice the pause's extra, within a frame.
        #expect(abs(extraGap - 2 * extraPause) <= 2, "\(extraPause) \(extraGap)")
        #expect(extraPause + extraGap == Int64(seconds) * Self.rate - 244 * Self.rate)
    }

    @Test(arguments: [600.0, 1200, 1800])
    func theReturnLandsItsDistanceBeforeEachEnd(seconds: Double) throws {
        let result = try Self.library().load(Self.script, options: ResolveOptions(length: seconds))
        let timeline = try #require(result.timeline, "\(result.report)")
        let back = try #require(timeline.events.first { $0.name == "return" })
        #expect(back.start == timeline.length - 60 * Self.rate)
        // The spine flows into it: the stretch before ends where it starts.
        let says = timeline.events.filter { $0.kind == .say }
        #expect(says[1].end == back.start)
    }

    @Test func withoutALengthTheScriptIsAtItsShortest() throws {
        let result = try Self.library().load("say welcome\npause 1m..3m\nsay welcome")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.length == (2 + 60 + 2 + 10) * Self.rate)
        #expect(timeline.lengthRange == 74 * Self.rate...194 * Self.rate)
        #expect(timeline.version == nil)
    }

    @Test func lengthSetsOneLengthWithoutRenamingTheTrack() throws {
        let result = try Self.library().load("title: Rest\nlength: 2m\nsay welcome\npause 1m..3m\nsay welcome")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.length == 120 * Self.rate)
        #expect(timeline.tags.title == "Rest" && timeline.version == nil)
    }

    @Test func versionTitleSaysHowAVersionIsTitled() throws {
        let result = try Self.library().load(
            "title: Rest\nversions: 2m\nversion-title: {title}, {minutes} minutes\nsay welcome\npause 1m..3m")
        #expect(result.timeline?.tags.title == "Rest, 2 minutes", "\(result.report)")
    }

    @Test func extraTimeSharesExactlyAmongThePassesOfARepeat() throws {
        let result = try Self.library().load("repeat 3:\n    say welcome\n    pause 10s..20s", options: ResolveOptions(length: 70.00002))
        let timeline = try #require(result.timeline, "\(result.report)")
        let pauses = timeline.events.filter { $0.kind == .pause }.map(\.length)
        #expect(timeline.length == 3_360_001)
        #expect(pauses.reduce(0, +) == 3_360_001 - (6 + 10) * Self.rate)
        #expect(pauses.max()! - pauses.min()! <= 1)
    }
}

/// `every`: repeats underneath, never moving the spine or lengthening the track.
@Suite struct EveryTests {
    static let rate: Int64 = 48000

    @Test func fixedIntervalsFromTheSpineUntilTheContentEnds() throws {
        let library = try LengthTests.library()
        let result = try library.load("say welcome\nevery 30s play bell 432 Hz decay 2s\npause 100s\nsay welcome")
        let timeline = try #require(result.timeline, "\(result.report)")
        let bells = timeline.events.filter { $0.kind == .play }.map(\.start)
        // Content ends at 104 s: bells at 2, 32, 62, 92 s; the spine never moved.
        #expect(bells == [2, 32, 62, 92].map { $0 * Self.rate })
        #expect(timeline.length == 114 * Self.rate)
        #expect(timeline.events.last { $0.kind == .say }?.start == 102 * Self.rate)
    }

    @Test func fromAndUntilBoundTheRepeats() throws {
        let result = try LengthTests.library().load("every 10s tone sine 440 Hz for 1s from 0:05 until 40s\npause 1m")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.events.filter { $0.kind == .tone }.map(\.start) == [5, 15, 25, 35].map { $0 * Self.rate })
    }

    @Test func untilEndStopsThatLongBeforeEachVersionsEnd() throws {
        let script = "versions: 2m, 3m\nevery 10s play bell 432 Hz decay 1s until end -15s\npause 30s..3m"
        for (seconds, count) in [(120.0, 11), (180.0, 17)] {
            let result = try LengthTests.library().load(script, options: ResolveOptions(length: seconds))
            let timeline = try #require(result.timeline, "\(result.report)")
            let starts = timeline.events.filter { $0.kind == .play }.map(\.start)
            #expect(starts.count == count && starts.last! < timeline.length - 15 * Self.rate, "\(starts)")
        }
    }

    @Test func randomIntervalsStayInTheirRangeAndRepeatExactly() throws {
        let script = "seed: 3\nevery 3m..7m play bell 432 Hz\npause 2h"
        let first = try #require(try LengthTests.library().load(script).timeline)
        let second = try #require(try LengthTests.library().load(script).timeline)
        let starts = first.events.filter { $0.kind == .play }.map(\.start)
        #expect(starts == second.events.filter { $0.kind == .play }.map(\.start))
        let gaps = zip(starts.dropFirst(), starts).map { $0 - $1 }
        #expect(gaps.count >= 17)
        #expect(gaps.allSatisfy { (180 * Self.rate...420 * Self.rate).contains($0) }, "\(gaps)")
        // Random, not fixed: the gaps differ, and another seed draws others.
        #expect(Set(gaps).count == gaps.count)
        let other = try #require(try LengthTests.library().load("seed: 4\nevery 3m..7m play bell 432 Hz\npause 2h").timeline)
        #expect(other.events.filter { $0.kind == .play }.map(\.start) != starts)
    }

    @Test func aRepeatRingingPastTheEndIsCutThereAndLengthensNothing() throws {
        let result = try LengthTests.library().load("tail: 1s\nevery 5s play bell 432 Hz decay 8s\npause 12s")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.length == 13 * Self.rate)
        #expect(timeline.events.filter { $0.kind == .play }.allSatisfy { $0.end <= timeline.length })
        #expect(result.warnings.isEmpty, "\(result.report)")
    }
}

/// The problems of lengths and `every`, each at its spot (marked 1️⃣).
@Suite struct LengthProblemTests {
    static let cases: [(marked: String, message: String)] = [
        ("length: 1️⃣5m\nsay welcome\npause 1m..2m", "this script cannot last 5:00; it lasts from 1:12 to 2:12"),
        ("versions: 1️⃣10m, 2m\nsay welcome\npause 1m..2m", "this script cannot last 10:00; it lasts from 1:12 to 2:12"),
        ("versions: 2m, 1️⃣10m\nsay welcome\npause 1m..2m", "this script cannot last 10:00; it lasts from 1:12 to 2:12"),
        ("length: 1️⃣1m\nsay welcome\npause 1m..2m", "this script cannot last 1:00; it lasts from 1:12 to 2:12"),
        ("pause 1️⃣10m..2m", "`10m..2m` runs backwards"),
        ("+1️⃣3s..1s say welcome", "`3s..1s` runs backwards"),
        ("every 1m 1️⃣say welcome", "`every` repeats a sound underneath (`play` or `tone`), not `say`"),
        ("every 1m 1️⃣pause 3s", "`every` repeats a sound underneath (`play` or `tone`), not `pause`"),
        ("every 1️⃣0s play bell 432 Hz\npause 1m", "`every` needs an interval longer than zero"),
        ("every 1️⃣0s..1m play bell 432 Hz\npause 1m", "`every` needs an interval longer than zero"),
        ("1️⃣every 1ms play bell 432 Hz until 11:00:00\npause 1s", "this `every` makes more than 1,000,000 cues, the limit after expansion"),
        ("+1s 1️⃣every 1m play bell 432 Hz", "a time can only come before a cue, not before `every`"),
        ("length: 2m\n1️⃣versions: 1m\nsay welcome", "`length` and `versions` cannot both be set"),
        ("versions: 1m, 1️⃣60s", "the version `1m` is listed twice"),
        ("say welcome\nat end -1️⃣5m say welcome\nend 1:00", "5:00 before the end is before the start: the track lasts 1:00"),
        ("at end 1️⃣5m say welcome", "expected how long before the end, such as `at end -3m`"),
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsSpot(marked: String, message: String) throws {
        let (text, line, column) = BrokenScriptTests.unmark(marked)
        let result = try BrokenScriptTests.library().load(text)
        #expect(result.errors.map(\.message) == [message], "\(result.report)")
        #expect(result.errors.first?.location == SourceLocation(file: "main.session", line: line, column: column))
        #expect(result.timeline == nil)
    }

    @Test func anUnreachableLengthAskedOnTheCommandLineHasNoLine() throws {
        let result = try BrokenScriptTests.library().load("say welcome\npause 1m..2m", options: ResolveOptions(length: 600))
        let error = try #require(result.errors.first)
        #expect(error.location == nil && error.message == "this script cannot last 10:00; it lasts from 1:12 to 2:12")
    }
}
