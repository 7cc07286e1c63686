import Foundation
import StillpointFiles
import SystemPackage
import StillpointTestSupport
import Testing

struct AtomicReplacementTests {
    @Test func replacesTheContentAndLeavesNoTemporaryFile() throws {
        let scratch = try Scratch()
        try scratch.write("a.json", "old")
        try AtomicReplacement.write(Array("new".utf8), to: scratch.path("a.json"))
        #expect(try scratch.text("a.json") == "new")
        #expect(scratch.names == ["a.json"])
    }

    /// The temporary file is hidden, marked, beside the target, and keeps the
    /// extension last, so libsndfile picks the format from it and a build sweeps it up.
    @Test(arguments: [("out/a.flac", "flac"), ("out/.stillpoint-build.json", "json"), ("out/notes", nil)])
    func temporaryNamesAreRecognisableLeftovers(destination: String, kept: String?) {
        let replacement = AtomicReplacement(destination: FilePath(destination))
        let name = replacement.temporary.lastComponent!
        #expect(replacement.temporary.removingLastComponent() == "out")
        if let kept { #expect(name.extension == kept) } else { #expect(name.string.hasPrefix(".notes.tmp-")) }
        #expect(AtomicReplacement.isLeftover(name.string))
        #expect(!AtomicReplacement.isLeftover(FilePath(destination).lastComponent!.string))
        #expect(AtomicReplacement(destination: FilePath(destination)).temporary != replacement.temporary)
    }

    @Test func anErrorOfTheWriterLeavesTheOldFileAndIsThrownUnchanged() throws {
        struct Damaged: Error, Equatable {}
        let scratch = try Scratch()
        try scratch.write("a.ogg", "earlier")
        #expect(throws: Damaged()) {
            try AtomicReplacement.replace(scratch.path("a.ogg")) { writer in
                try writer.write(Array("half".utf8))
                throw Damaged()
            }
        }
        #expect(try scratch.text("a.ogg") == "earlier")
        #expect(scratch.names == ["a.ogg"])
    }

    /// libsndfile writes the temporary file by path; `commit` flushes and moves it.
    @Test func aFileWrittenByPathIsCommitted() throws {
        let scratch = try Scratch()
        try scratch.write("track.flac", "earlier")
        let replacement = AtomicReplacement(destination: scratch.path("track.flac"))
        try Data("rendered".utf8).write(to: URL(fileURLWithPath: replacement.temporary.string))
        try replacement.commit()
        #expect(try scratch.text("track.flac") == "rendered")
        #expect(scratch.names == ["track.flac"])
    }

    @Test func committingWhatWasNeverWrittenFailsAndKeepsTheOldFile() throws {
        let scratch = try Scratch()
        try scratch.write("track.flac", "earlier")
        let replacement = AtomicReplacement(destination: scratch.path("track.flac"))
        let error = #expect(throws: FileError.self) { try replacement.commit() }
        #expect(error?.errno == .noSuchFileOrDirectory)
        #expect(error?.path == scratch.path("track.flac"))
        #expect(try scratch.text("track.flac") == "earlier")
    }

    /// A full device and a read-only one refuse root as well: the old file stays
    /// whole, no temporary file is left, and the error says which and why.
    @Test(.enabled(if: SmallDevice.canMount, "needs the right to mount a tmpfs"),
          arguments: [Errno.noSpace, .readOnlyFileSystem])
    func aRefusingDeviceKeepsTheOldFile(_ expected: Errno) throws {
        let device = try SmallDevice()
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: device.path("a.flac").string))
        if expected == .readOnlyFileSystem { try #require(device.makeReadOnly()) }
        let tooBig = [UInt8](repeating: 7, count: 256 << 10)
        let error = #expect(throws: FileError.self) { try AtomicReplacement.write(tooBig, to: device.path("a.flac")) }
        #expect(error?.operation == .write)
        #expect(error?.errno == expected)
        #expect(error?.path == device.path("a.flac"))
        let reason = expected == .noSpace ? "no space left on the device" : "the file system is read-only"
        #expect(error?.description == "cannot write \(device.path("a.flac")): \(reason)")
        #expect(try String(contentsOfFile: device.path("a.flac").string, encoding: .utf8) == "earlier")
        #expect(device.names == ["a.flac"])
    }
}
