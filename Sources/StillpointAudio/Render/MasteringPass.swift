import Foundation
internal import StillpointDSP
import StillpointScript

/// Pass 2: synthesises the mix again, applies the loudness gain, holds the true
/// peak under the ceiling and encodes. Synthesis, gain, limiter and metering run
/// on one thread and fill a small ring of blocks; the encoder drains it on the
/// calling thread, so the two cores work side by side and memory stays a few
/// blocks whatever the track's length.
struct MasteringPass {
    let timeline: Timeline
    let voices: VoiceFactory
    let range: Range<Int64>
    let blockSize: Int

    struct Result {
        /// Integrated loudness of what was written; nil when unmeasurable.
        var loudness: Double?
        /// Deepest limiter gain reduction, in dB (≥ 0).
        var limiting: Double
    }

    init(timeline: Timeline, voices: VoiceFactory, range: Range<Int64>, blockSize: Int) {
        self.timeline = timeline
        self.voices = voices
        self.range = range
        self.blockSize = max(blockSize, 64)
    }

    /// Writes the mastered track into every file of `files`, each in its format
    /// (`format: flac, mp3`): the blocks are synthesised once and each encoder is
    /// fed the same ones, so every format holds exactly the same mix.
    func write(to files: [(url: URL, format: AudioFormat)], gain: Double, progress: (@Sendable (Double) -> Void)?) throws -> Result {
        let settings = timeline.settings
        let channels = settings.channels
        let limiter = TruePeakLimiter(ceiling: settings.limiterCeiling, rate: settings.rate, channels: channels)
        let frames = max(blockSize, limiter.latency)
        let writers = try files.map { file in
            try SoundFileWriter(
                url: file.url, format: file.format, depth: settings.bits, quality: settings.quality,
                rate: settings.rate, channels: channels, tags: timeline.tags, ditherSeed: settings.seed)
        }
        // 16-bit output is dithered and rounded on the synthesis thread, which has
        // time to spare, so the encoder thread does nothing but encode.
        let quantizer = writers.contains(where: \.takesPCM16) ? PCM16Quantizer(seed: settings.seed) : nil
        let pipeline = BlockPipeline(blocks: 8, samplesPerBlock: frames * channels, pcm16: quantizer != nil)

        let done = DispatchSemaphore(value: 0)
        let synthesis = Synthesis(
            timeline: timeline, voices: voices, range: range, blockSize: blockSize, gain: Float(pow(10, gain / 20)),
            limiter: limiter, quantizer: quantizer, pipeline: pipeline, progress: progress)
        DispatchQueue.global(qos: .userInitiated).async {
            synthesis.run()
            done.signal()
        }
        while let block = pipeline.receive() {
            do {
                let count = block.frames * channels
                for writer in writers {
                    if writer.takesPCM16 {
                        try block.pcm16.withUnsafeBufferPointer { try writer.write(pcm16: UnsafeBufferPointer(rebasing: $0[0..<count])) }
                    } else {
                        try block.samples.withUnsafeBufferPointer { try writer.write(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                    }
                }
            } catch {
                pipeline.fail(error)
            }
            pipeline.giveBack(block)
        }
        done.wait()
        if let failure = pipeline.failure { throw failure }
        for writer in writers { try writer.close() }
        let loudness = synthesis.measured.integratedLoudness()
        return Result(loudness: loudness.isFinite ? loudness : nil, limiting: -20 * log10(Double(limiter.smallestGain)))
    }
}

/// The synthesis side of pass 2, run on its own thread.
private final class Synthesis: @unchecked Sendable {
    let timeline: Timeline
    let voices: VoiceFactory
    let range: Range<Int64>
    let blockSize: Int
    let gain: Float
    let limiter: TruePeakLimiter
    private var quantizer: PCM16Quantizer?
    let pipeline: BlockPipeline
    let progress: (@Sendable (Double) -> Void)?
    private var meter: ChunkMeter
    /// The written track as BS.1770 hears it; complete once `run` has returned.
    private(set) var measured: LoudnessProfile

    init(timeline: Timeline, voices: VoiceFactory, range: Range<Int64>, blockSize: Int, gain: Float,
         limiter: TruePeakLimiter, quantizer: PCM16Quantizer?, pipeline: BlockPipeline, progress: (@Sendable (Double) -> Void)?) {
        self.timeline = timeline
        self.voices = voices
        self.range = range
        self.blockSize = blockSize
        self.gain = gain
        self.limiter = limiter
        self.quantizer = quantizer
        meter = ChunkMeter(channels: timeline.settings.channels, rate: timeline.rate)
        measured = LoudnessProfile(rate: timeline.rate)
        self.pipeline = pipeline
        self.progress = progress
    }

    func run() {
        do {
            try synthesise()
            pipeline.finish()
        } catch {
            pipeline.fail(error)
        }
    }

    private func synthesise() throws {
        let mixer = Mixer(timeline: timeline, voices: voices)
        mixer.seek(to: range.lowerBound)
        let capacity = max(blockSize, limiter.latency)
        var left = [Float](repeating: 0, count: capacity), right = left
        var frame = range.lowerBound
        var lastReport = 0.0
        while frame < range.upperBound {
            let n = Int(min(Int64(blockSize), range.upperBound - frame))
            try mixer.render(count: n, left: &left, right: &right)
            for i in 0..<n {
                left[i] *= gain
                right[i] *= gain
            }
            let limited = limiter.process(left: &left, right: &right, count: n)
            guard try emit(left, right, frames: limited) else { return }
            frame += Int64(n)
            let done = Double(frame - range.lowerBound) / Double(range.count)
            if let progress, done - lastReport >= 0.01 {
                lastReport = done
                progress(done)
            }
        }
        let tail = limiter.flush(left: &left, right: &right)
        _ = try emit(left, right, frames: tail)
        meter.finish(into: &measured)
    }

    /// Interleaves (and for 16-bit output quantises), meters and sends `frames`
    /// frames; false when the encoder failed.
    private func emit(_ left: [Float], _ right: [Float], frames: Int) throws -> Bool {
        guard frames > 0 else { return true }
        guard let block = pipeline.nextEmpty() else { return false }
        let channels = timeline.settings.channels
        block.samples.withUnsafeMutableBufferPointer { out in
            if channels == 2 {
                for i in 0..<frames {
                    out[2 * i] = left[i]
                    out[2 * i + 1] = right[i]
                }
            } else {
                for i in 0..<frames { out[i] = left[i] }
            }
        }
        block.frames = frames
        if var quantizer {
            block.samples.withUnsafeBufferPointer { input in
                block.pcm16.withUnsafeMutableBufferPointer { output in
                    quantizer.quantize(UnsafeBufferPointer(rebasing: input[0..<(frames * channels)]), into: output)
                }
            }
            self.quantizer = quantizer
        }
        left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                meter.add(channels == 2 ? [l.baseAddress!, r.baseAddress!] : [l.baseAddress!], count: frames, to: &measured)
            }
        }
        pipeline.send(block)
        return true
    }
}
