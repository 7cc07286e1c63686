import Foundation

/// Decoded audio held in memory, one `[Float]` per channel (full scale ±1).
public struct DecodedAudio: Sendable, Equatable {
    public var channels: [[Float]]
    public var rate: Int

    public init(channels: [[Float]], rate: Int) {
        self.channels = channels
        self.rate = rate
    }

    public var frames: Int { channels.first?.count ?? 0 }
    public var channelCount: Int { channels.count }

    /// Frames `range`, padded with silence where the range runs past the end.
    func slice(_ range: Range<Int>) -> DecodedAudio {
        DecodedAudio(channels: channels.map { samples in
            let available = max(range.lowerBound, 0) ..< min(max(range.upperBound, range.lowerBound), samples.count)
            var part = available.isEmpty ? [] : Array(samples[available])
            if part.count < range.count { part += [Float](repeating: 0, count: range.count - part.count) }
            return part
        }, rate: rate)
    }
}

extension SoundFileReader {
    /// Decodes frames `range` (or from the current position to the end) into planar
    /// channels. Stops early at the end of the file, so the result may be shorter
    /// than the range when the header's length was an estimate.
    public func decode(_ range: Range<Int64>? = nil) throws -> DecodedAudio {
        if let range { try seek(to: range.lowerBound) }
        let channelCount = info.channels
        let wanted = range.map { Int(clamping: $0.count) } ?? Int.max
        let expected = min(wanted, Int(clamping: info.frames), 48000 * 3600)
        var planar = [[Float]](repeating: [], count: channelCount)
        for channel in 0 ..< channelCount { planar[channel].reserveCapacity(expected) }
        let chunk = 16384
        var block = [Float](repeating: 0, count: chunk * channelCount)
        var total = 0
        while total < wanted {
            let limit = min(chunk, wanted - total) * channelCount
            let got = try block.withUnsafeMutableBufferPointer { try read(into: UnsafeMutableBufferPointer(rebasing: $0[0 ..< limit])) }
            if got == 0 { break }
            block.withUnsafeBufferPointer { source in
                for channel in 0 ..< channelCount {
                    for frame in 0 ..< got { planar[channel].append(source[frame * channelCount + channel]) }
                }
            }
            total += got
        }
        return DecodedAudio(channels: planar, rate: info.rate)
    }
}
