internal import CSndFile
import Foundation
import StillpointScript

/// Decodes WAV, FLAC, Ogg Vorbis, Opus, MP3 or AIFF through libsndfile into
/// interleaved `Float` frames (full scale ±1).
///
/// Not `Sendable`: the handle has a read position. Use one reader per thread.
public final class SoundFileReader {
    public let url: URL
    /// Frames, rate and channels from the header. `frames` is what the file claims:
    /// for MP3 it may be an estimate and for a damaged file it may be wrong, so
    /// `readAll()` reads until the decoder stops rather than trusting it.
    public let info: AudioFileInfo
    private let handle: OpaquePointer

    public init(url: URL) throws {
        var sfInfo = SF_INFO()
        let handle = try SoundFileOpening.open(url, mode: Int32(SFM_READ), info: &sfInfo, operation: .read)
        guard sfInfo.channels > 0, sfInfo.samplerate > 0 else {
            sf_close(handle)
            throw AudioFileError(.read, file: url, reason: "the file has no audio channels", call: "sf_open")
        }
        self.url = url
        self.handle = handle
        // A damaged header can claim Int64.max frames; report "unknown" as 0.
        let frames = sfInfo.frames == Int64.max || sfInfo.frames < 0 ? 0 : sfInfo.frames
        self.info = AudioFileInfo(frames: frames, rate: Int(sfInfo.samplerate), channels: Int(sfInfo.channels))
        // Integer files decode to ±1 floats (the default) and float files are read as they are.
        sf_command(handle, Int32(SFC_SET_NORM_FLOAT), nil, Int32(SF_TRUE))
    }

    deinit { sf_close(handle) }

    public var channels: Int { info.channels }
    public var rate: Int { info.rate }

    /// Reads up to `buffer.count / channels` frames into `buffer`; returns the number
    /// of frames read, 0 at the end of the file.
    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let wanted = sf_count_t(buffer.count / info.channels)
        let got = sf_readf_float(handle, base, wanted)
        if got < wanted, sf_error(handle) != Int32(SF_ERR_NO_ERROR) {
            throw SoundFileOpening.failure(.read, url, handle, call: "sf_readf_float")
        }
        return Int(max(got, 0))
    }

    /// Reads from the current position to the end, interleaved.
    package func readAll() throws -> [Float] {
        let chunk = 16384
        let expected = Int(clamping: info.frames)
        // Trust the header only to size the first allocation, and only within reason.
        var samples = [Float]()
        samples.reserveCapacity(min(expected, 48000 * 3600) * info.channels + chunk * info.channels)
        var block = [Float](repeating: 0, count: chunk * info.channels)
        while true {
            let got = try block.withUnsafeMutableBufferPointer { try read(into: $0) }
            if got == 0 { break }
            samples.append(contentsOf: block[0 ..< got * info.channels])
        }
        return samples
    }

    /// Moves the read position to `frame` (counted from the start).
    public func seek(to frame: Int64) throws {
        if sf_seek(handle, frame, SEEK_SET) < 0 {
            throw SoundFileOpening.failure(.seek, url, handle, call: "sf_seek")
        }
    }

    /// The tags libsndfile found (for WAV, FLAC, Ogg and MP3 where it reads them).
    public var tags: Tags {
        var tags = Tags()
        for field in TagField.allCases {
            if let text = sf_get_string(handle, field.sndfileKey) {
                tags[keyPath: field.keyPath] = String(cString: text)
            }
        }
        return tags
    }
}
