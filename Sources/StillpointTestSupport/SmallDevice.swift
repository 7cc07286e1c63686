import Foundation

/// A small tmpfs mounted for one test, so writes can fail for real: tests run as
/// root, where permissions stop nothing, but a full or read-only device stops
/// root too. Needs the right to mount (root in a container that allows it); tests
/// using it are enabled with `SmallDevice.canMount`, skipped with that reason
/// otherwise. Shared by the file layer's tests and the end-to-end fault tests.
public final class SmallDevice: Sendable {
    /// Whether this machine lets the tests mount a tmpfs (tried once).
    public static let canMount: Bool = {
        guard let probe = try? SmallDevice() else { return false }
        _ = probe
        return true
    }()

    public let folder: URL

    /// Mounts a tmpfs of `size` (`64k`, `300k`) on a fresh temporary folder.
    public init(size: String = "64k") throws {
        folder = try AudioFixtures.temporaryFolder("stillpoint-tmpfs").resolvingSymlinksInPath()
        guard SystemTool.run("mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]).status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    deinit {
        _ = SystemTool.run("umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Makes the device read-only, as a failing disk that the kernel remounted would be.
    public func makeReadOnly() -> Bool {
        SystemTool.run("mount", ["-o", "remount,ro", folder.path]).status == 0
    }

    /// Every name in the device's top folder, hidden ones included, sorted.
    public var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
}
