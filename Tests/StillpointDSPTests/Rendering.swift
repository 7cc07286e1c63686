import StillpointDSP
import StillpointTestSupport

/// Renders `frames` frames of a voice in blocks of `block` frames, from local
/// frame `start`, the way the mixer will: into reused block buffers.
func render(
    _ voice: SynthVoice, frames: Int, block: Int = 4096, from start: Int64 = 0
) -> (left: [Float], right: [Float]) {
    var voice = voice
    var left = [Float](repeating: .nan, count: frames)
    var right = [Float](repeating: .nan, count: frames)
    var blockLeft = [Float](repeating: 0, count: block)
    var blockRight = [Float](repeating: 0, count: block)
    var done = 0
    while done < frames {
        let count = min(block, frames - done)
        blockLeft.withUnsafeMutableBufferPointer { l in
            blockRight.withUnsafeMutableBufferPointer { r in
                voice.render(from: start + Int64(done), count: count, left: l.baseAddress!, right: r.baseAddress!)
            }
        }
        left.replaceSubrange(done..<(done + count), with: blockLeft[0..<count])
        right.replaceSubrange(done..<(done + count), with: blockRight[0..<count])
        done += count
    }
    return (left, right)
}

func voice(_ sound: Synthesis, rate: Int = 48000, seed: UInt64 = 1) -> SynthVoice {
    SynthVoice(sound, rate: rate, seed: seed)
}

/// Largest change between neighbouring samples: a click shows as a jump well above
/// what the sound's own frequencies allow.
func largestStep(_ x: [Float]) -> Float {
    zip(x, x.dropFirst()).reduce(0) { max($0, abs($1.1 - $1.0)) }
}
