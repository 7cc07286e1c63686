import Foundation
import Testing
@testable import StillpointAudio
@testable import StillpointDSP

/// The BS.1770 gating done on pass 1's chunk energies, checked against loudness
/// values worked out by hand.
struct LoudnessProfileTests {
    private func profile(_ chunks: [(loudness: Double, peak: Float)]) -> LoudnessProfile {
        var p = LoudnessProfile(rate: 48000)
        for c in chunks { p.append(energy: energy(c.loudness), peak: c.peak) }
        return p
    }

    @Test(arguments: [(-23.0, 1.0, -23.0), (-23.0, 2.0, -16.979), (-40.0, 0.5, -46.021), (-69.0, 1.0, -69.0)])
    func steadyLoudnessScalesWithGain(level: Double, gain: Double, expected: Double) {
        let p = profile(Array(repeating: (level, 0.1), count: 50))
        #expect(abs(p.integratedLoudness(gain: gain) - expected) < 0.01)
    }

    @Test func silenceAndTheAbsoluteGateGiveNoReading() {
        #expect(profile(Array(repeating: (-80.0, 0), count: 50)).integratedLoudness() == -.infinity)
        #expect(LoudnessProfile(rate: 48000).integratedLoudness() == -.infinity)
    }

    /// Quiet stretches more than 10 LU below the rest do not pull the reading down.
    @Test func relativeGateLeavesQuietStretchesOut() {
        let loud = Array(repeating: (-20.0, Float(0.5)), count: 100)
        let quiet = Array(repeating: (-45.0, Float(0.01)), count: 100)
        let reading = profile(loud + quiet).integratedLoudness()
        #expect(abs(reading - -20) < 0.1)
    }

    @Test func gainWithoutLimitingIsTheDifference() throws {
        let p = profile(Array(repeating: (-30.0, 0.05), count: 100))
        let gain = try #require(p.gainToReach(target: -18, ceiling: -1))
        #expect(abs(gain - 12) < 0.02)
    }

    /// When the gain pushes peaks over the ceiling, the limiter's predicted cost is
    /// made up with more gain.
    @Test func gainMakesUpForPredictedLimiting() throws {
        let quiet = Array(repeating: (-30.0, Float(0.05)), count: 90)
        let peaky = Array(repeating: (-30.0, Float(0.3)), count: 10)
        let p = profile(quiet + peaky)
        let gain = try #require(p.gainToReach(target: -18, ceiling: -1))
        #expect(gain > 12.1)
        let limit = pow(10, -1.0 / 20)
        let g = pow(10, gain / 20)
        let predicted = p.integratedLoudness(gain: g) { i in
            let peak = Double(p.peaks[i]) * g
            return peak > limit ? limit / peak : 1
        }
        #expect(abs(predicted - -18) < 0.05)
    }
}

/// The render's own K-weighted meter against libebur128, on material with energy
/// across the spectrum, at both common rates and in mono and stereo.
struct ChunkMeterTests {
    @Test(arguments: [(48000, 2), (44100, 2), (48000, 1)])
    func agreesWithLibebur128(rate: Int, channels: Int) throws {
        let frames = rate * 5
        var state: UInt64 = 12345
        let planar = (0..<channels).map { c in
            (0..<frames).map { i -> Float in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let noise = Float(Int64(bitPattern: state) >> 40) / Float(1 << 23) * 0.05
                let t = Double(i) / Double(rate)
                // A tone that comes and goes, so the gates have work to do.
                let tone = (Int(t * 2) % 2 == 0 ? 0.3 : 0.01) * sin(2 * .pi * (c == 0 ? 60.0 : 3000.0) * t)
                return noise + Float(tone)
            }
        }
        var meter = ChunkMeter(channels: channels, rate: rate)
        var profile = LoudnessProfile(rate: rate)
        let pointers = planar.map { _ in UnsafeMutablePointer<Float>.allocate(capacity: frames) }
        defer { pointers.forEach { $0.deallocate() } }
        for (c, samples) in planar.enumerated() { pointers[c].initialize(from: samples, count: frames) }
        // Uneven blocks, to show that chunking follows the audio, not the calls.
        var done = 0
        for block in [1000, 7, 4800, 20000].cycled(until: frames) {
            let n = min(block, frames - done)
            meter.add(pointers.map { UnsafePointer<Float>($0 + done) }, count: n, to: &profile)
            done += n
        }
        meter.finish(into: &profile)
        let reference = try #require(try LoudnessMeter.integratedLoudness(planar: planar, rate: rate))
        #expect(abs(profile.integratedLoudness() - reference) < 0.05)
    }
}

private extension Array where Element == Int {
    /// The sizes repeated until they add up to at least `total`.
    func cycled(until total: Int) -> [Int] {
        var out: [Int] = [], sum = 0
        while sum < total { for n in self where sum < total { out.append(n); sum += n } }
        return out
    }
}

extension ChunkMeterTests {
    /// Each chunk keeps its own sample peak (the limiter's cost is predicted from it).
    @Test(arguments: [1, 2])
    func keepsEachChunksPeak(channels: Int) {
        let rate = 48000, chunk = rate / 10
        var samples = [Float](repeating: 0.01, count: chunk * 3)
        samples[chunk + 17] = -0.8
        var meter = ChunkMeter(channels: channels, rate: rate)
        var profile = LoudnessProfile(rate: rate)
        samples.withUnsafeBufferPointer { p in
            meter.add(Array(repeating: p.baseAddress!, count: channels), count: samples.count, to: &profile)
        }
        #expect(profile.peaks == [0.01, 0.8, 0.01])
    }
}
