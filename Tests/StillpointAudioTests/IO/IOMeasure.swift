import Foundation

/// Small measurements for the IO tests (namespaced to keep the test target's global
/// names free for other suites).
enum IOMeasure {
    /// One channel of interleaved samples.
    static func channel(_ samples: [Float], _ channel: Int, of channels: Int) -> [Float] {
        stride(from: channel, to: samples.count, by: channels).map { samples[$0] }
    }

    /// Frequency from upward zero crossings over `samples` at `rate`.
    static func frequency(_ samples: [Float], rate: Int) -> Double {
        var crossings: [Int] = []
        for i in 1 ..< samples.count where samples[i - 1] < 0 && samples[i] >= 0 { crossings.append(i) }
        guard let first = crossings.first, let last = crossings.last, crossings.count > 1 else { return 0 }
        return Double(crossings.count - 1) * Double(rate) / Double(last - first)
    }

    /// RMS level in dB relative to full scale (a full-scale sine is −3.01 dB).
    static func rmsDB(_ samples: [Float]) -> Double {
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return 10 * log10(sum / Double(max(samples.count, 1)))
    }

    static func peak(_ samples: [Float]) -> Float {
        samples.reduce(0) { max($0, abs($1)) }
    }

    /// The middle half of a buffer, away from codec start-up and fade effects.
    static func middle(_ samples: [Float]) -> [Float] {
        Array(samples[samples.count / 4 ..< samples.count * 3 / 4])
    }
}

extension IOMeasure {
    /// How often `text` (as UTF-8) occurs in `bytes`; binary files are searched as
    /// bytes because decoding them as text merges stray bytes into characters.
    static func occurrences(of text: String, in bytes: [UInt8]) -> Int {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return 0 }
        var count = 0
        for start in 0 ... bytes.count - needle.count where bytes[start] == needle[0] {
            if bytes[start ..< start + needle.count].elementsEqual(needle) { count += 1 }
        }
        return count
    }
}
