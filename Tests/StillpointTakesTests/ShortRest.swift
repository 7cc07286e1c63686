import Foundation
import StillpointTestSupport

/// The practice the command's tests cut: a script of two phrases with an empty
/// clips folder beside it, and one take reading both, with noise and 50 Hz hum.
enum ShortRest {
    /// Writes `rest.session` and `clips/` into `library` and the take to `take`.
    @discardableResult
    static func write(in library: URL, take url: URL) throws -> SpokenTake {
        try FileManager.default.createDirectory(at: library.appendingPathComponent("clips"), withIntermediateDirectories: true)
        try """
            title: Short Rest
            format: wav
            say welcome "Welcome. This time is yours."
            pause 2s
            say breath "Notice your breath, just as it is."

            """.write(to: library.appendingPathComponent("rest.session"), atomically: true, encoding: .utf8)
        var take = SpokenTake()
        try take.append(pause: 1.0, "Welcome. This time is yours.")
        try take.append(pause: 1.5, "Notice your breath, just as it is.")
        try take.append(pause: 1.0)
        take.addNoise(rmsDB: -55, humAt: 50, humDB: -45)
        try AudioFixtures.writeWAV(take.mixed, rate: SpokenTake.rate, to: url)
        return take
    }
}
