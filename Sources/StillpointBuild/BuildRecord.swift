import Foundation

/// What the last builds rendered, kept in the output folder
/// (`.stillpoint-build.json`): for each track, the content hash of every file it
/// depended on, its settings fingerprint and the renderer version, so that the
/// next build can tell exactly which tracks are stale.
package struct BuildRecord: Codable, Sendable, Equatable {
    package static let fileName = ".stillpoint-build.json"
    static let currentFormat = 1

    var format = currentFormat
    /// By script path relative to the library.
    var tracks: [String: TrackRecord] = [:]
    /// The stamps of the files the tracks depend on, by dependency key, so that an
    /// unchanged file need not be read again.
    var files: [String: FileStamp] = [:]
    /// Outputs (relative to the output folder) left behind when a track's output
    /// changed name, for instance after a change of format; pruned like orphans.
    var strays: [String] = []

    /// The record in `folder`; an empty one when there is none, and also when it
    /// cannot be read, is damaged (cut short, overwritten) or was written by another
    /// format: everything then renders again, which is safe, and `discarded` says
    /// why, so the build can warn instead of silently taking minutes.
    package static func load(from folder: URL) -> (record: BuildRecord, discarded: String?) {
        let file = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return (BuildRecord(), nil) }
        guard let data = try? Data(contentsOf: file) else { return (BuildRecord(), "it cannot be read") }
        if let stamp = try? JSONDecoder().decode(FormatStamp.self, from: data), stamp.format != currentFormat {
            return (BuildRecord(), "it was written by another version of Stillpoint (record format \(stamp.format), not \(currentFormat))")
        }
        guard let record = try? JSONDecoder().decode(BuildRecord.self, from: data) else {
            return (BuildRecord(), "it is damaged (cut short or overwritten)")
        }
        return (record, nil)
    }

    /// Only the format number, read first so that an older record's other fields
    /// (which may have changed shape) do not make it look damaged.
    private struct FormatStamp: Decodable {
        var format: Int
    }

    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

/// What one track's output was made from.
struct TrackRecord: Codable, Sendable, Equatable {
    /// Relative to the output folder.
    var output: String
    var extraOutputs: [String]
    var rendererVersion: String
    var fingerprint: String
    /// Content hash of each dependency, by dependency key.
    var dependencies: [String: String]
    /// The output file as the render left it (its size and modification time are
    /// compared), so that a track replaced or overwritten since (by a preview, by
    /// hand) is seen to be stale even though a file of its name exists; nil in
    /// older records, which are trusted as before.
    var outputIdentity: FileIdentity? = nil

    var allOutputs: [String] { [output] + extraOutputs }
}
