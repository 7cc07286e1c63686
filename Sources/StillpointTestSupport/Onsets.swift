import Foundation

extension SignalAnalysis {
    /// Where sounds begin, in samples: the first sample of each stretch of `x`
    /// louder than `threshold` (dBFS, sample peak) that follows at least `quiet`
    /// samples below it. A percussive sound (a bell) is found within a few
    /// samples of its start: its attack reaches full level in milliseconds.
    public static func onsets(_ x: [Float], threshold: Double, quiet: Int) -> [Int] {
        let level = Float(pow(10, threshold / 20))
        var found: [Int] = []
        var lastLoud = -quiet - 1
        for (index, sample) in x.enumerated() where abs(sample) >= level {
            if index - lastLoud > quiet { found.append(index) }
            lastLoud = index
        }
        return found
    }
}
