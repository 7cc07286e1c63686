import Foundation
internal import StillpointDSP
import StillpointScript

/// The sound of one event before level, pan, fades and ducking: a synthesised
/// voice, or a decoded recording (a voice clip, a file sound, a draft phrase).
enum EventVoice {
    case synth(SynthVoice)
    case recording(DecodedAudio, loop: LoopSeam?)

    /// Renders local frames `[n, n + count)`. Mono sources write `left` and copy it
    /// to `right`; stereo sources write both, or their average into `left` when the
    /// track is mono (`right` nil). Past the end of a recording that does not loop
    /// there is silence.
    mutating func render(from n: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?) {
        switch self {
        case .synth(var voice):
            voice.render(from: n, count: count, left: left, right: right)
            self = .synth(voice)
        case .recording(let audio, let loop):
            guard audio.frames > 0 else {
                left.update(repeating: 0, count: count)
                right?.update(repeating: 0, count: count)
                return
            }
            var done = 0
            while done < count {
                let frame = n + Int64(done)
                let (position, available) = loop?.position(of: frame)
                    ?? (Int(min(frame, Int64(audio.frames))), max(audio.frames - Int(min(frame, Int64(audio.frames))), 0))
                guard available > 0 else {
                    left.advanced(by: done).update(repeating: 0, count: count - done)
                    right?.advanced(by: done).update(repeating: 0, count: count - done)
                    return
                }
                let run = min(available, count - done)
                copy(audio, from: position, count: run, left: left + done, right: right.map { $0 + done })
                done += run
            }
        }
    }

    private func copy(_ audio: DecodedAudio, from position: Int, count: Int,
                      left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>?) {
        audio.channels[0].withUnsafeBufferPointer { first in
            if audio.channelCount == 1 {
                left.update(from: first.baseAddress! + position, count: count)
                right?.update(from: first.baseAddress! + position, count: count)
                return
            }
            audio.channels[1].withUnsafeBufferPointer { second in
                if let right {
                    left.update(from: first.baseAddress! + position, count: count)
                    right.update(from: second.baseAddress! + position, count: count)
                } else {
                    for i in 0..<count { left[i] = 0.5 * (first[position + i] + second[position + i]) }
                }
            }
        }
    }
}

extension LoopSeam {
    /// `prepare(_:rate:)` for a decoded recording: the crossfaded recording and its seam.
    static func prepare(_ audio: DecodedAudio, rate: Int) -> (DecodedAudio, LoopSeam) {
        var channels = audio.channels
        let seam = prepare(&channels, rate: rate)
        return (DecodedAudio(channels: channels, rate: audio.rate), seam)
    }
}
