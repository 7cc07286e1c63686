import Foundation

/// A take made in code, as a practitioner would record it in one go: phrases
/// spoken by espeak-ng (so each one's exact audio is known) with pauses
/// between them, and, kept apart so that tests can measure what cleaning did to
/// each, pink noise and mains hum mixed in.
public struct SpokenTake: Sendable {
    /// espeak-ng's own rate; no resampling keeps the known audio exact.
    public static let rate = 22050

    public struct Part: Sendable {
        public var text: String
        /// The phrase's audio alone, cut to where it is audible.
        public var audio: [Float]
        /// Where it starts in the take (frames).
        public var start: Int
        public var end: Int { start + audio.count }
    }

    public var parts: [Part] = []
    public var speech: [Float] = []
    public var noise: [Float] = []
    public var hum: [Float] = []

    public init() {}

    /// What was recorded: speech, and noise and hum when added.
    public var mixed: [Float] {
        noise.isEmpty ? speech : speech.indices.map { speech[$0] + noise[$0] + hum[$0] }
    }

    /// Appends `seconds` of silence, then `text` spoken (when given).
    public mutating func append(pause seconds: Double, _ text: String? = nil) throws {
        speech += [Float](repeating: 0, count: Int(seconds * Double(Self.rate)))
        guard let text else { return }
        let audio = try Self.speak(text)
        parts.append(Part(text: text, audio: audio, start: speech.count))
        speech += audio
    }

    /// Adds pink noise at `rms` dBFS and hum at `hertz` (with its 2nd and 3rd
    /// harmonics at −6 and −10 dB) at `humDB` dBFS peak, over the whole take.
    public mutating func addNoise(rmsDB: Double, humAt hertz: Double, humDB: Double, seed: UInt64 = 7) {
        var pink = Self.pink(count: speech.count, seed: seed)
        let scale = Float(pow(10, rmsDB / 20) / max(SignalAnalysis.rms(pink), 1e-12))
        pink = pink.map { $0 * scale }
        noise = pink
        let amplitude = pow(10, humDB / 20)
        hum = (0 ..< speech.count).map { i in
            let t = Double(i) / Double(Self.rate)
            return Float(amplitude * (sin(2 * .pi * hertz * t) + 0.5 * sin(2 * .pi * 2 * hertz * t + 0.3)
                + 0.32 * sin(2 * .pi * 3 * hertz * t + 1.1)))
        }
    }

    /// `text` as espeak-ng says it at a calm 140 words a minute, cut to where
    /// it rises above −50 dBFS.
    public static func speak(_ text: String) throws -> [Float] {
        let folder = try AudioFixtures.temporaryFolder("espeak")
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = folder.appendingPathComponent("phrase.wav")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["espeak-ng", "-s", "140", "-w", wav.path, text]
        try process.run()
        process.waitUntilExit()
        let samples = try WAVFile(contentsOf: wav).channel(0)
        let audible = samples.indices.filter { abs(samples[$0]) > 0.00316 }
        guard let first = audible.first, let last = audible.last else { return [] }
        return Array(samples[first ... last])
    }

    /// Pink noise (−3 dB an octave) from a seeded generator: Paul Kellett's
    /// filter over white noise.
    public static func pink(count: Int, seed: UInt64) -> [Float] {
        var state = seed
        var b = [Double](repeating: 0, count: 7)
        return (0 ..< count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let white = Double(Int64(bitPattern: state) >> 11) / Double(1 << 52)
            b[0] = 0.99886 * b[0] + white * 0.0555179
            b[1] = 0.99332 * b[1] + white * 0.0750759
            b[2] = 0.96900 * b[2] + white * 0.1538520
            b[3] = 0.86650 * b[3] + white * 0.3104856
            b[4] = 0.55000 * b[4] + white * 0.5329522
            b[5] = -0.7616 * b[5] - white * 0.0168980
            let out = b[0] + b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + white * 0.5362
            b[6] = white * 0.115926
            return Float(out)
        }
    }
}
