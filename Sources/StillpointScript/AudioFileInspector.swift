import Foundation

/// What the resolver needs to know about a recording to place it on the timeline.
/// `StillpointAudio` implements it with libsndfile; tests use a table. Keeping it a
/// protocol keeps this module free of C and of decoding.
public protocol AudioFileInspector: Sendable {
    /// Frame count, rate and channels, from the file's header.
    func info(of file: URL) throws -> AudioFileInfo
    /// The part of `range` (frames of the recording) that remains after cutting
    /// leading and trailing audio whose peak is below −50 dBFS (`trim`). Needs
    /// decoding, so it is asked only for clips that are trimmed.
    func audibleRange(of file: URL, within range: Range<Int64>) throws -> Range<Int64>
    /// Throws when the audio cannot be decoded to its end, or is not fit to play
    /// (`ResolveOptions.verifyAudio`).
    func verify(_ file: URL) throws
}

extension AudioFileInspector {
    /// Inspectors that hold no audio have nothing to verify.
    public func verify(_ file: URL) throws {}
}

/// What an inspector throws: why the file cannot be used, in a sentence that does
/// not name the file (the resolver's diagnostic already names it, at the line).
public struct AudioFileProblem: Error, Sendable, CustomStringConvertible {
    /// A plain sentence, lower case, without a full stop: "it is not a sound file …".
    public var reason: String
    /// What the inspector met, typed (for `AudioFileCatalogue`, an `AudioFileError`
    /// with libsndfile's code and raw text), for debugging; never printed.
    public var cause: (any Error & Sendable)?

    public init(reason: String, cause: (any Error & Sendable)? = nil) {
        self.reason = reason
        self.cause = cause
    }

    public var description: String { reason }
}

public struct AudioFileInfo: Sendable, Equatable {
    public var frames: Int64
    public var rate: Int
    public var channels: Int

    public init(frames: Int64, rate: Int, channels: Int) {
        self.frames = frames
        self.rate = rate
        self.channels = channels
    }

    public var seconds: Double { Double(frames) / Double(rate) }
}

/// File extensions a voice clip may have, in the order they are looked for.
public let clipExtensions = ["flac", "wav", "ogg", "opus", "mp3", "aiff"]

/// A recording's length at another sample rate, rounded to the nearest frame. The
/// resolver places a clip with it and the renderer pads or cuts the resampled clip
/// to it, so the two always agree to the frame.
public func frames(_ frames: Int64, from sourceRate: Int, to targetRate: Int) -> Int64 {
    sourceRate == targetRate
        ? frames
        : Int64((Double(frames) * Double(targetRate) / Double(sourceRate)).rounded())
}
