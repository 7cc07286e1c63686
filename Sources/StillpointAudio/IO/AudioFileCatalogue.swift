import Foundation
import StillpointScript

/// The resolver's view of recordings (`AudioFileInspector`), answered with libsndfile.
public struct AudioFileCatalogue: AudioFileInspector {
    public init() {}

    /// Frames, rate and channels from the header. When the header does not say how
    /// long the file is (some damaged or streamed files report 0 or an absurd
    /// count), the frames are counted by decoding. A file without a single frame is
    /// an error: it cannot be placed on a timeline.
    public func info(of file: URL) throws -> AudioFileInfo {
        try problems { try Self.header(of: file) }
    }

    /// `info(of:)` with errors that name the file, for the renderer's own use.
    static func header(of file: URL) throws -> AudioFileInfo {
        let reader = try SoundFileReader(url: file)
        var info = reader.info
        guard Self.playableRates.contains(info.rate) else {
            throw AudioFileError(
                .read, file: file,
                reason: "its sample rate, \(info.rate) Hz, is not a recording's (Stillpoint reads \(Self.playableRates.lowerBound) to \(Self.playableRates.upperBound) Hz)",
                call: "sf_open")
        }
        if info.frames == 0 || info.frames > Self.mostFramesPerByte * fileSize(file) {
            info.frames = Int64(try reader.decode().frames)
        }
        guard info.frames > 0 else {
            throw AudioFileError(.read, file: file, reason: "the file contains no audio", call: "sf_readf_float")
        }
        return info
    }

    /// The sample rates a recording may have: from below the telephone's 8 kHz
    /// to above the studio's 384 kHz. Found by fuzzing: an AIFF header claiming
    /// 1 Hz made 400 frames a 400-second clip, resampled to 19 million frames
    /// for the mix (minutes under the fuzzer's sanitizer, and any rate near 0 is
    /// worse).
    static let playableRates = 1_000 ... 768_000

    /// More frames per byte of file than any codec packs (silent FLAC, the
    /// densest, holds about 340): a header claiming more is absurd and the frames
    /// are counted. Found by fuzzing: a 633-byte MP3 whose header claimed
    /// billions of frames had the renderer pad its clip to that length, an
    /// allocation that stopped the process. Counting is always right, only slower.
    static let mostFramesPerByte: Int64 = 1024

    private static func fileSize(_ file: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size]) as? NSNumber)?.int64Value ?? 0
    }

    public func audibleRange(of file: URL, within range: Range<Int64>) throws -> Range<Int64> {
        try problems {
            let audio = try SoundFileReader(url: file).decode(range)
            let audible = AudibleRange.of(audio)
            return range.lowerBound + Int64(audible.lowerBound) ..< range.lowerBound + Int64(audible.upperBound)
        }
    }

    /// Decodes the whole file, as a render would, and refuses samples that are not
    /// numbers (`ClipConditioning`).
    public func verify(_ file: URL) throws {
        try problems { try ClipConditioning.requirePlayable(try SoundFileReader(url: file).decode(), file: file) }
    }

    /// Reading errors as `AudioFileProblem`s: the reason alone, since the
    /// resolver's diagnostic names the file.
    private func problems<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AudioFileError {
            throw AudioFileProblem(reason: error.reason.hasSuffix(".") ? String(error.reason.dropLast()) : error.reason, cause: error)
        }
    }
}
