import Foundation
import FuzzSupport
import StillpointBuild

/// libFuzzer target: the input is an output folder's `.stillpoint-build.json`,
/// read as `build` reads it. Whatever it holds, the reader gives a record (an
/// empty one when the file is unreadable), and a record it gives survives being
/// written and read again unchanged. See scripts/fuzz.sh.
enum Scratch {
    static let output = Fuzz.scratchFolder("record")
}

Fuzz.run { bytes, count in
    let input = Fuzz.data(bytes, count)
    let file = Scratch.output.appendingPathComponent(BuildRecord.fileName)
    Fuzz.write(input, to: file)
    let record = BuildRecord.load(from: Scratch.output).record
    guard let again = try? record.encoded() else { Fuzz.fail("a record read cannot be written", input) }
    Fuzz.write(again, to: file)
    if BuildRecord.load(from: Scratch.output).record != record { Fuzz.fail("a record changed on being written and read again", input) }
    return 0
}
