import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// The feeds as podcast apps read them: feedparser and podcastparser (real
/// parsers from PyPI, installed by scripts/setup.sh), the XML itself, and
/// ffprobe for the chapters inside the audio.
struct FeedTests {
    /// Every collection with tracks: its folder in the site and its scripts.
    static func collections(_ published: PublishedLibrary) throws -> [(path: String, scripts: [String], isPrivate: Bool)] {
        let links = try published.links()
        return [("", ["arriving.session"], false),
                (links["anna"] ?? "?", ["anna/evening.session"], true),
                (links[PublishedLibrary.hostileFolder] ?? "?", ["\(PublishedLibrary.hostileFolder)/hostile.session"], true)]
    }

    static func timeline(_ published: PublishedLibrary, _ script: String) throws -> Timeline {
        let url = published.library.appendingPathComponent(script)
        let result = ScriptLoader(inspector: AudioFileCatalogue()).load(url, libraryRoot: published.library)
        return try #require(result.timeline)
    }

    @Test func everyItemIsFoundWithItsEnclosureLengthDurationChaptersAndTranscript() async throws {
        let published = try await PublishedLibrary.shared.value
        #expect(published.result.status == 0, "\(published.result)")
        for collection in try Self.collections(published) {
            let folder = published.site.appendingPathComponent(collection.path)
            let feed = try #require(try ExternalTool.json("python3", [BrowserScripts.path("feed_check.py"),
                                                                      folder.appendingPathComponent("feed.xml").path]) as? [String: Any])
            let fp = try #require(feed["feedparser"] as? [String: Any])
            #expect(fp["bozo"] as? Bool == false)
            // Anna's practice sets `language: en-GB`; the others say nothing of theirs.
            #expect(fp["language"] as? String == (collection.scripts == ["anna/evening.session"] ? "en-GB" : nil), "\(fp)")
            let entries = try #require(fp["entries"] as? [[String: Any]])
            let episodes = try #require((feed["podcastparser"] as? [String: Any])?["episodes"] as? [[String: Any]])
            let items = try #require((feed["xml"] as? [String: Any])?["items"] as? [[String: Any?]])
            #expect(entries.count == collection.scripts.count && episodes.count == entries.count && items.count == entries.count)
            for (index, script) in collection.scripts.enumerated() {
                let timeline = try Self.timeline(published, script)
                let name = ((script as NSString).lastPathComponent as NSString).deletingPathExtension
                let base = PublishedLibrary.baseURL + (collection.path.isEmpty ? "" : collection.path + "/")
                let mp3 = folder.appendingPathComponent(name + ".mp3")
                let size = try #require(try FileManager.default.attributesOfItem(atPath: mp3.path)[.size] as? Int)
                let entry = entries[index], episode = episodes[index]
                #expect(entry["title"] as? String == timeline.tags.title)
                #expect(episode["title"] as? String == timeline.tags.title)
                // MP3 is listed second in `format:`, but it is the enclosure: it plays everywhere.
                let enclosure = try #require((entry["enclosures"] as? [[String: Any]])?.first)
                #expect(enclosure["href"] as? String == base + name + ".mp3")
                #expect(enclosure["length"] as? String == String(size))
                #expect(enclosure["type"] as? String == "audio/mpeg")
                let podcastEnclosure = try #require((episode["enclosures"] as? [[String: Any]])?.first)
                #expect(podcastEnclosure["length"] as? Int == size)
                #expect(abs(Double(episode["duration"] as? Int ?? -10) - timeline.seconds) <= 0.5)
                #expect(abs((Double(entry["duration"] as? String ?? "") ?? -10) - timeline.seconds) <= 0.5)
                #expect(episode["guid"] as? String == entry["id"] as? String)
                #expect((episode["published"] as? Int ?? 0) > 1_700_000_000)
                #expect(entry["chapters"] as? String == base + name + ".chapters.json")
                #expect(entry["transcript"] as? String == base + name + ".vtt")
                let xmlItem = items[index]
                #expect((xmlItem["chapters"] as? [String: String])?["type"] == "application/json+chapters")
                #expect((xmlItem["transcript"] as? [String: String])?["type"] == "text/vtt")
            }
            let xml = try #require(feed["xml"] as? [String: Any])
            for key in ["itunesBlock", "podcastBlock", "locked"] {
                #expect((xml[key] as? String != nil) == collection.isPrivate, "\(key) in \(collection.path)")
            }
        }
    }

    /// The chapters file a podcast app shows agrees with the chapters inside the
    /// audio, as ffprobe reads them from both formats, to the millisecond.
    @Test func chaptersFileMatchesTheChaptersInTheAudio() async throws {
        let published = try await PublishedLibrary.shared.value
        for collection in try Self.collections(published) {
            for script in collection.scripts {
                let name = ((script as NSString).lastPathComponent as NSString).deletingPathExtension
                let folder = published.site.appendingPathComponent(collection.path)
                let file = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name + ".chapters.json")))
                let json = try #require(file as? [String: Any])
                #expect(json["version"] as? String == "1.2.0")
                let chapters = try #require(json["chapters"] as? [[String: Any]])
                for format in ["mp3", "flac"] {
                    let probe = try #require(try ExternalTool.json("ffprobe", [
                        "-v", "error", "-show_chapters", "-of", "json", folder.appendingPathComponent("\(name).\(format)").path,
                    ]) as? [String: Any])
                    let inAudio = try #require(probe["chapters"] as? [[String: Any]])
                    #expect(inAudio.count == chapters.count && chapters.count == 2)
                    for (ours, theirs) in zip(chapters, inAudio) {
                        let start = Double(theirs["start_time"] as? String ?? "") ?? -1
                        #expect(abs((ours["startTime"] as? Double ?? -1) - start) < 0.0005, "\(name).\(format)")
                        #expect(ours["title"] as? String == (theirs["tags"] as? [String: String])?["title"])
                    }
                }
                let timeline = try Self.timeline(published, script)
                #expect(chapters.map { $0["title"] as? String } == timeline.chapters.map(\.title))
            }
        }
    }

    /// The transcript file is WebVTT with the `say` words, markup as text.
    @Test func transcriptIsWebVTTWithTheWords() async throws {
        let published = try await PublishedLibrary.shared.value
        let token = try #require(try published.links()[PublishedLibrary.hostileFolder])
        let vtt = try String(contentsOf: published.site.appendingPathComponent("\(token)/hostile.vtt"), encoding: .utf8)
        #expect(vtt.hasPrefix("WEBVTT\n"))
        #expect(vtt.contains("00:00:00.000 --> 00:00:01.500\n&lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; \"more\"\n"))
        #expect(!vtt.contains("<script>"))
    }
}
