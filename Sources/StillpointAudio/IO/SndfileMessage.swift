internal import CSndFile
import Foundation
import StillpointFiles
import SystemPackage

/// libsndfile's error texts as plain sentences. Its texts are written for
/// programmers (`Error : flac decoder lost sync.`, `System error : …`,
/// `Internal error : SF_INFO struct incomplete.`); a practitioner needs to hear
/// what is wrong with the file. libsndfile has no stable numbers for most of its
/// errors (only 0–4 are public), so the text is matched; what is not known here
/// is passed on with its `Error :` prefix removed.
enum SndfileMessage {
    static func sentence(code: Int32, text: String) -> String {
        if code == Int32(SF_ERR_UNRECOGNISED_FORMAT) {
            return "it is not a sound file in a format Stillpoint reads (WAV, FLAC, Ogg Vorbis, Opus, MP3, AIFF)"
        }
        let bare = stripped(text)
        let lowered = bare.lowercased()
        if lowered.contains("lost sync") { return "the FLAC data is damaged (it lost sync)" }
        if lowered.contains("flac decoder") { return "the FLAC data is damaged (the decoder could not read it)" }
        // What libsndfile says when mpg123 gives up on an MP3 damaged partway.
        if lowered == "unspecified internal error" { return "its audio data is damaged (the decoder stopped partway)" }
        if lowered.contains("possibly a pipe") { return "it is not a regular file (a folder, a pipe or a device)" }
        if lowered.contains("sf_info struct incomplete") {
            return "the audio settings given to libsndfile were incomplete (a fault in Stillpoint; please report it)"
        }
        if text.hasPrefix("System error") {
            if let known = systemReason(bare) { return known }
            return bare.isEmpty ? "the system refused to read or write it" : "the system said: \(lowercasedFirst(bare))"
        }
        // "Error in WAV file. No 'RIFF' chunk marker." names the format and the fault.
        if bare.hasPrefix("Error in ") {
            let body = bare.dropFirst("Error in ".count)
            let format = body.prefix { $0 != "." }
            let fault = body.dropFirst(format.count).drop { $0 == "." || $0 == " " }
            return "the \(format) is damaged" + (fault.isEmpty ? "" : " (\(lowercasedFirst(String(fault))))")
        }
        if code == Int32(SF_ERR_MALFORMED_FILE) { return "the file is damaged (\(lowercasedFirst(bare)))" }
        return bare.isEmpty ? "libsndfile reported error \(code)" : lowercasedFirst(bare)
    }

    /// libsndfile's `System error : <strerror>.` for the failures a user can act
    /// on (a full or read-only disk), in the file layer's words, so a full disk
    /// reads the same from a track as from the build record.
    private static func systemReason(_ text: String) -> String? {
        let known: [Errno] = [
            .noSpace, .readOnlyFileSystem, .diskQuotaExceeded, .ioError, .permissionDenied, .notPermitted,
            .fileTooLarge, .tooManyOpenFiles, .noSuchFileOrDirectory, .isDirectory,
        ]
        return known.first { $0.description == text }.map { FileError(.write, path: "", call: "", errno: $0).reason }
    }

    /// The text without `Error :`, `Internal error :`, `System error :` and the
    /// final full stop.
    private static func stripped(_ text: String) -> String {
        var bare = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["Internal error", "System error", "Error"] where bare.hasPrefix(prefix) {
            let rest = bare.dropFirst(prefix.count).drop { $0 == " " }
            if rest.hasPrefix(":") || rest.hasPrefix(".") || rest.isEmpty {
                bare = String(rest.drop { $0 == ":" || $0 == "." || $0 == " " })
            }
            break
        }
        if bare.hasSuffix(".") { bare.removeLast() }
        return bare
    }

    /// "No such file" → "no such file", but "MP3 …" and "FLAC …" stay as they are.
    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let second = text.dropFirst().first
        if let second, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }
}
