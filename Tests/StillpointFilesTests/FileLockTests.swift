import Foundation
import StillpointFiles
import SystemPackage
import Testing

struct FileLockTests {
    @Test func aSecondHolderIsRefusedNamingTheLockFile() throws {
        let scratch = try Scratch()
        let path = scratch.path(".stillpoint-build.lock")
        var first: FileLock? = try FileLock(path)
        #expect(first?.path == path)

        let started = ContinuousClock.now
        let error = #expect(throws: FileError.self) { try FileLock(path, patience: .milliseconds(300)) }
        let waited = ContinuousClock.now - started
        #expect(error?.operation == .lock)
        #expect(error?.errno == .wouldBlock)
        #expect(error?.description == "cannot lock \(path): another process holds the lock")
        // It tried for about its patience before giving up.
        #expect(waited >= .milliseconds(200) && waited < .seconds(2))

        first = nil
        #expect(throws: Never.self) { try FileLock(path) }
        #expect(scratch.names == [".stillpoint-build.lock"])
    }

    @Test func aLockInAMissingFolderIsAnErrorNamingIt() throws {
        let scratch = try Scratch()
        let path = scratch.path("gone/.lock")
        let error = #expect(throws: FileError.self) { try FileLock(path) }
        #expect(error?.errno == .noSuchFileOrDirectory)
        #expect(error?.path == path)
    }
}
