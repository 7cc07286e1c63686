import Foundation

/// Housekeeping in the output folder: what an interrupted build left, and the
/// outputs of scripts that are gone.
struct OutputFolder {
    let root: URL

    /// Removes the temporary files of interrupted writes anywhere below the folder;
    /// returns them relative to it. Called only while holding the build lock, so
    /// no running build's files are touched.
    func removeLeftovers() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var removed: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard AtomicFile.isLeftover(name), walker.fileAttributes?[.type] as? FileAttributeType != .typeDirectory
            else { continue }
            if (try? FileManager.default.removeItem(at: root.appendingPathComponent(relative))) != nil {
                removed.append(relative)
            }
        }
        return removed.sorted()
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
            let url = root.appendingPathComponent(output)
            guard (try? FileManager.default.removeItem(at: url)) != nil else { continue }
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
        outputs.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }

    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.count > root.path.count, folder.path.hasPrefix(root.path + "/"),
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
