import Foundation

/// A block of interleaved frames travelling from the synthesis thread to the
/// encoder thread. The buffers are allocated once and recycled, so pass 2 allocates
/// nothing per block.
final class AudioBlock: @unchecked Sendable {
    var samples: [Float]
    /// The same samples as 16-bit PCM, for 16-bit outputs; empty otherwise.
    var pcm16: [Int16]
    var frames = 0

    init(capacity: Int, pcm16: Bool) {
        samples = [Float](repeating: 0, count: capacity)
        self.pcm16 = [Int16](repeating: 0, count: pcm16 ? capacity : 0)
    }
}

/// A bounded hand-over between one producer and one consumer: the producer takes
/// an empty block, fills it and sends it; the consumer receives it, uses it and
/// gives it back. A small ring keeps both cores busy without holding more than a
/// few blocks of the track in memory. Either side can stop the other by failing.
final class BlockPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var empty: [AudioBlock]
    private var filled: [AudioBlock] = []
    private var finished = false
    private(set) var failure: (any Error)?

    init(blocks: Int, samplesPerBlock: Int, pcm16: Bool) {
        empty = (0..<blocks).map { _ in AudioBlock(capacity: samplesPerBlock, pcm16: pcm16) }
    }

    /// An empty block to fill, or nil when the consumer has failed.
    func nextEmpty() -> AudioBlock? {
        condition.lock()
        defer { condition.unlock() }
        while empty.isEmpty && failure == nil { condition.wait() }
        return failure == nil ? empty.removeLast() : nil
    }

    func send(_ block: AudioBlock) {
        condition.lock()
        filled.append(block)
        condition.signal()
        condition.unlock()
    }

    /// The next filled block, or nil at the end or after a failure.
    func receive() -> AudioBlock? {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && !finished && failure == nil { condition.wait() }
        return failure == nil && !filled.isEmpty ? filled.removeFirst() : nil
    }

    func giveBack(_ block: AudioBlock) {
        condition.lock()
        empty.append(block)
        condition.signal()
        condition.unlock()
    }

    /// The producer has sent its last block.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Either side gave up; the other stops at its next call.
    func fail(_ error: any Error) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }
}
