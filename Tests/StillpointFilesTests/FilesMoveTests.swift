import Foundation
import StillpointFiles
import SystemPackage
import Testing

/// `Files.move`, which `takes --replace` uses to keep an old clip in `.replaced/`:
/// the same bytes under the new name, nothing left under the old one.
struct FilesMoveTests {
    @Test func aMovedFileKeepsItsContentUnderTheNewNameOnly() throws {
        let scratch = try Scratch()
        try scratch.write("welcome.wav", "an old take")
        try Files.createFolder(scratch.path(".replaced"))
        try Files.move(scratch.path("welcome.wav"), to: scratch.path(".replaced/welcome.1.wav"))
        #expect(scratch.names == [".replaced"])
        #expect(try scratch.text(".replaced/welcome.1.wav") == "an old take")
    }
}
