import Foundation
import StillpointAudio
import StillpointDSP
import StillpointScript
import StillpointTestSupport
import Testing

/// The session syntax the import writes, usable by hand too: `glide linear`,
/// signed beats, `noise … spin R` and `am R depth D` resolve to what the format
/// reference says, and their mistakes are located errors.
@Suite struct NewSyntaxTests {
    static func load(_ text: String) throws -> LoadResult {
        let library = try TemporaryLibrary("sbg-syntax")
        try library.write("t.session", text)
        return ScheduleRendering.loader.load(library.url("t.session"))
    }

    @Test func linearGlidesAndSignedBeats() throws {
        let result = try Self.load("bed b = binaural 200 Hz beat -4 Hz -> 0 Hz over 10s level -20 dB -> -6 dB over 10s glide linear\n")
        let event = try #require(result.timeline?.events.first, "\(result.diagnostics)")
        guard case .generator(.binaural(let carrier, let beat)) = event.source else {
            Issue.record("not binaural: \(event.source)")
            return
        }
        #expect(beat.start == -4 && beat.end == 0 && beat.curve == .linear)
        #expect(carrier.curve == .linear)
        #expect(event.mix.level.curve == .linear)
    }

    @Test func spinningNoiseAndModulation() throws {
        let result = try Self.load("bed b = noise brown spin 0.25 Hz am 6 Hz depth 0.3\n")
        let event = try #require(result.timeline?.events.first, "\(result.diagnostics)")
        #expect(event.source == .generator(.spinningNoise(.brown, rate: Param(0.25))))
        #expect(event.mix.modulation == AmplitudeModulation(rate: Param(6), depth: 0.3))
    }

    /// A linear level glide is halfway in amplitude halfway through; an even one halfway in dB.
    @Test(arguments: [(GlideCurve.linear, 0.5 * (0.1 + 1.0)), (.even, 0.316228)])
    func levelGlidesFollowTheirCurve(_ curve: GlideCurve, expected: Double) {
        var level = Param(from: -20, to: 0, over: 1000)
        level.curve = curve
        let envelope = GainEnvelope(mix: Mix(level: level, ducks: false), length: 4000)
        var left = [Float](repeating: 0, count: 1)
        left.withUnsafeMutableBufferPointer { envelope.fill(from: 500, count: 1, left: $0.baseAddress!, right: nil) }
        #expect(abs(Double(left[0]) - expected) < 1e-4, "\(left[0])")
    }

    @Test(arguments: [
        ("bed b = noise pink glide wobbly\n", 26, "expected `even` or `linear`, found `wobbly`"),
        ("bed b = noise pink am 4 Hz depth 2\n", 34, "expected a depth from 0 to 1, found `2.0`"),
        ("sound s = sine 200 Hz glide\n", 28, "expected `even` or `linear`"),
    ])
    func mistakesAreLocated(_ text: String, column: Int, message: String) throws {
        let result = try Self.load(text)
        let first = try #require(result.diagnostics.first)
        #expect(first.location?.column == column)
        #expect(first.message == message)
    }
}
