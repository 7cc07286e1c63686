import Foundation
import StillpointBuild
import Testing

struct SHA256Tests {
    /// FIPS 180-4 examples and NIST vectors, including the two-block padding edge.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func knownVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
    }

    @Test func oneMillionAsFedInOddPieces() {
        var hasher = SHA256()
        var left = 1_000_000
        var piece = 1
        while left > 0 {
            let count = min(piece, left)
            hasher.update(repeatElement(UInt8(ascii: "a"), count: count))
            left -= count
            piece = piece * 7 % 997 + 1
        }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aFileLargerThanOneReadChunk() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(repeating: UInt8(ascii: "a"), count: 3_000_000).write(to: file)
        #expect(
            try ContentHasher.hash(fileAt: file) == "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4")
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let missing = URL(fileURLWithPath: "/nonexistent/clip.wav")
        #expect(throws: HashingError.self) { try ContentHasher.hash(fileAt: missing) }
        do {
            _ = try ContentHasher.hash(fileAt: missing)
        } catch {
            #expect(error.description.hasPrefix("cannot read /nonexistent/clip.wav:"))
        }
    }
}
