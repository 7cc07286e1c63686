import Foundation
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

/// How a looping recording wraps: the first pass plays it from its start, every
/// later pass from `restart`, so that the stretch before `restart` can be the one
/// crossfaded into the recording's end (see `LoopSeam.prepare`) and the seam never
/// clicks.
struct LoopSeam {
    let restart: Int
    let frames: Int

    /// The buffer position of local frame `n` and how many frames follow it before
    /// the next wrap.
    func position(of n: Int64) -> (Int, Int) {
        if n < Int64(frames) { return (Int(n), frames - Int(n)) }
        let period = Int64(frames - restart)
        let position = restart + Int((n - Int64(frames)) % period)
        return (position, frames - position)
    }

    /// Crossfades the recording's first `overlap` frames into its last ones (equal
    /// power), so that playing on from frame `overlap` after the end is seamless.
    /// Returns the prepared recording and its seam; recordings too short to
    /// crossfade loop as they are.
    static func prepare(_ audio: DecodedAudio, rate: Int) -> (DecodedAudio, LoopSeam) {
        let overlap = min(rate / 10, audio.frames / 4)
        guard overlap > 1 else { return (audio, LoopSeam(restart: 0, frames: max(audio.frames, 1))) }
        var result = audio
        let tail = audio.frames - overlap
        for c in result.channels.indices {
            for i in 0..<overlap {
                let t = (Double(i) + 0.5) / Double(overlap)
                let fadeOut = Float(cos(t * .pi / 2)), fadeIn = Float(sin(t * .pi / 2))
                result.channels[c][tail + i] = audio.channels[c][tail + i] * fadeOut + audio.channels[c][i] * fadeIn
            }
        }
        return (result, LoopSeam(restart: overlap, frames: audio.frames))
    }
}
