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

/// A 64 KiB tmpfs mounted for one test, so writes can fail for real: tests run as
/// root, where permissions stop nothing, but a full or read-only device stops
/// root too. Needs the right to mount (root in a container that allows it).
final class SmallDevice {
    /// Whether this machine lets the tests mount a tmpfs (tried once).
    static let canMount: Bool = {
        guard let probe = try? SmallDevice() else { return false }
        _ = probe
        return true
    }()

    let folder: URL

    init() throws {
        folder = try AudioFixtures.temporaryFolder("stillpoint-tmpfs")
        guard SystemTool.run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]).status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    deinit {
        _ = SystemTool.run("umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> FilePath { FilePath(folder.appendingPathComponent(name).path) }

    /// Makes the device read-only, as a failing disk that the kernel remounted would be.
    func makeReadOnly() -> Bool {
        SystemTool.run("mount", ["-o", "remount,ro", folder.path]).status == 0
    }

    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
}
