import Foundation
import FuzzSupport

/// libFuzzer target: the input is a `.session` script at the root of a copy of
/// the sample library (its parts and `library.defaults` included, its
/// recordings answered by `FakeCatalogue`), parsed and resolved by
/// `ScriptLoader` as `check` does. See scripts/fuzz.sh.
enum Scratch {
    static let library = Fuzz.library("script", defaults: true)
}

Fuzz.run { bytes, count in
    let input = Fuzz.data(bytes, count)
    let script = Scratch.library.appendingPathComponent("fuzz.session")
    Fuzz.write(input, to: script)
    Fuzz.resolveAndCheck(script, root: Scratch.library, text: input, file: "fuzz.session", input: input)
    return 0
}
