import Foundation
import StillpointFiles
import SystemPackage

/// Housekeeping in the output folder: what an interrupted build left, and the
/// outputs of scripts that are gone.
struct OutputFolder {
    let root: URL

    /// Removes the temporary files of interrupted writes anywhere below the folder;
    /// returns them relative to it. Called only while holding the build lock, so
    /// no running build's files are touched.
    func removeLeftovers() -> [String] {
        Files.removeLeftovers(below: FilePath(root.path))
    }

    /// Recorded outputs that still exist but whose scripts are not among
    /// `scripts`, and strays.
    func orphans(in record: BuildRecord, scripts: Set<String>) -> [Orphan] {
        var orphans = record.tracks.sorted { $0.key < $1.key }.compactMap { script, entry in
            let outputs = existing(entry.allOutputs)
            let owner = LibraryPaths.script(ofRecordKey: script)
            return scripts.contains(owner) || outputs.isEmpty ? nil : Orphan(script: script, outputs: outputs)
        }
        let strays = existing(record.strays)
        if !strays.isEmpty { orphans.append(Orphan(script: nil, outputs: strays)) }
        return orphans
    }

    /// Deletes the orphans' files, drops them from the record and removes folders
    /// left empty; returns the files deleted.
    func prune(_ orphans: [Orphan], record: RecordStore) -> [String] {
        var deleted: [String] = []
        for output in orphans.flatMap(\.outputs) {
            guard let url = confined(output), (try? Files.remove(FilePath(url.path))) != nil else { continue }
            deleted.append(output)
            removeEmptyFolders(above: url)
        }
        let scripts = Set(orphans.compactMap(\.script))
        try? record.update { record in
            for script in scripts { record.tracks[script] = nil }
            record.strays.removeAll()
        }
        return deleted
    }

    /// Those of `outputs` (relative to the folder) that exist.
    func existing(_ outputs: [String]) -> [String] {
        outputs.filter { output in confined(output).map { FileManager.default.fileExists(atPath: $0.path) } ?? false }
    }

    /// `output` (a path the record names) as a file inside the folder, or nil. The
    /// record is a file anyone can edit, so its paths are untrusted: a `..`, an
    /// absolute path, or a folder that is a symbolic link out of the output folder
    /// would let `--prune` delete elsewhere. The file itself may be a link (removing
    /// a link removes only the link).
    func confined(_ output: String) -> URL? {
        let parts = output.split(separator: "/", omittingEmptySubsequences: false)
        guard !output.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { return nil }
        let url = root.appendingPathComponent(output)
        let realRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
        let realFolder = url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
        guard realFolder == realRoot || realFolder.hasPrefix(realRoot + "/") else { return nil }
        return url
    }

    /// Removes the folders above `file` up to the root for as long as they are empty
    /// (`rmdir` refuses a folder that is not).
    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.count > root.path.count, folder.path.hasPrefix(root.path + "/"),
            (try? Files.removeEmptyFolder(FilePath(folder.path))) != nil
        {
            folder = folder.deletingLastPathComponent()
        }
    }
}
