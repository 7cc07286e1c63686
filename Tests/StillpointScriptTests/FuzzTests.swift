import Foundation
import StillpointScript
import Testing

/// Valid scripts mutated at random (deterministic seeds): whatever comes out,
/// the loader must not crash or hang, and every problem must be a diagnostic
/// pointing inside the file. STILLPOINT_FUZZ_CASES raises the number of cases.
@Suite struct FuzzTests {
    /// A small, fast generator (SplitMix64) so that a seed always gives the same script.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds = [
        GoldenTests.example,
        "rate: 44100\nsound s = sine 10 Hz -> 20 Hz over 3m level -30 dB -> -20 dB over 1m\nbed a = s pan -1 -> 1 over 5s\nrepeat 3:\n    say welcome \"Hi \\\"there\\\"\" trim from 0.1s to 0.5s\n    repeat 2:\n\tpause 250ms\nstop a fade 2s\ntone isochronic 300 Hz pulse 8 Hz for 2s noduck\nat 1:02.5 play ocean.flac loop for 3s\nend +1m30s\n",
        "include parts/p.session\nchapter One\n0:04 say welcome\nbreathe in 1s out 1s times 3\nplay bell 2 kHz\n",
    ]

    /// Pieces a mutation may insert: keywords, punctuation, numbers, units and edge cases.
    static let fragments = [
        "repeat 9:", "repeat 10000:", "\n    ", "\t", " ", ":", "=", "->", "\"", "\\", "#", "+", "-", "at", "0:", "99:59",
        "1e9", "0", "-1", ".5", "Hz", "kHz", "dB", "LUFS", "ms", "h", "say", "pause", "play", "bed", "stop", "tone",
        "include parts/p.session", "include main.session", "chapter", "end", "sound", "loop", "for", "fade", "level",
        "pan", "from", "to", "trim", "noduck", "times", "\r", "\u{FEFF}", "é", "“", "\n", "12:00:00",
    ]

    static func mutate(_ text: String, _ random: inout SplitMix) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !characters.isEmpty:
                characters.removeSubrange(position..<min(characters.count, position + Int.random(in: 1...8, using: &random)))
            case 1:
                characters.insert(contentsOf: Array(fragments.randomElement(using: &random) ?? ""), at: position)
            case 2 where !characters.isEmpty:
                let from = Int.random(in: 0..<characters.count, using: &random)
                characters.insert(contentsOf: characters[from..<min(characters.count, from + 12)], at: position)
            default:
                if !characters.isEmpty { characters[position] = Array(fragments.randomElement(using: &random) ?? "x")[0] }
            }
        }
        return String(characters)
    }

    static var caseCount: Int {
        ProcessInfo.processInfo.environment["STILLPOINT_FUZZ_CASES"].flatMap(Int.init) ?? 2000
    }

    @Test func mutatedScriptsNeverCrashAndEveryProblemIsInsideTheFile() throws {
        let library = try TestLibrary(
            clips: ["welcome.flac": 1, "supported.wav": 1, "just-notice.flac": 1, "return.flac": 1],
            files: ["parts/p.session": "pause 1s\n"], audio: ["ocean.flac": 1])
        let loader = ScriptLoader(inspector: library.inspector)
        let script = URL(fileURLWithPath: "main.session", relativeTo: URL(fileURLWithPath: library.root.path, isDirectory: true))
        var random = SplitMix(state: 2026)
        for index in 0..<Self.caseCount {
            let seed = Self.seeds[index % Self.seeds.count]
            let text = Self.mutate(seed, &random)
            try library.write("main.session", text)
            let started = Date()
            let result = loader.load(script, libraryRoot: library.root)
            // LF, CR and CRLF all end lines (a CRLF counts twice here: an upper bound).
            let lineCount = max(1, text.unicodeScalars.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }).count)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location != nil, "case \(index): a script problem is always located")
                guard let location = diagnostic.location, location.file == "main.session" else { continue }
                #expect((1...lineCount).contains(location.line), "case \(index): \(diagnostic)\n\(text)")
                #expect(location.column >= 1, "case \(index): \(diagnostic)")
                if let line = diagnostic.sourceLine {
                    let width = line.reduce(1) { $1 == "\t" ? (($0 - 1) / 4 + 1) * 4 + 1 : $0 + 1 }
                    #expect(location.column <= width, "case \(index): \(diagnostic)\n\(text)")
                }
            }
            #expect((result.timeline == nil) == result.hasErrors, "case \(index)")
            #expect(Date().timeIntervalSince(started) < 10, "case \(index) took too long:\n\(text)")
        }
    }
}
