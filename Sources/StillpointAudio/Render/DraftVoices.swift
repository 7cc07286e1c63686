import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

/// Stand-ins for phrases not yet recorded (`--draft`): each is spoken from its
/// transcript by espeak-ng when it is installed, otherwise a soft placeholder tone
/// marks it. Either way it fills exactly the place the timeline gave the phrase
/// (the words' length at 130 words a minute), so a draft times like the real track.
final class DraftVoices: @unchecked Sendable {
    private let rate: Int
    private let channels: Int
    private let voiceLevel: Double?
    private let speaker: URL?

    init(rate: Int, channels: Int, voiceLevel: Double?) {
        self.rate = rate
        self.channels = channels
        self.voiceLevel = voiceLevel
        speaker = Self.findProgram("espeak-ng")
    }

    /// The stand-in for a `say` event whose clip is missing.
    func phrase(_ event: Event) throws -> DecodedAudio {
        let length = Int(event.length)
        if let speaker, let words = event.text, !words.isEmpty, let spoken = try? speak(words, with: speaker) {
            var channel = [Float](repeating: 0, count: length)
            let audio = try Resampler.resample(
                planar: spoken.channels, from: spoken.rate, to: rate,
                frames: Int(frames(Int64(spoken.frames), from: spoken.rate, to: rate)))
            let n = min(length, audio.first?.count ?? 0)
            channel.replaceSubrange(0..<n, with: audio[0][0..<n])
            var result = DecodedAudio(channels: [channel], rate: rate)
            if let target = voiceLevel,
               let measured = try LoudnessMeter.integratedLoudness(planar: result.channels, rate: rate, dualMono: channels == 2) {
                let gain = Float(pow(10, (target - measured) / 20))
                for i in result.channels[0].indices { result.channels[0][i] *= gain }
            }
            return result
        }
        return DecodedAudio(channels: [Self.placeholder(frames: length, rate: rate)], rate: rate)
    }

    /// A quiet 440 Hz hum (−30 dBFS peak) that swells in and out over the phrase.
    static func placeholder(frames: Int, rate: Int) -> [Float] {
        let amplitude = Float(pow(10, -30.0 / 20))
        return (0..<frames).map { i in
            let t = Double(i) / Double(rate)
            let swell = Float(sin(Double.pi * Double(i) / Double(max(frames, 1))))
            return amplitude * swell * Float(sin(2 * .pi * 440 * t))
        }
    }

    private func speak(_ words: String, with program: URL) throws -> DecodedAudio {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("stillpoint-draft-\(UUID().uuidString).wav")
        TemporaryFiles.register(FilePath(file.path))
        defer {
            try? Files.remove(FilePath(file.path))
            TemporaryFiles.forget(FilePath(file.path))
        }
        let process = Process()
        process.executableURL = program
        // `--` ends the options: a transcript such as "-f/etc/hostname" is words to
        // speak, not an option telling espeak-ng to read that file aloud.
        process.arguments = ["-s", "130", "-w", file.path, "--", words]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AudioFileError(.read, file: file, reason: "espeak-ng failed", call: "espeak-ng")
        }
        return try SoundFileReader(url: file).decode()
    }

    private static func findProgram(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
