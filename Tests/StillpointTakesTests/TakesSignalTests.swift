import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) or SIGTERM while `takes` cuts a long take: the tool exits
/// 128 + the signal, and leaves no temporary file (neither a half clip in the
/// clips folder nor ffmpeg's decode of the phone's take), the clip recorded
/// before untouched, and every clip it did write whole.
struct TakesSignalTests {
    static let phrases = [
        "Welcome. This time is yours.", "Notice your breath, just as it is.", "Let your shoulders soften.",
        "Feel the weight of your hands.", "Let the jaw loosen a little.", "Rest your attention on the belly.",
        "Each breath arrives on its own.", "There is nothing to fix.", "Notice the sounds around you.",
        "Let them come and go.", "Feel the floor beneath you.", "Slowly begin to come back.",
    ]

    struct Stop: Sendable, CustomTestStringConvertible {
        var signal: Int32
        var name: String
        var testDescription: String { name }
    }

    @Test(arguments: [Stop(signal: SIGINT, name: "SIGINT"), Stop(signal: SIGTERM, name: "SIGTERM")])
    func aStoppedRunLeavesNoTemporaryFileAndTheOldClip(_ stop: Stop) async throws {
        let folder = try AudioFixtures.temporaryFolder("takes-signal")
        let clips = folder.appendingPathComponent("clips")
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        let lines = Self.phrases.enumerated().map { "say p\($0.offset + 1) \"\($0.element)\"\npause 2s" }
        try ("title: Long Rest\n" + lines.joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("rest.session"), atomically: true, encoding: .utf8)
        var take = SpokenTake()
        for phrase in Self.phrases { try take.append(pause: 1.5, phrase) }
        try take.append(pause: 1.0)
        take.addNoise(rmsDB: -55, humAt: 50, humDB: -45)
        try AudioFixtures.writeWAV(take.mixed, rate: SpokenTake.rate, to: folder.appendingPathComponent("take.wav"))
        // A phone's take: ffmpeg's decode of it is a temporary file for the whole run.
        try Self.ffmpeg(["-i", "take.wav", "-c:a", "aac", "-b:a", "96k", "take.m4a"], in: folder)
        try AudioFixtures.writeWAV(AudioFixtures.sine(frequency: 440, rate: 22050, frames: 22050), rate: 22050,
                                   to: clips.appendingPathComponent("p1.wav"))
        let recorded = try Data(contentsOf: clips.appendingPathComponent("p1.wav"))

        let running = try StillpointCommand.start(["takes", "rest.session", "take.m4a"], in: folder)
        let decoded = "stillpoint-take-\(running.processIdentifier)-"
        let names = { (try? FileManager.default.contentsOfDirectory(atPath: clips.path)) ?? [] }
        let decodes = {
            ((try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? [])
                .filter { $0.hasPrefix(decoded) }
        }
        // Stopped as soon as the first clip (or its hidden temporary file) appears,
        // so that it is caught in the middle of writing them. Polled by blocking this
        // thread, not by `Task.sleep`: with the other suites running, a sleeping task
        // was resumed only after the run had written every clip.
        var cutting = false
        for _ in 0 ..< 120_000 where running.isRunning {
            if names().contains(where: { $0.hasSuffix(".flac") }) { cutting = true; break }
            usleep(1000)
        }
        let decodeSeen = !decodes().isEmpty
        running.send(stop.signal)
        let result = await running.result()

        #expect(cutting && decodeSeen, "the run ended before it was caught writing clips: \(result)")
        #expect(!result.killed && result.status == 128 + stop.signal, "\(result)")
        let left = names()
        #expect(!left.contains { $0.hasPrefix(".") && $0.contains(".tmp") }, "\(left)")
        #expect(decodes().isEmpty, "ffmpeg's decode was left: \(decodes())")
        #expect(try Data(contentsOf: clips.appendingPathComponent("p1.wav")) == recorded)
        let written = left.filter { $0.hasSuffix(".flac") }
        #expect(written.count < Self.phrases.count - 1, "every clip was written before the signal: \(written)")
        for clip in written {
            let reader = try SoundFileReader(url: clips.appendingPathComponent(clip))
            #expect(reader.info.frames > Int64(SpokenTake.rate / 2), "\(clip) is not a whole clip")
        }
    }

    private static func ffmpeg(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg", "-v", "error"] + arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
    }
}
