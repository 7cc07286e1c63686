import Foundation
import StillpointAudio
import StillpointFiles
import StillpointScript
import SystemPackage

/// Cuts one phrase out of a take and writes it as a clip: a natural lead-in and
/// tail (never into the neighbouring phrase) with short fades, so it plays well
/// without `trim`; FLAC at the take's rate, mono, 24-bit. Written through the
/// file layer (a hidden temporary file beside the clip, renamed into place), so
/// a killed run leaves no half clip; an old recording is never overwritten, only
/// (with `--replace`) moved into `.replaced/`, which the clip lookup does not
/// look into.
enum ClipWriter {
    static let leadIn = 0.2
    static let tail = 0.4
    /// Kept clear of the neighbouring speech.
    static let clearance = 0.05
    static let fadeIn = 0.03
    static let fadeOut = 0.08
    static let replacedFolder = ".replaced"

    /// The clip's frames in the take: the speech with lead-in and tail, inside `room`.
    static func extent(of speech: Range<Int64>, room: Range<Int64>, rate: Int) -> Range<Int64> {
        let lead = Int64(leadIn * Double(rate)), after = Int64(tail * Double(rate))
        return max(room.lowerBound, speech.lowerBound - lead) ..< min(room.upperBound, speech.upperBound + after)
    }

    /// Recordings of `clip` already in `folder`, any extension the lookup reads.
    static func existing(_ clip: String, in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter {
            ($0 as NSString).deletingPathExtension == clip && clipExtensions.contains(($0 as NSString).pathExtension.lowercased())
        }.map { folder.appendingPathComponent($0) }
    }

    /// Raised-cosine fades at both ends, in place.
    static func fade(_ samples: inout [Float], rate: Int) {
        let fin = min(samples.count / 2, Int(fadeIn * Double(rate)))
        let fout = min(samples.count / 2, Int(fadeOut * Double(rate)))
        for i in 0 ..< fin { samples[i] *= Float(0.5 - 0.5 * cos(Double.pi * Double(i) / Double(fin))) }
        for i in 0 ..< fout {
            samples[samples.count - 1 - i] *= Float(0.5 - 0.5 * cos(Double.pi * Double(i) / Double(fout)))
        }
    }

    /// Writes `samples` as `folder/clip.flac`; moves the recordings in `old`
    /// aside first (returns where the first went). The FLAC goes through the file
    /// layer's temporary file (registered, so Ctrl-C removes it), and the old
    /// recordings move only once it is complete.
    static func write(_ samples: [Float], rate: Int, clip: String, folder: URL, replacing old: [URL]) throws(TakesError) -> URL? {
        let destination = folder.appendingPathComponent(clip + ".flac")
        do {
            let output = try AtomicOutput(destination: destination)
            do {
                let writer = try SoundFileWriter(url: output.temporary, format: .flac, depth: .int24, rate: rate, channels: 1)
                try writer.write(samples)
                try writer.close()
                let moved = try old.map(moveAside)
                try output.commit()
                return moved.first
            } catch {
                output.discard()
                throw error
            }
        } catch let error as TakesError {
            throw error
        } catch let error as FileError {
            throw .writing(error)
        } catch let error as AudioFileError {
            // Named by the clip, not by the hidden temporary file libsndfile was writing.
            throw .cannotWrite(path: destination.path, reason: error.reason)
        } catch {
            throw .cannotWrite(path: destination.path, reason: "\(error)")
        }
    }

    /// Moves `file` to `clips/.replaced/NAME.20261201T081500Z.EXT`, a name not yet taken.
    private static func moveAside(_ file: URL) throws(FileError) -> URL {
        let folder = file.deletingLastPathComponent().appendingPathComponent(replacedFolder)
        try Files.createFolder(FilePath(folder.path))
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                               formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
        let base = file.deletingPathExtension().lastPathComponent + "." + stamp.replacingOccurrences(of: ":", with: "")
        var target = folder.appendingPathComponent(base + "." + file.pathExtension)
        var n = 2
        while FileManager.default.fileExists(atPath: target.path) {
            target = folder.appendingPathComponent("\(base)-\(n).\(file.pathExtension)")
            n += 1
        }
        try Files.move(FilePath(file.path), to: FilePath(target.path))
        return target
    }
}
