import Foundation
import StillpointAudio
import StillpointFiles
import SystemPackage

/// One take, opened for reading in mono: read through once in blocks (for the
/// speech map) and then again by spans (for recognition and clips), so a long
/// take is never held in memory whole. The take itself is only ever read.
///
/// Kinds libsndfile does not read (a phone's `.m4a`/AAC and the like) are first
/// decoded by `ffmpeg` into a temporary FLAC, removed when this object goes.
/// Not `Sendable`: it has a read position.
public final class TakeAudio {
    /// The take as the user named it.
    public let url: URL
    public let rate: Int
    private let reader: SoundFileReader
    /// ffmpeg's temporary FLAC, removed with the object that made it.
    private let converted: URL?
    /// What `reader` reads: the take, or ffmpeg's FLAC of it.
    private let source: URL

    /// Extensions worth handing to ffmpeg: what phones and laptops record.
    static let ffmpegExtensions: Set<String> = ["m4a", "aac", "mp4", "caf", "3gp", "amr", "wma", "webm", "mka", "m4b"]

    public init(url: URL) throws(TakesError) {
        self.url = url
        let display = url.relativePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .noSuchTake(display)
        }
        do {
            reader = try SoundFileReader(url: url)
            converted = nil
            source = url
        } catch {
            guard Self.ffmpegExtensions.contains(url.pathExtension.lowercased()) else {
                throw .notAudio(take: display, reason: Self.reason(error))
            }
            let flac = try Self.decodeWithFFmpeg(url)
            do {
                reader = try SoundFileReader(url: flac)
            } catch {
                Self.discard(flac)
                throw .notAudio(take: display, reason: "ffmpeg's output could not be read")
            }
            converted = flac
            source = flac
        }
        rate = reader.rate
    }

    /// A second reader of the same take, for another thread (ffmpeg is not run again).
    private init(_ other: TakeAudio) throws(TakesError) {
        url = other.url
        source = other.source
        converted = nil
        do {
            reader = try SoundFileReader(url: other.source)
        } catch {
            throw .notAudio(take: other.url.relativePath, reason: Self.reason(error))
        }
        rate = reader.rate
    }

    /// Another reader of this take, with its own read position; it must not
    /// outlive this one (which owns ffmpeg's temporary file).
    func reopened() throws(TakesError) -> TakeAudio {
        try TakeAudio(self)
    }

    deinit {
        if let converted { Self.discard(converted) }
    }

    /// Calls `body` with successive mono blocks from the start to the end.
    func forEachBlock(frames: Int = 65536, _ body: ([Float]) throws -> Void) throws(TakesError) {
        do {
            try reader.seek(to: 0)
            var interleaved = [Float](repeating: 0, count: frames * reader.channels)
            while true {
                let got = try interleaved.withUnsafeMutableBufferPointer { try reader.read(into: $0) }
                if got == 0 { break }
                try body(mono(interleaved, frames: got))
            }
        } catch let error as TakesError {
            throw error
        } catch {
            throw .notAudio(take: url.relativePath, reason: Self.reason(error))
        }
    }

    /// Mono frames `range` of the take; beyond its end, silence.
    func read(_ range: Range<Int64>) throws(TakesError) -> [Float] {
        let start = max(range.lowerBound, 0)
        var out = [Float](repeating: 0, count: Int(range.upperBound - range.lowerBound))
        guard range.upperBound > start else { return out }
        do {
            try reader.seek(to: start)
            let wanted = Int(range.upperBound - start)
            var interleaved = [Float](repeating: 0, count: wanted * reader.channels)
            var done = 0
            while done < wanted {
                let got = try interleaved.withUnsafeMutableBufferPointer {
                    try reader.read(into: UnsafeMutableBufferPointer(rebasing: $0[(done * reader.channels)...]))
                }
                if got == 0 { break }
                done += got
            }
            let offset = Int(start - range.lowerBound)
            let samples = mono(interleaved, frames: done)
            out.replaceSubrange(offset ..< offset + samples.count, with: samples)
            return out
        } catch {
            throw .notAudio(take: url.relativePath, reason: Self.reason(error))
        }
    }

    private func mono(_ interleaved: [Float], frames: Int) -> [Float] {
        let channels = reader.channels
        if channels == 1 { return Array(interleaved[0 ..< frames]) }
        var out = [Float](repeating: 0, count: frames)
        let scale = 1 / Float(channels)
        for f in 0 ..< frames {
            var sum: Float = 0
            for c in 0 ..< channels { sum += interleaved[f * channels + c] }
            out[f] = sum * scale
        }
        return out
    }

    /// Runs `ffmpeg -i take temp.flac` (same rate and channels) and returns the FLAC.
    private static func decodeWithFFmpeg(_ url: URL) throws(TakesError) -> URL {
        let display = url.relativePath
        guard let ffmpeg = executable("ffmpeg") else { throw .needsFFmpeg(take: display) }
        let flac = FileManager.default.temporaryDirectory
            .appendingPathComponent("stillpoint-take-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max)).flac")
        // Registered, so that Ctrl-C during a long decode or the cutting removes it.
        TemporaryFiles.register(FilePath(flac.path))
        let process = Process()
        process.executableURL = ffmpeg
        process.arguments = ["-nostdin", "-v", "error", "-i", url.path, "-vn", "-c:a", "flac", "-sample_fmt", "s32", flac.path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .needsFFmpeg(take: display)
        }
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Self.discard(flac)
            let line = said.split(separator: "\n").last.map(String.init) ?? "ffmpeg failed"
            throw .notAudio(take: display, reason: "ffmpeg: " + line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: url.path, with: display))
        }
        return flac
    }

    /// libsndfile's reason in words, without the path (the take is named already).
    private static func reason(_ error: any Error) -> String {
        (error as? AudioFileError)?.reason ?? "\(error)"
    }

    /// Removes ffmpeg's FLAC and unregisters it.
    private static func discard(_ converted: URL) {
        try? Files.remove(FilePath(converted.path))
        TemporaryFiles.forget(FilePath(converted.path))
    }

    /// The first `name` on the PATH that can be run.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
