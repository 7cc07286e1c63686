import Foundation

/// The `trim` rule, shared by the catalogue (which the resolver asks for lengths)
/// and the clip store (which cuts the audio), so both agree to the frame.
public enum AudibleRange {
    /// −50 dBFS as a linear peak.
    public static let threshold: Float = Float(pow(10.0, -50.0 / 20.0))

    /// Frames from the first to the last whose peak over all channels reaches the
    /// threshold; an empty range at 0 when nothing does.
    public static func of(_ audio: DecodedAudio) -> Range<Int> {
        let frames = audio.frames
        var first = frames, last = -1
        for samples in audio.channels {
            samples.withUnsafeBufferPointer { buffer in
                if let index = (0 ..< min(first, frames)).first(where: { abs(buffer[$0]) >= threshold }) {
                    first = index
                }
                var index = frames - 1
                while index > last {
                    if abs(buffer[index]) >= threshold { last = index; break }
                    index -= 1
                }
            }
        }
        return first <= last ? first ..< last + 1 : 0 ..< 0
    }
}

/// How `from`/`to` (seconds of a recording) become frames: rounded to the nearest
/// frame and clamped to the recording.
public func recordingRange(from: Double?, to: Double?, rate: Int, frames: Int64) -> Range<Int64> {
    func frame(_ seconds: Double) -> Int64 {
        min(max(Int64((seconds * Double(rate)).rounded()), 0), frames)
    }
    let start = from.map(frame) ?? 0
    let end = to.map(frame) ?? frames
    return start ..< max(start, end)
}
