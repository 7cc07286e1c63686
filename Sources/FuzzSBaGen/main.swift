import Foundation
import FuzzSupport
import StillpointSBaGen
import StillpointScript

/// libFuzzer target: the input is an SBaGen schedule, `fuzz.sbg` in a scratch
/// folder with a mix-in file beside it (`river1.ogg`, answered by
/// `FakeCatalogue`) and one in `assets/`, loaded as `check FILE.sbg` does:
/// imported, its session text resolved at the schedule's path, every problem
/// moved back onto a schedule line. Beyond `Fuzz.check`'s invariants, every
/// diagnostic must be located in the schedule (a problem of the written session
/// text that escaped relocation would point at lines the user never wrote), and
/// importing twice must write the same text. See scripts/fuzz.sh.
enum Scratch {
    static let folder: URL = {
        let folder = Fuzz.scratchFolder("sbagen")
        try! FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        for mix in ["river1.ogg", "assets/river2.ogg"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(mix).path, contents: Data())
        }
        return folder
    }()
    static let schedule = folder.appendingPathComponent("fuzz.sbg")
    static let loader = ScriptLoader(inspector: FakeCatalogue())
}

Fuzz.run { bytes, count in
    let input = Fuzz.data(bytes, count)
    Fuzz.write(input, to: Scratch.schedule)
    let result = SBaGenImport.load(Scratch.schedule, with: Scratch.loader)
    Fuzz.check(result, text: input, file: "fuzz.sbg", input: input)
    for diagnostic in result.diagnostics where diagnostic.location?.file != Scratch.schedule.relativePath {
        Fuzz.fail("not located in the schedule: \(diagnostic)", input)
    }
    if SBaGenImport.importSchedule(Scratch.schedule).session.text != SBaGenImport.importSchedule(Scratch.schedule).session.text {
        Fuzz.fail("two imports wrote different sessions", input)
    }
    return 0
}
