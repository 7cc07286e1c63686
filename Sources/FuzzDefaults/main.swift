import Foundation
import FuzzSupport

/// libFuzzer target: the input is `library.defaults`, read with a fixed short
/// script that plays clips and a bed and marks a chapter, so the settings the
/// defaults give meet a script that uses them. See scripts/fuzz.sh.
enum Scratch {
    static let library: URL = {
        let library = Fuzz.library("defaults", defaults: false)
        Fuzz.write(Data("""
            title: Fuzz
            0:00 say welcome
            0:02 bed pink noise fade in 1s
            0:03 chapter Middle
            0:04 say breathe
            0:08 end
            """.utf8), to: library.appendingPathComponent("fuzz.session"))
        return library
    }()
}

Fuzz.run { bytes, count in
    let input = Fuzz.data(bytes, count)
    Fuzz.write(input, to: Scratch.library.appendingPathComponent("library.defaults"))
    Fuzz.resolveAndCheck(
        Scratch.library.appendingPathComponent("fuzz.session"), root: Scratch.library, text: input,
        file: "library.defaults", input: input)
    return 0
}
