import Foundation
import Testing
import StillpointAudio
import StillpointScript
import StillpointTestSupport

/// Scripts as a practitioner writes them, parsed and rendered, measured where the
/// format page says what should be heard.
struct ScriptRenderTests {
    func render(_ script: String, clips: [String: Double] = [:]) throws -> (audio: [[Float]], timeline: Timeline) {
        let folder = try AudioFixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("clips"), withIntermediateDirectories: true)
        for (name, seconds) in clips {
            let tone = AudioFixtures.sine(frequency: 300, amplitude: 0.3, rate: 22050, frames: Int(seconds * 22050))
            try AudioFixtures.writeWAV(tone, rate: 22050, channels: 1, to: folder.appendingPathComponent("clips/\(name).wav"))
        }
        let file = folder.appendingPathComponent("s.session")
        try Data(script.utf8).write(to: file)
        let result = ScriptLoader(inspector: AudioFileCatalogue()).load(file)
        let timeline = try #require(result.timeline, "\(result.diagnostics)")
        let out = folder.appendingPathComponent("s.wav")
        _ = try Renderer().render(timeline, to: out)
        return (try SoundFileReader(url: out).decode().channels, timeline)
    }

    private func rms(_ x: [Float], _ from: Double, _ to: Double) -> Double {
        SignalAnalysis.rmsDB(x, range: Int(from * 48000)..<Int(to * 48000))
    }

    /// Beds still running fade to silence exactly at the track's end.
    @Test func bedsFadeOutAtTheEnd() throws {
        let (audio, timeline) = try render("""
            format: wav
            loudness: off
            bed sine 220 Hz level -20 dB fade 1s 2s
            pause 3s
            end +1s
            """)
        #expect(timeline.length == 4 * 48000)
        let left = audio[0]
        #expect(abs(rms(left, 1.2, 1.8) - (-23.01)) < 0.1)
        // Halfway through the 2 s fade-out (linear in amplitude): −6 dB.
        #expect(abs(SignalAnalysis.peakDB(Array(left[Int(2.95 * 48000)..<Int(3.05 * 48000)])) - (-26)) < 0.5)
        #expect(SignalAnalysis.samplePeak(left[(left.count - 48)...]) < 0.001)
    }

    /// `stop NAME fade D` silences the bed D after the stop line.
    @Test func stopFadesTheNamedBed() throws {
        let (audio, _) = try render("""
            format: wav
            loudness: off
            bed hum = sine 220 Hz level -20 dB fade 0.5s
            pause 2s
            stop hum fade 1s
            pause 2s
            """)
        let left = audio[0]
        #expect(abs(rms(left, 1.0, 1.9) - (-23.01)) < 0.1)
        #expect(SignalAnalysis.samplePeak(left[Int(3.0 * 48000)...]) == 0)
    }

    /// The spine: each clip starts where the one before it ended, and a bell runs
    /// underneath without pushing the voice later.
    @Test func spineFollowsClipLengths() throws {
        let (audio, timeline) = try render("""
            format: wav
            loudness: off
            voice-level: off
            sound bowl = bell 440 Hz decay 2s level -20 dB
            play bowl
            say one
            +0.5s say two
            """, clips: ["one": 1.0, "two": 0.5])
        let says = timeline.events.filter { $0.kind == .say }
        #expect(says.map(\.start) == [0, 72000])
        #expect(says.map(\.end) == [48000, 96000])
        // In the half-second gap only the bell sounds: 440 Hz, not the clips' 300 Hz.
        let gap = Array(audio[0][50000..<70000])
        #expect(abs(SignalAnalysis.spectrum(gap, rate: 48000).dominantFrequency(in: 200...1000) - 440) < 5)
    }
}
