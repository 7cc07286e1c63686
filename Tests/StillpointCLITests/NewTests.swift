import Foundation
import StillpointTestSupport
import Testing

/// `stillpoint new`: a first session in one step, from a template that checks
/// cleanly and renders; never overwriting, never writing outside the folder.
struct NewTests {
    /// The templates as shipped: every .session file in Sources/stillpoint/Templates.
    static let shipped: [String] = {
        let folder = StillpointCommand.packageRoot.appendingPathComponent("Sources/stillpoint/Templates")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".session") }.map { String($0.dropLast(".session".count)) }.sorted()
    }()

    /// The length each template's first line promises ("About five minutes"), in minutes.
    static let promised: [String: Double] = ["settle": 3, "body-scan": 5, "breathing": 4, "sleep": 10]

    @Test func theListShowsEveryTemplateWithWhatItIsFor() async throws {
        let space = try TemporaryLibrary()
        let result = try await space.run("new", "--list")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.map { String($0.prefix { $0 != " " }) }.sorted() == Self.shipped)
        #expect(lines.allSatisfy { $0.split(separator: " ", omittingEmptySubsequences: true).count > 4 }, "\(result)")
        #expect(Set(Self.shipped).isSuperset(of: Self.promised.keys) && Self.shipped.contains("empty"))
    }

    /// Each template: written with its title from the name, checks with no problem
    /// at all (missing recordings aside, as a draft), lasts about what it promises,
    /// and renders as a draft to a track of exactly the timeline's length at the
    /// loudness it asks for. The library.defaults that `new` writes is given
    /// `rate: 8000` so that the debug build renders in seconds; the script is as shipped.
    @Test(arguments: shipped)
    func aTemplateChecksCleanlyAndRenders(_ template: String) async throws {
        let space = try TemporaryLibrary()
        let made = try await space.run("new", "my-practice", "--template", template)
        #expect(made.status == 0, "\(made)")
        #expect(made.stderr.contains("wrote my-practice.session (template \(template))"), "\(made)")
        #expect(made.stderr.contains("wrote library.defaults"), "\(made)")
        let script = try String(contentsOf: space.url("my-practice.session"), encoding: .utf8)
        #expect(script.contains("\ntitle: \"My Practice\"\n"))
        #expect(script.hasPrefix("# "), "a template opens by saying what it is for")

        let check = try await space.run("check", "--draft", "my-practice.session")
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr == "checked 1 script: no problems\n", "\(check)")

        try Data(("rate: 8000\n" + (try String(contentsOf: space.url("library.defaults"), encoding: .utf8))).utf8)
            .write(to: space.url("library.defaults"))
        let timeline = try await space.run("timeline", "--draft", "--json", "my-practice.session")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(timeline.stdout.utf8)) as? [String: Any])
        let length = try #require(document["length"] as? [String: Any])
        let (seconds, frames) = (try #require(length["seconds"] as? Double), try #require(length["frames"] as? Int))
        if let minutes = Self.promised[template] {
            #expect(abs(seconds / 60 - minutes) <= minutes * 0.25, "\(template) lasts \(seconds) s")
        }

        let render = try await space.run("render", "--draft", "--format", "wav", "my-practice.session")
        #expect(render.status == 0, "\(render)")
        #expect(try space.wav("output/my-practice.wav").frames == frames, "\(render)")
        let targetLoudness = template == "sleep" ? "-23" : "-18"
        #expect(render.stderr.contains(", \(targetLoudness).") || seconds < 15, "\(render)")
    }

    /// Never overwrites: a second `new` with the same name fails and leaves the
    /// first file as it was; library.defaults already there is left alone too.
    @Test func nothingIsEverOverwritten() async throws {
        let space = try TemporaryLibrary()
        try space.write("library.defaults", "artist: Me\n")
        #expect(try await space.run("new", "rest").status == 0)
        #expect(try String(contentsOf: space.url("library.defaults"), encoding: .utf8) == "artist: Me\n")
        try space.write("rest.session", "say mine\n")
        let again = try await space.run("new", "rest", "--template", "sleep")
        #expect(again.status != 0)
        #expect(again.stderr.contains("rest.session is already there"), "\(again)")
        #expect(try String(contentsOf: space.url("rest.session"), encoding: .utf8) == "say mine\n")
    }

    /// Inside a library's sub-folder no library.defaults is written, which would
    /// make the sub-folder a library of its own.
    @Test func insideALibraryNoDefaultsAreAdded() async throws {
        let space = try TemporaryLibrary()
        try space.write("lib/library.defaults", "artist: Me\n")
        try FileManager.default.createDirectory(at: space.url("lib/sleep"), withIntermediateDirectories: true)
        let result = try await StillpointCommand.run(["new", "night", "--template", "sleep"], in: space.url("lib/sleep"))
        #expect(result.status == 0, "\(result)")
        #expect(space.files(under: "lib") == ["library.defaults", "sleep/night.session"])
    }

    /// Names that would leave the folder, hide the file, or are not names at all.
    @Test(arguments: ["../escape", "sub/dir", "/tmp/abs", ".hidden", "..", "", "a\\b", "tab\tname"])
    func aNameThatLeavesTheFolderIsRefused(_ name: String) async throws {
        let space = try TemporaryLibrary()
        let result = try await space.run("new", name)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("is not a name for a script in this folder"), "\(result)")
        #expect(space.files(under: ".").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: space.root.deletingLastPathComponent().appendingPathComponent("escape.session").path))
    }

    @Test func anUnknownTemplateListsTheKnownOnes() async throws {
        let space = try TemporaryLibrary()
        let result = try await space.run("new", "x", "--template", "nap")
        #expect(result.status == 64)
        #expect(result.stderr.contains("there is no template `nap`; the templates are settle, body-scan"), "\(result)")
        #expect(space.files(under: ".").isEmpty)
    }
}
