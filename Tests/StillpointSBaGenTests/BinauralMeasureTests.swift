import Foundation
import StillpointSBaGen
import StillpointScript
import StillpointTestSupport
import Testing

/// What the listener hears of a schedule, measured: each ear's frequency by FFT,
/// levels against SBaGen's amplitudes, transitions where and how the manual says.
@Suite struct BinauralMeasureTests {
    /// 200+10/20 slides (`->`) to 260+4/30 over ten minutes, then holds.
    static let slide = """
        a: 200+10/20
        b: 260+4/30
        off: -
        NOW == a ->
        +0:10 == b
        +0:20 off
        """

    /// Frequency of the strongest tone of `x` (2^17 samples, Hann, parabolic peak).
    static func frequency(_ x: [Float], rate: Int, near: Double) -> Double {
        SignalAnalysis.spectrum(x, rate: rate).dominantFrequency(in: (near - 20)...(near + 20))
    }

    @Test(arguments: [
        // (seconds, carrier, beat, amplitude) from SBaGen's linear slide.
        (30.0, 203.0, 9.7, 20.5),
        (300.0, 230.0, 7.0, 25.0),
        (450.0, 245.0, 5.5, 27.5),
        (700.0, 260.0, 4.0, 30.0),
    ])
    func earsFollowTheSlide(at seconds: Double, carrier: Double, beat: Double, amplitude: Double) throws {
        let library = try TemporaryLibrary("sbg-binaural")
        let (_, result) = try ScheduleRendering.schedule(Self.slide, in: library)
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let half = Double(1 << 17) / 2 / Double(timeline.rate)
        let (left, right) = try ScheduleRendering.render(timeline, from: seconds - half, to: seconds + half + 0.01, in: library.root)
        let window = Array(left.prefix(1 << 17)), windowRight = Array(right.prefix(1 << 17))
        // SBaGen's C+B: the left ear carries C + B/2, the right C − B/2.
        let leftHz = Self.frequency(window, rate: timeline.rate, near: carrier + beat / 2)
        let rightHz = Self.frequency(windowRight, rate: timeline.rate, near: carrier - beat / 2)
        #expect(abs(leftHz - (carrier + beat / 2)) < 0.05, "left \(leftHz)")
        #expect(abs(rightHz - (carrier - beat / 2)) < 0.05, "right \(rightHz)")
        #expect(abs((leftHz - rightHz) - beat) < 0.05)
        #expect(abs((leftHz + rightHz) / 2 - carrier) < 0.05)
        // The level is SBaGen's amplitude as a share of full scale, in each ear.
        let measured = SignalAnalysis.dB(SignalAnalysis.spectrum(window, rate: timeline.rate).magnitude(near: leftHz))
        #expect(abs(measured - SignalAnalysis.dB(amplitude / 100)) < 0.5, "\(measured) dB")
    }

    /// Amplitudes adding up to 85 (below SBaGen's clipping point), each its own share.
    @Test(arguments: [(10.0, 1), (30.0, 2), (45.0, 3)])
    func tonesOfOneSetKeepTheirOwnLevels(amplitude: Double, channel: Int) throws {
        let library = try TemporaryLibrary("sbg-levels")
        let (_, result) = try ScheduleRendering.schedule("""
            s: 150-4/10 300+6/30 500/45
            0:00 s
            """, in: library)
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let (left, right) = try ScheduleRendering.render(timeline, from: 60, to: 63, in: library.root)
        // C-B puts the lower tone in the left ear, C+B the higher.
        let hertz = [148.0, 303.0, 500.0][channel - 1], rightHz = [152.0, 297.0, 500.0][channel - 1]
        for (ear, at) in [(left, hertz), (right, rightHz)] {
            let level = SignalAnalysis.dB(SignalAnalysis.spectrum(Array(ear.prefix(1 << 17)), rate: timeline.rate).magnitude(near: at))
            #expect(abs(level - SignalAnalysis.dB(amplitude / 100)) < 0.5, "\(at) Hz at \(level) dB")
        }
    }

    /// A plain change at 1:00: the old set fades out over the 30 s before it and is
    /// silent from 1:00 to the sample; the new one starts there and is at full
    /// level 30 s later. Halfway through each fade the level is half (−6 dB).
    @Test func plainChangeFadesThroughSilenceAtTheScheduledTime() throws {
        let library = try TemporaryLibrary("sbg-change")
        let (_, result) = try ScheduleRendering.schedule("""
            a: 200/50
            b: 300/50
            0:00 a
            0:01 b
            """, in: library)
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let change = Int64(60 * timeline.rate)
        let beds = timeline.events.filter { $0.kind == .bed }
        #expect(beds.contains { $0.end == change })
        #expect(beds.contains { $0.start == change })
        let rate = timeline.rate
        let (before, _) = try ScheduleRendering.render(timeline, from: 59, to: 60, in: library.root)
        let (after, _) = try ScheduleRendering.render(timeline, from: 60, to: 61, in: library.root)
        let spectrumBefore = SignalAnalysis.spectrum(before, rate: rate), spectrumAfter = SignalAnalysis.spectrum(after, rate: rate)
        #expect(SignalAnalysis.dB(spectrumBefore.magnitude(near: 300)) < -90)
        #expect(SignalAnalysis.dB(spectrumAfter.magnitude(near: 200)) < -90)
        for (seconds, hertz) in [(45.0, 200.0), (75.0, 300.0)] {
            let (x, _) = try ScheduleRendering.render(timeline, from: seconds - 0.1, to: seconds + 0.1, in: library.root)
            let level = SignalAnalysis.dB(SignalAnalysis.spectrum(x, rate: rate).magnitude(near: hertz))
            #expect(abs(level - SignalAnalysis.dB(0.25)) < 0.5, "\(hertz) Hz at \(seconds) s: \(level) dB")
        }
    }
}

/// A steady set that turns into a slide: the slide's bed takes over from the
/// steady one at the phase each ear has reached, so the level never dips.
@Suite struct SeamlessJoinTests {
    @Test func aSlideCarriesOnFromTheSteadySetWithoutADip() throws {
        let library = try TemporaryLibrary("sbg-join")
        let (schedule, result) = try ScheduleRendering.schedule("""
            a: 200.13+10/20
            b: 230+7/20
            0:00 a
            0:01 == a ->
            0:02 == b
            """, in: library)
        #expect(SBaGenImport.importSchedule(schedule).session.text.contains(" phase "))
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let (left, right) = try ScheduleRendering.render(timeline, from: 59.9, to: 60.1, in: library.root)
        let window = timeline.rate / 200
        for ear in [left, right] {
            for start in stride(from: 0, to: ear.count - window, by: window / 2) {
                let peak = SignalAnalysis.peakDB(ear, range: start..<(start + window))
                #expect(abs(peak - SignalAnalysis.dB(0.2)) < 0.5, "\(peak) dB at sample \(start)")
            }
        }
    }
}
