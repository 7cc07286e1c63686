import Foundation

/// A gain moving linearly in dB, g(f) = 10^((start + slope·(f − origin))/20), filled
/// without a `pow` per frame: the gain is exact (one `exp`) at every `span`-th
/// frame counted from `origin`, and multiplied by the constant per-frame ratio
/// from there. Every value depends only on f (the anchor is f rounded down to a
/// multiple of `span` from `origin`, whatever the block), so block size never
/// changes a sample; the drift over `span` multiplications is below 1e-13.
struct DecibelRamp {
    static let span: Int64 = 256
    /// Natural-log gain at `origin` and per frame.
    private let logStart: Double
    private let logSlope: Double
    private let ratio: Double
    let origin: Int64

    /// - Parameters:
    ///   - start: dB at frame `origin`.
    ///   - slope: dB per frame.
    init(start: Double, slope: Double, origin: Int64) {
        let perDB = log(10.0) / 20
        logStart = start * perDB
        logSlope = slope * perDB
        ratio = exp(logSlope)
        self.origin = origin
    }

    /// Writes the gains of frames `frames` to `gain[0..<frames.count]`.
    func fill(_ frames: Range<Int64>, into gain: UnsafeMutablePointer<Float>) {
        var frame = frames.lowerBound
        var i = 0
        while frame < frames.upperBound {
            let within = (frame - origin) % Self.span
            let anchor = frame - (within < 0 ? within + Self.span : within)
            var g = exp(logStart + logSlope * Double(anchor - origin))
            for _ in anchor..<frame { g *= ratio }
            let runEnd = min(anchor + Self.span, frames.upperBound)
            while frame < runEnd {
                gain[i] = Float(g)
                g *= ratio
                frame += 1
                i += 1
            }
        }
    }
}
