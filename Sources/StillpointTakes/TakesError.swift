import Foundation

/// What stops `stillpoint takes`: a take that is not audio, a clip that cannot
/// be written. Each says which file and what to do (`hints`), like a script's
/// diagnostics; nothing is written once one is found before the clips are cut.
public struct TakesError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hints: [String]

    public init(_ message: String, hints: [String] = []) {
        self.message = message
        self.hints = hints
    }

    public var description: String { message }

    static func notAudio(_ take: String, _ reason: String) -> TakesError {
        TakesError("\(take): not a recording Stillpoint can read",
                   hints: [reason, "a take is a WAV, FLAC, Ogg, Opus, MP3 or AIFF file, or a phone's .m4a with ffmpeg installed"])
    }

    static func needsFFmpeg(_ take: String) -> TakesError {
        TakesError("\(take): reading this kind of file needs ffmpeg, which is not installed",
                   hints: ["install ffmpeg (scripts/setup.sh does), or convert the file to WAV or FLAC with another program"])
    }

    static func cannotWrite(_ path: String, _ reason: String) -> TakesError {
        TakesError("cannot write \(path): \(reason)", hints: ["check that the clips folder is writable and the disk not full"])
    }
}
