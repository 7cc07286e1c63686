import Foundation

/// A practitioner's folder for one test, made in code in a fresh temporary folder
/// and removed when released: the one fixture every test target writes scripts,
/// defaults and clips with, and runs the built tool in.
///
/// Paths given to its methods are relative to `library`, which is `root` itself or,
/// with `library:`, a folder inside it, so that a test can keep things beside the
/// library (an output folder, a second library) in the same temporary folder.
public final class TemporaryLibrary: Sendable {
    /// The temporary folder, symlinks resolved so it matches paths the tool prints.
    public let root: URL
    /// The folder the relative paths of this fixture start from.
    public let library: URL

    /// - Parameters:
    ///   - label: the start of the temporary folder's name, to tell leftovers apart.
    ///   - library: a folder inside `root` to hold the library, created empty.
    public init(_ label: String = "stillpoint", library subfolder: String? = nil) throws {
        let root = try AudioFixtures.temporaryFolder(label).resolvingSymlinksInPath()
        self.root = root
        library = subfolder.map { root.appendingPathComponent($0) } ?? root
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    public func url(_ path: String) -> URL { library.appendingPathComponent(path) }

    /// Writes a text file, creating its folders.
    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Writes bytes as a file, creating its folders.
    public func write(_ path: String, _ data: Data) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Adds `text` to the end of a text file.
    public func append(_ path: String, _ text: String) throws {
        try write(path, try self.text(path) + text)
    }

    /// Records a clip: a mono 48 kHz WAV, a soft tone of `seconds` at `frequency`,
    /// or silence with one click of `clickAmplitude` at frame `clickAt` when given.
    public func recordClip(_ path: String, seconds: Double = 0.5, frequency: Double = 440,
                           clickAt: Int? = nil, clickAmplitude: Float = 0.5) throws {
        let frames = Int(seconds * 48000)
        let samples = clickAt.map { AudioFixtures.clicks(at: [$0], amplitude: clickAmplitude, frames: frames) }
            ?? AudioFixtures.sine(frequency: frequency, amplitude: 0.3, rate: 48000, frames: frames)
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AudioFixtures.writeWAV(samples, rate: 48000, to: file)
    }

    public func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    public func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// Reads back a WAV the tool wrote.
    public func wav(_ path: String) throws -> WAVFile { try WAVFile(contentsOf: url(path)) }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    public func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Every file under `path`, relative to it and sorted, hidden ones included.
    public func files(under path: String) -> [String] {
        let top = url(path).standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: top, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return walker.compactMap { item -> String? in
            guard let file = item as? URL,
                  (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return String(file.resolvingSymlinksInPath().path.dropFirst(top.path.count + 1))
        }.sorted()
    }

    /// Moves a file's modification time a minute forward without changing a byte.
    public func touch(_ path: String) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: url(path).path)
    }

    /// Moves the modification time of every file of the library by `seconds`.
    public func shiftTimes(by seconds: Double) throws {
        let walker = FileManager.default.enumerator(atPath: library.path)
        while let path = walker?.nextObject() as? String {
            let file = url(path)
            let date = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
            try FileManager.default.setAttributes(
                [.modificationDate: (date ?? Date()).addingTimeInterval(seconds)], ofItemAtPath: file.path)
        }
    }

    /// Runs `stillpoint arguments…` in `root` to its end.
    public func run(_ arguments: String...) async throws -> CommandResult {
        try await StillpointCommand.run(arguments, in: root)
    }

    /// Starts `stillpoint arguments…` in `root`, to be killed or waited for.
    public func start(_ arguments: String...) throws -> RunningCommand {
        try StillpointCommand.start(arguments, in: root)
    }
}
