import Foundation
import StillpointFiles
import SystemPackage
import Testing

struct FileReaderTests {
    /// Streaming in chunks gives back every byte in order, whatever the chunk size.
    @Test(arguments: [1, 7, 4096, 1 << 20])
    func chunksReassembleTheFile(chunkSize: Int) throws {
        let scratch = try Scratch()
        let bytes = (0 ..< 10_007).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try Data(bytes).write(to: scratch.folder.appendingPathComponent("clip.wav"))
        let reader = try FileReader(scratch.path("clip.wav"))
        var read: [UInt8] = []
        var largest = 0
        try reader.forEachChunk(size: chunkSize) { chunk in
            read += chunk
            largest = max(largest, chunk.count)
        }
        #expect(read == bytes)
        #expect(largest == min(chunkSize, bytes.count))
        #expect(try reader.read(upTo: 5, at: 10_005) == Array(bytes.suffix(2)))
        let status = try reader.status()
        #expect(status.kind == .file)
        #expect(status.size == 10_007)
        #expect(status == (try FileStatus(of: scratch.path("clip.wav"))))
    }

    @Test func aCopyStreamsTheRequestedRange() throws {
        let scratch = try Scratch()
        try scratch.write("in", "0123456789")
        let reader = try FileReader(scratch.path("in"))
        try AtomicReplacement.replace(scratch.path("out")) { writer in
            try writer.write(Array("<".utf8))
            try writer.copy(from: reader, offset: 2, count: 5, chunkSize: 2)
            try writer.copy(from: reader, offset: 8, chunkSize: 3)
        }
        #expect(try scratch.text("out") == "<2345689")
    }

    @Test func leftoversAreRemovedAndEverythingElseKept() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(
            at: scratch.folder.appendingPathComponent("deep/.folder.tmp"), withIntermediateDirectories: true)
        for name in [".a.tmp-1-2.flac", "deep/.b.flac.tmp", "a.flac", ".hidden", "deep/notes.tmp"] {
            try scratch.write(name, "x")
        }
        #expect(Files.removeLeftovers(below: FilePath(scratch.folder.path)) == [".a.tmp-1-2.flac", "deep/.b.flac.tmp"])
        #expect(scratch.names == [".hidden", "a.flac", "deep"])
        let deep = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.appendingPathComponent("deep").path)
        #expect(deep.sorted() == [".folder.tmp", "notes.tmp"])
    }
}
