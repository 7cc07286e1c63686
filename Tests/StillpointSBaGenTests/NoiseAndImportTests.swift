import Foundation
import StillpointSBaGen
import StillpointScript
import StillpointTestSupport
import Testing

@Suite struct NoiseAndImportTests {
    /// Slope of the averaged spectrum between 100 Hz and 6.4 kHz, in dB per octave.
    static func slope(_ x: [Float], rate: Int) -> Double {
        let spectrum = SignalAnalysis.averagedSpectrum(x, rate: rate, segment: 4096)
        let octaves = [100.0, 200, 400, 800, 1600, 3200, 6400]
        let powers = octaves.map { spectrum.bandPowerDB(($0 / 1.2)...($0 * 1.2)) }
        return (powers.last! - powers.first!) / Double(octaves.count - 1)
    }

    @Test(arguments: [("white", 0.0), ("pink", -3.0), ("brown", -6.0)])
    func noiseHasItsColour(_ colour: String, slope: Double) throws {
        let library = try TemporaryLibrary("sbg-noise")
        let (_, result) = try ScheduleRendering.schedule("n: \(colour)/50\n0:00 n\n", in: library)
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let (left, _) = try ScheduleRendering.render(timeline, from: 10, to: 14, in: library.root)
        #expect(abs(Self.slope(left, rate: timeline.rate) - slope) < 1, "\(Self.slope(left, rate: timeline.rate))")
    }

    /// `spin:` circles the noise round the head: each ear's power rises and falls
    /// at the spin rate, the two ears in opposition, the sum steady.
    @Test func spinningNoiseCirclesAtItsRate() throws {
        let library = try TemporaryLibrary("sbg-spin")
        let (_, result) = try ScheduleRendering.schedule("s: spin:300+0.5/60\n0:00 s\n", in: library)
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let (left, right) = try ScheduleRendering.render(timeline, from: 10, to: 14, in: library.root)
        let slice = timeline.rate / 20
        let l = stride(from: 0, to: left.count - slice, by: slice).map { SignalAnalysis.rms(left, range: $0..<($0 + slice)) }
        let r = stride(from: 0, to: right.count - slice, by: slice).map { SignalAnalysis.rms(right, range: $0..<($0 + slice)) }
        // At 0.5 Hz the pan is full right at 10.5 s and full left at 11.5 s (sin's peaks),
        // and back to the right at 12.5 s.
        for (slice, rightSide) in [(10, true), (30, false), (50, true)] {
            let (near, far) = rightSide ? (r[slice], l[slice]) : (l[slice], r[slice])
            #expect(near > 4 * far, "slice \(slice): \(near) against \(far)")
        }
        // Sample by sample, the two ears hold the same noise at the pan of
        // sin(2π·0.5·t) under the constant-power law: θ = atan2(R, L) = (p + 1)·π/4.
        var worst = 0.0
        for i in stride(from: 0, to: left.count, by: 7) where abs(left[i]) + abs(right[i]) > 1e-3 {
            let t = 10 + Double(i) / Double(timeline.rate)
            let position = 4 * atan2(Double(abs(right[i])), Double(abs(left[i]))) / Double.pi - 1
            worst = max(worst, abs(position - sin(2 * Double.pi * 0.5 * t)))
        }
        #expect(worst < 0.01, "pan off by \(worst)")
    }

    /// Importing, writing the session and rendering it gives the same bytes as
    /// rendering the schedule directly, mix-in file and all.
    @Test func importedSessionRendersLikeTheSchedule() throws {
        let library = try TemporaryLibrary("sbg-same")
        let rate = 48000
        try library.write("assets/.keep", "")
        try AudioFixtures.writeWAV(AudioFixtures.sine(frequency: 440, amplitude: 0.3, rate: rate, frames: rate * 3),
                                   rate: rate, to: library.url("assets/river.wav"))
        let (schedule, direct) = try ScheduleRendering.schedule("""
            ## A comment to keep
            -SE -m river.wav
            a: pink/20 200+8/10 mix/50
            b: pink/30 250+4/15 mix/70 bell+800/20
            off: -
            0:00 == a ->
            0:00:20 == b
            0:00:40 off
            """, in: library)
        let timeline = try #require(direct.timeline, "\(direct.diagnostics)")
        let imported = SBaGenImport.importSchedule(schedule)
        #expect(imported.session.text.contains("## A comment to keep"))
        #expect(imported.session.text.contains("file \"assets/river.wav\" loop"))
        try library.write("test.session", imported.session.text)
        let session = ScheduleRendering.loader.load(library.url("test.session"))
        let sessionTimeline = try #require(session.timeline, "\(session.diagnostics)")
        #expect(session.diagnostics.isEmpty, "\(session.diagnostics)")
        let a = try ScheduleRendering.render(timeline, from: 15, to: 25, in: library.root)
        let b = try ScheduleRendering.render(sessionTimeline, from: 15, to: 25, in: library.root)
        #expect(a.left == b.left && a.right == b.right)
        #expect(SignalAnalysis.rms(a.left) > 0.01)
    }

    @Test(arguments: [
        ("a: 200+10/x\n0:00 a\n", 1, 4, "`200+10/x` is not a tone SBaGen knows"),
        ("a: 200+10/10\n0:00 b\n", 2, 6, "no tone-set or block is called `b`"),
        ("a: 200+10/10\n0:0x a\n", 2, 1, "`0:0x` is not a time"),
        ("a: 200+10/10\nb: {\n+0:00 a\n", 2, 1, "the block `b` has no closing `}`"),
    ])
    func badSchedulesAreLocated(_ text: String, line: Int, column: Int, message: String) throws {
        let library = try TemporaryLibrary("sbg-bad")
        let (url, result) = try ScheduleRendering.schedule(text, in: library)
        #expect(result.timeline == nil)
        let first = try #require(result.diagnostics.first)
        #expect(first.location == SourceLocation(file: url.relativePath, line: line, column: column))
        #expect(first.message == message)
        #expect(first.isError)
    }
}

/// `mixam:R` (SBaGenX) makes the mix-in file throb: `am R` on its bed, the gain
/// falling from 1 to SBaGenX's floor of 0.45 and back R times a second.
@Suite struct ModulationTests {
    @Test func mixInFileThrobsAtTheModulationRate() throws {
        let library = try TemporaryLibrary("sbg-am")
        let rate = 48000
        try library.write("river.wav", AudioFixtures.wav(
            AudioFixtures.sine(frequency: 440, amplitude: 0.5, rate: rate, frames: rate * 4), rate: rate, channels: 1))
        let (schedule, result) = try ScheduleRendering.schedule("-m river.wav\na: mix/100 mixam:4\n0:00 a\n", in: library)
        #expect(SBaGenImport.importSchedule(schedule).session.text.contains("am 4 Hz"))
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let (left, _) = try ScheduleRendering.render(timeline, from: 10, to: 11, in: library.root)
        // The throb's crests fall on whole quarter seconds from the bed's start, its troughs between.
        let slice = rate / 100
        func level(at seconds: Double) -> Double {
            let start = Int((seconds - 10) * Double(rate)) - slice / 2
            return SignalAnalysis.rmsDB(left, range: start..<(start + slice))
        }
        for crest in [10.25, 10.5, 10.75] {
            let depth = level(at: crest) - level(at: crest + 0.125)
            #expect(abs(depth - SignalAnalysis.dB(1 / 0.45)) < 0.5, "\(depth) dB at \(crest) s")
        }
        #expect(abs(level(at: 10.5) - SignalAnalysis.dB(0.5 / 2.0.squareRoot())) < 0.5)
    }
}
