import ArgumentParser
import Foundation
import StillpointAudio
import StillpointScript

/// Where a track goes and in which format, and how a finished render is reported.
enum OutputChoice {
    /// `--format` wins over the extension of `-o`, which wins over `format:`;
    /// `--format` and `-o` disagreeing is an error rather than a guess.
    static func format(option: AudioFormat?, output: String?) throws -> AudioFormat? {
        let fromName = output.flatMap { AudioFormat(rawValue: ($0 as NSString).pathExtension.lowercased()) }
        if let output, fromName == nil, !(output as NSString).pathExtension.isEmpty, option == nil {
            throw ValidationError("-o \(output): the extension names no format Stillpoint writes (wav, flac, ogg, opus, mp3)")
        }
        if let option, let fromName, option != fromName {
            throw ValidationError("--format \(option.rawValue) and -o \(output ?? "") disagree; give one of them, or make them match")
        }
        return option ?? fromName
    }

    /// `output/<script path relative to its library root>.<ext>`, or
    /// `….preview.<ext>` for an excerpt.
    static func defaultDestination(for script: URL, in output: URL, format: AudioFormat, preview: Bool = false) -> URL {
        let root = ScriptLoader.libraryRoot(for: script).standardizedFileURL.path
        let path = script.standardizedFileURL.path
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : script.lastPathComponent
        let track = output.appendingPathComponent(relative).deletingPathExtension()
        return (preview ? track.appendingPathExtension("preview") : track).appendingPathExtension(format.fileExtension)
    }

    /// A preview of `name.session` is `name.preview.<ext>`, which is also the track
    /// of a script `name.preview.session`; when that script exists beside it, the
    /// preview is refused rather than written over the other script's track.
    static func refusePreviewOverTrack(of script: URL) throws {
        let rival = script.deletingPathExtension().appendingPathExtension("preview").appendingPathExtension("session")
        guard FileManager.default.fileExists(atPath: rival.path) else { return }
        throw CommandError.previewOverTrack(rival: rival.relativePath)
    }

    /// "wrote output/arriving.flac: 4:21, −18.0 LUFS, gain +3.2 dB, limiter 1.9 dB".
    static func summary(_ report: RenderReport) -> String {
        var line = "wrote \(Terminal.path(report.output)): " + details(report)
        for other in report.otherFormats { line += "\nwrote \(Terminal.path(other))" }
        if let subtitles = report.subtitles { line += "\nwrote \(Terminal.path(subtitles))" }
        return ([line] + report.warnings).joined(separator: "\n")
    }

    /// "4:21, −18.0 LUFS, gain +3.2 dB, limiter 1.9 dB": the build's note on a track.
    static func details(_ report: RenderReport) -> String {
        var parts = [TimeFormat.clock.string(report.seconds)]
        if let loudness = report.loudness { parts.append(String(format: "%.1f LUFS", loudness)) }
        parts.append(String(format: "gain %+.1f dB", report.gain))
        if report.limiting >= 0.05 { parts.append(String(format: "limiter %.1f dB", report.limiting)) }
        if report.draftPhrases > 0 { parts.append("DRAFT: \(Terminal.count(report.draftPhrases, "phrase")) not recorded") }
        return parts.joined(separator: ", ")
    }
}
