import Foundation
import StillpointTestSupport
import Testing

/// A short library made in code and published with the real `stillpoint
/// publish`, shared by the tests that only read what it wrote: three tracks of
/// 6–9 s in MP3 and FLAC with a cover, one at the top (public), one in a
/// client's folder and one in a folder whose name, title, description,
/// chapter and words are all hostile markup.
struct PublishedLibrary: Sendable {
    let folder: URL
    let result: CommandResult
    static let baseURL = "https://example.com/practice/"
    static let hostileFolder = "\"><img src=x onerror=alert(1)>"
    static let hostileTitle = "</title><script>alert(1)</script>"
    static let hostileWords = "<script>window.pwned = 1</script> & \"more\""

    /// Published once for the whole test run.
    static let shared = Task { try await PublishedLibrary(label: "stillpoint-publish") }

    var library: URL { folder.appendingPathComponent("library") }
    var site: URL { folder.appendingPathComponent("output/site") }
    var output: URL { folder.appendingPathComponent("output") }

    /// The folder → token map of `publish-links.json`.
    func links() throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: library.appendingPathComponent("publish-links.json")))
        return (object as? [String: Any])?["links"] as? [String: String] ?? [:]
    }

    init(label: String) async throws {
        folder = try AudioFixtures.temporaryFolder(label).resolvingSymlinksInPath()
        try Self.writeLibrary(in: folder.appendingPathComponent("library"))
        result = try await StillpointCommand.run(
            ["publish", "library", "--base-url", Self.baseURL, "-j", "2"], in: folder)
    }

    /// The scripts, clips (tones standing in for a voice) and a cover made by ffmpeg.
    static func writeLibrary(in library: URL) throws {
        func write(_ path: String, _ text: String) throws {
            let url = library.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: library.appendingPathComponent("clips"), withIntermediateDirectories: true)
        for (name, seconds, hertz) in [("welcome", 1.5, 300.0), ("rest", 2.0, 350.0), ("bye", 1.2, 400.0)] {
            let samples = AudioFixtures.sine(frequency: hertz, amplitude: 0.3, rate: 48000, frames: Int(seconds * 48000))
            try AudioFixtures.writeWAV(samples, rate: 48000, to: library.appendingPathComponent("clips/\(name).wav"))
        }
        try FileManager.default.createDirectory(at: library.appendingPathComponent("art"), withIntermediateDirectories: true)
        let cover = try ExternalTool.run("ffmpeg", [
            "-loglevel", "error", "-f", "lavfi", "-i", "gradients=s=320x320:c0=0x2f5d62:c1=0xe3efe9:seed=7",
            "-frames:v", "1", "-y", library.appendingPathComponent("art/cover.jpg").path])
        guard cover.status == 0 else { throw ExternalTool.ToolFailure(description: "ffmpeg: \(cover)") }
        try write("library.defaults", """
            artist: Stillpoint Bodywork
            album: Between Sessions
            comment: Home practice between appointments.
            format: flac, mp3
            cover: art/cover.jpg

            """)
        try write("arriving.session", """
            title: Arriving
            chapter Welcome
            say welcome "Welcome. This time is yours."
            pause 1s
            chapter Resting
            say rest "Let the floor hold you."
            pause 1s
            say bye "Slowly, come back to the room."
            end +2s

            """)
        try write("anna/evening.session", """
            title: Evening Rest for Anna
            language: en-GB
            chapter Settling
            say rest "Let the floor hold you."
            pause 2s
            chapter Returning
            say bye "Goodbye for now."
            end +2s

            """)
        try write("\(hostileFolder)/hostile.session", """
            title: "\(hostileTitle)"
            comment: "<b>bold</b> & \\"quotes\\" <img src=x onerror=alert(2)>"
            chapter <i>Opening</i> & "more"
            say welcome "\(hostileWords.replacingOccurrences(of: "\"", with: "\\\""))"
            pause 1s
            chapter </nav><script>alert(3)</script>
            say bye "It's <done>."
            end +2s

            """)
    }
}

/// Paths inside the test target, for the Python helpers.
enum BrowserScripts {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}
