import Foundation

/// The cleaning every clip gets (unless `--no-clean`), learned from the take's
/// own pauses and the same for every run: DC removed, a high-pass below the
/// voice (80 Hz, 4th order), the mains hum's lines notched, and broadband noise
/// gated (`SpectralGate`). Levels are left alone (`voice-level` sets them at
/// render time) and so are breaths: they belong in this kind of audio.
struct VoiceCleaner {
    let rate: Int
    let dc: Float
    /// The hum lines found, in Hz (empty when there is none).
    let hum: [Double]
    let gate: SpectralGate?
    let enabled: Bool

    static let highPass = 80.0
    /// Each notch's width in Hz: wide enough for a drifting mains frequency,
    /// narrow enough to take nothing a listener would miss.
    static let notchWidth = 4.0
    /// Pause audio learned from, at most: enough for a steady estimate.
    static let learnedSeconds = 30.0
    /// Audio run through the filters before a span, so they have settled when it starts.
    static let settle = 1.0

    /// Learns from up to 30 s of the take's pauses, spread across it.
    init(take: TakeAudio, map: SpeechMap, enabled: Bool) throws(TakesError) {
        rate = take.rate
        dc = map.mean
        self.enabled = enabled
        guard enabled else { hum = []; gate = nil; return }
        let pauses = map.pauses()
        let total = pauses.reduce(0) { $0 + Double($1.count) } / Double(rate)
        let stride = max(1, Int((total / Self.learnedSeconds).rounded(.up)))
        var audio: [[Float]] = []
        for (i, pause) in pauses.enumerated() where i % stride == 0 {
            audio.append(try take.read(pause).map { $0 - map.mean })
        }
        hum = HumSearch.frequencies(in: audio, rate: rate)
        var filtered: [[Float]] = []
        for var pause in audio {
            var filters = Self.filters(rate: rate, hum: hum)
            Biquad.run(&filters, over: &pause)
            // The filters' first moments are their own transient, not the take's noise.
            filtered.append(Array(pause.dropFirst(min(pause.count, rate / 10))))
        }
        gate = SpectralGate.learn(from: filtered, rate: rate)
    }

    private static func filters(rate: Int, hum: [Double]) -> [Biquad] {
        Biquad.highPass4(highPass, rate: rate) + hum.map { Biquad.notch($0, width: notchWidth, rate: rate) }
    }

    /// Take frames `range`, read with `settle` seconds before it and cleaned.
    func read(_ range: Range<Int64>, from take: TakeAudio) throws(TakesError) -> [Float] {
        guard enabled else { return try take.read(range) }
        let before = min(range.lowerBound, Int64(Self.settle * Double(rate)))
        var samples = try take.read(range.lowerBound - before ..< range.upperBound).map { $0 - dc }
        var filters = Self.filters(rate: rate, hum: hum)
        Biquad.run(&filters, over: &samples)
        if let gate { samples = gate.apply(samples) }
        return Array(samples[Int(before)...])
    }
}
