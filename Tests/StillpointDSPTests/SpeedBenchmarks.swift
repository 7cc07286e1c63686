import Foundation
import StillpointDSP
import StillpointTestSupport
import Testing

/// Speed of synthesis and limiting over 60 minutes at 48 kHz, in 4096-frame
/// blocks. Run with `STILLPOINT_BENCH=1 swift test -c release --no-parallel --filter SpeedBenchmarks`;
/// the bounds only catch a gross regression, the printed times are the figures.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STILLPOINT_BENCH"] == "1"))
struct SpeedBenchmarks {
    static let frames = 48000 * 3600
    static let block = 4096

    /// CPU seconds the calling thread spends in `work` (other load on the machine
    /// does not count).
    func seconds(_ work: () -> Void) -> Double {
        let start = ThreadClock.seconds()
        work()
        return ThreadClock.seconds() - start
    }

    @Test(arguments: [
        ("sine (stereo copy)", Synthesis.sine(frequency: Glide(432))),
        ("binaural", .binaural(frequency: Glide(200), beat: Glide(6))),
        ("isochronic", .isochronic(frequency: Glide(300), pulse: Glide(10))),
        ("noise pink", .noise(.pink)),
        ("noise brown", .noise(.brown)),
        ("drone", .drone(frequency: Glide(110))),
        ("bell", .bell(frequency: Glide(432), decay: 3600)),
        ("sine glide", .sine(frequency: Glide(from: 200, to: 400, over: 48000 * 3600))),
    ])
    func sixtyMinutesOfAGenerator(name: String, sound: Synthesis) {
        var voice = SynthVoice(sound, rate: 48000, seed: 1)
        let left = UnsafeMutablePointer<Float>.allocate(capacity: Self.block)
        let right = UnsafeMutablePointer<Float>.allocate(capacity: Self.block)
        defer { left.deallocate(); right.deallocate() }
        var sum: Float = 0
        let time = seconds {
            for start in stride(from: 0, to: Self.frames, by: Self.block) {
                voice.render(from: Int64(start), count: Self.block, left: left, right: right)
                sum += left[0] + right[Self.block - 1]
            }
        }
        print("BENCH \(name): 60 min in \(String(format: "%.3f", time)) s (checksum \(sum))")
        #expect(time < 10)
    }

    @Test func sixtyMinutesOfLimiting() {
        let limiter = TruePeakLimiter(ceiling: -1, rate: 48000, channels: 2)
        let left = UnsafeMutablePointer<Float>.allocate(capacity: Self.block)
        let right = UnsafeMutablePointer<Float>.allocate(capacity: Self.block)
        defer { left.deallocate(); right.deallocate() }
        var written = 0
        var time = 0.0
        for start in stride(from: 0, to: Self.frames, by: Self.block) {
            // Quiet bed with a loud (+6 dB over) 2.5-s phrase every 30 s.
            let loud: Float = (start / 48000) % 30 < 3 ? 1.8 : 0.05
            for i in 0..<Self.block {
                let x = loud * sinf(Float(start + i) * 0.13)
                left[i] = x
                right[i] = x * 0.9
            }
            time += seconds { written += limiter.process(left: left, right: right, count: Self.block) }
        }
        print("BENCH limiter: 60 min in \(String(format: "%.3f", time)) s (limited to \(limiter.smallestGain))")
        #expect(written > 0)
    }
}
