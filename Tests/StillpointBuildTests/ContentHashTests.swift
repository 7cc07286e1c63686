import Foundation
import StillpointBuild
import StillpointFiles
import StillpointTestSupport
import Testing

/// The build's content hash, checked against `sha256sum` as an independent oracle
/// (swift-crypto's own test vectors cover SHA-256 itself).
struct ContentHashTests {
    /// Sizes around the 1 MiB read chunk and the 64-byte block: empty, one byte,
    /// a block edge, and a file of several chunks that ends mid-chunk.
    @Test(arguments: [0, 1, 55, 64, 1 << 20, 3_000_017])
    func hashEqualsSha256sum(size: Int) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        var generator = SystemRandomNumberGenerator()
        try Data((0 ..< size).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: file)

        let oracle = SystemTool.run("sha256sum", [file.path])
        try #require(oracle.status == 0, "sha256sum must be installed")
        let expected = String(oracle.output.prefix(64))
        #expect(expected.count == 64)
        #expect(try ContentHasher.hash(fileAt: file) == expected)
        #expect(try ContentHasher.stamp(path: file.path).identity.size == Int64(size))
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let missing = URL(fileURLWithPath: "/nonexistent/clip.wav")
        let error = #expect(throws: FileError.self) { try ContentHasher.hash(fileAt: missing) }
        #expect(error?.errno == .noSuchFileOrDirectory)
        #expect(error?.description == "cannot read /nonexistent/clip.wav: no such file or folder")
    }
}
