import Foundation
import StillpointTestSupport
import Testing

/// A practitioner's folder for one test: a fresh temporary folder in which the
/// tool runs (so `output/` lands here), with helpers to write scripts and record
/// clips. Removed when released.
final class Workspace: Sendable {
    let folder: URL

    init() throws {
        folder = try AudioFixtures.temporaryFolder("stillpoint-cli").resolvingSymlinksInPath()
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    /// Writes a text file, creating its folders.
    func write(_ path: String, _ text: String) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Records a clip: a mono 48 kHz WAV, a soft tone of `seconds` at `frequency`,
    /// plus a click of `clickAmplitude` at frame `clickAt` when given.
    func recordClip(_ path: String, seconds: Double = 0.5, frequency: Double = 440,
                    clickAt: Int? = nil, clickAmplitude: Float = 0.5) throws {
        let frames = Int(seconds * 48000)
        var samples: [Float]
        if let clickAt {
            samples = AudioFixtures.clicks(at: [clickAt], amplitude: clickAmplitude, frames: frames)
        } else {
            samples = AudioFixtures.sine(frequency: frequency, amplitude: 0.3, rate: 48000, frames: frames)
        }
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AudioFixtures.writeWAV(samples, rate: 48000, to: file)
    }

    func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Every file under `path`, relative to it and sorted, hidden ones included.
    func files(under path: String) -> [String] {
        let root = url(path).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return walker.compactMap { item -> String? in
            guard let file = item as? URL,
                  (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return String(file.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
        }.sorted()
    }

    /// Moves a file's modification time forward without changing a byte.
    func touch(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: url(path).path)
    }

    /// Runs `stillpoint arguments…` in this folder.
    func run(_ arguments: String...) async throws -> CommandResult {
        try await StillpointCommand.run(arguments, in: folder)
    }

    func start(_ arguments: String...) throws -> RunningCommand {
        try StillpointCommand.start(arguments, in: folder)
    }

    /// Reads back a WAV the tool wrote.
    func wav(_ path: String) throws -> WAVFile { try WAVFile(contentsOf: url(path)) }
}

/// ESC, which starts every terminal colour code.
let escape: Character = "\u{1B}"
