import Foundation
import StillpointTestSupport
import SystemPackage

/// A fresh folder for one test, removed at the end.
final class Scratch {
    let folder: URL

    init() throws {
        folder = try AudioFixtures.temporaryFolder("stillpoint-files")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ relative: String) -> FilePath { FilePath(folder.appendingPathComponent(relative).path) }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(relative))
    }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Every name in the folder, hidden ones included, sorted.
    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
}

extension SmallDevice {
    func path(_ name: String) -> FilePath { FilePath(folder.appendingPathComponent(name).path) }
}
