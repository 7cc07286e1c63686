import Foundation
import StillpointTestSupport
import Testing

/// A transcript beginning with `-` was taken by espeak-ng as an option (issue 13):
/// `"-f/etc/hostname"` read that file aloud in a draft. These transcripts are
/// options that make espeak-ng write no sound file at all, so the draft fell back
/// to its 440 Hz placeholder hum; spoken as words, the phrase is speech instead.
struct DraftTranscriptTests {
    @Test(arguments: ["-q", "--help"])
    func aTranscriptThatLooksLikeAnOptionIsSpoken(_ words: String) async throws {
        let space = try TemporaryLibrary()
        try space.write("a.session", "format: wav\nchannels: 1\nloudness: off\nvoice-level: off\nsay missing \"\(words)\"\nend +0s\n")
        let result = try await space.run("render", "a.session", "--draft", "-o", "a.wav")
        #expect(result.status == 0, "\(result)")
        let samples = try space.wav("a.wav").channel(0)
        let phrase = Array(samples.prefix(32768))
        let rms = SignalAnalysis.rms(phrase)
        #expect(SignalAnalysis.dB(rms) > -50, "the phrase is silent")
        // The share of the phrase's power in a pure 440 Hz hum: about 1 for the
        // placeholder, small for speech.
        let hum = SignalAnalysis.spectrum(phrase, rate: 48000).magnitude(near: 440)
        let share = hum * hum / 2 / (rms * rms)
        #expect(share < 0.3, "\(share) of the power is the placeholder's 440 Hz: espeak-ng took `\(words)` as an option")
    }
}
