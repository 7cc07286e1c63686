import Foundation
import StillpointBuild
@testable import StillpointPublish
import StillpointTestSupport
import Testing

/// Publishing again, revoking a link, uploading, and what goes wrong: each test
/// on a small library of its own (two 2-second MP3 tracks, one public, one in
/// a client's folder).
struct SiteLifecycleTests {
    final class Space: Sendable {
        let folder: URL
        init() throws {
            folder = try AudioFixtures.temporaryFolder("stillpoint-site").resolvingSymlinksInPath()
            try Self.write(folder.appendingPathComponent("lib/library.defaults"), "format: mp3\n")
            try Self.write(folder.appendingPathComponent("lib/open.session"), "chapter One\ntone sine 440 Hz for 1s\npause 1s\n")
            try Self.write(folder.appendingPathComponent("lib/anna/rest.session"), "chapter Rest\npause 1s\ntone sine 330 Hz for 1s\npause 1s\n")
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        static func write(_ url: URL, _ text: String) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        var site: URL { folder.appendingPathComponent("output/site") }
        func publish(_ extra: String...) async throws -> CommandResult {
            try await StillpointCommand.run(["publish", "lib", "--base-url", "https://example.com/p/", "-j", "2"] + extra, in: folder)
        }
        func links() throws -> [String: String] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("lib/publish-links.json")))
            return (object as? [String: Any])?["links"] as? [String: String] ?? [:]
        }
        func published() throws -> [String: String] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("lib/publish-links.json")))
            return (object as? [String: Any])?["published"] as? [String: String] ?? [:]
        }
        /// Every file under `root` with its content hash and modification time.
        func snapshot(_ root: URL) -> [String: String] {
            var files: [String: String] = [:]
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let path = walker?.nextObject() as? String {
                let url = root.appendingPathComponent(path)
                guard let data = try? Data(contentsOf: url), (walker?.fileAttributes?[.type] as? FileAttributeType) == .typeRegular
                else { continue }
                let modified = (walker?.fileAttributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                files[path] = ContentHasher.hash(of: data) + " \(modified)"
            }
            return files
        }
    }

    @Test func publishingTwiceChangesNothingAndKeepsTheLinks() async throws {
        let space = try Space()
        let first = try await space.publish()
        #expect(first.status == 0, "\(first)")
        let links = try space.links()
        let before = space.snapshot(space.site)
        #expect(before.keys.contains("\(links["anna"] ?? "?")/rest.mp3") && before.keys.contains("open.mp3"))
        let second = try await space.publish()
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr.contains("build: 0 rendered, 2 up to date"))
        #expect(space.snapshot(space.site) == before)
        #expect(try space.links() == links)
        let token = try #require(links["anna"])
        #expect(LinkStore.isToken(token))
        #expect(token.count == 32)
    }

    /// A library built with `--subtitles` and published with it is one build:
    /// nothing is rendered again, and the subtitles stay beside the tracks.
    @Test func publishWithSubtitlesSharesTheBuildOfBuildWithSubtitles() async throws {
        let space = try Space()
        let build = try await StillpointCommand.run(["build", "lib", "--subtitles", "-j", "2"], in: space.folder)
        #expect(build.status == 0 && build.stderr.contains("build: 2 rendered"), "\(build)")
        let published = try await space.publish("--subtitles")
        #expect(published.status == 0 && published.stderr.contains("build: 0 rendered, 2 up to date"), "\(published)")
        #expect(FileManager.default.fileExists(atPath: space.folder.appendingPathComponent("output/anna/rest.vtt").path))
        let without = try await space.publish()
        #expect(without.status == 0 && without.stderr.contains("build: 2 rendered"), "a different build: \(without)")
    }

    @Test func aNewLinkRemovesTheOldFolderHereAndAtTheDestination() async throws {
        let space = try Space()
        let destination = space.folder.appendingPathComponent("uploaded")
        let first = try await space.publish("--to", destination.path)
        #expect(first.status == 0, "\(first)")
        let old = try #require(try space.links()["anna"])
        let dates = try space.published()
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("\(old)/index.html").path))
        let publicPage = try Data(contentsOf: space.site.appendingPathComponent("index.html"))

        let renewed = try await space.publish("--new-link", "anna", "--to", destination.path)
        #expect(renewed.status == 0, "\(renewed)")
        let new = try #require(try space.links()["anna"])
        #expect(new != old && LinkStore.isToken(new))
        for root in [space.site, destination] {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(old).path), "\(root.path)")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("\(new)/rest.mp3").path))
        }
        let feed = try String(contentsOf: space.site.appendingPathComponent("\(new)/feed.xml"), encoding: .utf8)
        #expect(feed.contains("https://example.com/p/\(new)/rest.mp3") && !feed.contains(old))
        #expect(try Data(contentsOf: space.site.appendingPathComponent("index.html")) == publicPage)
        #expect(try space.published() == dates)
        #expect(renewed.stderr.contains("revoked the link"))
    }

    @Test func aTrackIsHardLinkedIntoTheSite() async throws {
        let space = try Space()
        #expect(try await space.publish().status == 0)
        let inOutput = try FileManager.default.attributesOfItem(atPath: space.folder.appendingPathComponent("output/open.mp3").path)
        let inSite = try FileManager.default.attributesOfItem(atPath: space.site.appendingPathComponent("open.mp3").path)
        #expect(inOutput[.systemFileNumber] as? Int == inSite[.systemFileNumber] as? Int)
    }

    @Test func badInputStopsBeforeTheSiteChanges() async throws {
        let space = try Space()
        #expect(try await space.publish().status == 0)
        let before = space.snapshot(space.site)

        let url = try await StillpointCommand.run(["publish", "lib", "--base-url", "example.com"], in: space.folder)
        #expect(url.status == 64 && url.stderr.contains("--base-url example.com"))

        let unknown = try await space.publish("--new-link", "bob")
        #expect(unknown.status == 1 && unknown.stderr.contains("--new-link bob: no top-level folder"), "\(unknown)")

        try Space.write(space.folder.appendingPathComponent("lib/anna/broken.session"), "sya hello\n")
        let broken = try await space.publish()
        #expect(broken.status == 1 && broken.stderr.contains("the site is left as it was"), "\(broken)")
        try FileManager.default.removeItem(at: space.folder.appendingPathComponent("lib/anna/broken.session"))
        #expect(space.snapshot(space.site) == before)

        let links = space.folder.appendingPathComponent("lib/publish-links.json")
        let saved = try Data(contentsOf: links)
        try Data("{ not json".utf8).write(to: links)
        let damaged = try await space.publish()
        #expect(damaged.status == 1 && damaged.stderr.contains("publish-links.json"), "\(damaged)")
        #expect(try Data(contentsOf: links) == Data("{ not json".utf8))
        try saved.write(to: links)
        #expect(space.snapshot(space.site) == before)
    }

    @Test func aSiteFolderThatCannotBeWrittenIsNamed() async throws {
        let space = try Space()
        try Space.write(space.folder.appendingPathComponent("blocker"), "a file, not a folder\n")
        let blocked = try await space.publish("--site", "blocker/site")
        #expect(blocked.status == 1 && blocked.stderr.contains("cannot write the site folder \(space.folder.path)/blocker/site"), "\(blocked)")

        try Space.write(space.folder.appendingPathComponent("mine/notes.txt"), "my own notes\n")
        let foreign = try await space.publish("--site", "mine")
        #expect(foreign.status == 1 && foreign.stderr.contains("did not write"), "\(foreign)")
        #expect(FileManager.default.fileExists(atPath: space.folder.appendingPathComponent("mine/notes.txt").path))
    }

    /// Permissions do not bind root, so this runs only for other users.
    @Test(.enabled(if: getuid() != 0)) func aReadOnlySiteFolderIsNamedAndLeftAsItWas() async throws {
        let space = try Space()
        #expect(try await space.publish().status == 0)
        try Space.write(space.folder.appendingPathComponent("lib/second.session"), "pause 1s\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: space.site.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: space.site.path) }
        let before = space.snapshot(space.site)
        let result = try await space.publish()
        #expect(result.status == 1 && result.stderr.contains("cannot write the site folder \(space.site.path)"), "\(result)")
        #expect(space.snapshot(space.site) == before)
    }

    @Test func publishNeverWritesThroughASymbolicLink() async throws {
        let space = try Space()
        #expect(try await space.publish().status == 0)
        let token = try #require(try space.links()["anna"])
        let outside = space.folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: space.site.appendingPathComponent(token))
        try FileManager.default.createSymbolicLink(at: space.site.appendingPathComponent(token), withDestinationURL: outside)
        let result = try await space.publish()
        #expect(result.status == 1 && result.stderr.contains("is a symbolic link"), "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func uploadingWithoutRsyncSaysSo() async throws {
        let space = try Space()
        let result = try ExternalTool.run(
            StillpointCommand.binary.path, ["publish", "lib", "--base-url", "https://example.com/p/", "--to", "somewhere"],
            in: space.folder, environment: ["PATH": space.folder.path])
        #expect(result.status == 1 && result.stderr.contains("--to needs rsync"), "\(result)")
    }
}
