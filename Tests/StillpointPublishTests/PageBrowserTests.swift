import Foundation
import StillpointScript
import StillpointTestSupport
import Testing

/// Each published page in headless Chromium (Debian's `chromium` and
/// `chromium-driver`, driven by Selenium; installed by scripts/setup.sh),
/// served by a local server that answers byte ranges as any web host does.
/// What is measured comes from the browser; what it must be, from the timeline.
struct PageBrowserTests {
    /// Where the screenshots are kept: `.build/publish-screenshots/<page>/{phone,desktop}.png`.
    static let screenshots = StillpointCommand.packageRoot.appendingPathComponent(".build/publish-screenshots")

    @Test func playersSeekAndTheTranscriptFollowsInChromium() async throws {
        let published = try await PublishedLibrary.shared.value
        #expect(published.result.status == 0, "\(published.result)")
        for collection in try FeedTests.collections(published) {
            let timelines = try collection.scripts.map { try FeedTests.timeline(published, $0) }
            // Every phrase at its middle is marked; in a pause of half a second or more, none is.
            var probes: [[Any]] = [], expected: [[String]] = []
            for (index, timeline) in timelines.enumerated() {
                let rate = Double(timeline.rate)
                let says = timeline.events.filter { $0.kind == .say }
                for (n, say) in says.enumerated() {
                    probes.append([index, Double(say.start + say.end) / 2 / rate])
                    expected.append([say.text ?? ""])
                    if n + 1 < says.count, Double(says[n + 1].start - say.end) / rate >= 0.5 {
                        probes.append([index, Double(say.end + says[n + 1].start) / 2 / rate])
                        expected.append([])
                    }
                }
            }
            let page = collection.path.isEmpty ? "index.html" : collection.path + "/index.html"
            let shots = Self.screenshots.appendingPathComponent(collection.path.isEmpty ? "public" : String(collection.path.prefix(6)))
            let probeJSON = String(decoding: try JSONSerialization.data(withJSONObject: ["times": probes]), as: UTF8.self)
            let seen = try #require(try ExternalTool.json("python3", [
                BrowserScripts.path("page_check.py"), published.site.path, page, shots.path, probeJSON,
            ]) as? [String: Any])
            print("screenshots of \(page): \(shots.path)")

            try Self.expectPlayersAndChapters(seen, key: "chapters", of: timelines, page: page)
            #expect(seen["marks"] as? [[String]] == expected, "\(page)")
            #expect(seen["consoleErrors"] as? [String] == [], "\(page)")
            #expect(seen["dialogOpened"] as? Bool == false)
            #expect(seen["injected"] as? Int == 0)
            let title = collection.path.isEmpty ? "Between Sessions"
                : collection.scripts[0].split(separator: "/").first.map(String.init) ?? ""
            #expect(seen["documentTitle"] as? String == title)
            let headings = try #require(seen["headings"] as? [String])
            #expect(headings == [title] + timelines.map { $0.tags.title ?? "" })
            for name in ["phone.png", "desktop.png"] {
                #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent(name).path))
            }
        }
    }

    /// With JavaScript switched off, as some clients browse: every player still
    /// plays the whole track, every phrase of the transcript is shown, and each
    /// chapter link, followed as a plain link to the file at `#t=`, starts it at
    /// its chapter.
    @Test func thePageWorksWithoutJavaScriptInChromium() async throws {
        let published = try await PublishedLibrary.shared.value
        #expect(published.result.status == 0, "\(published.result)")
        for collection in try FeedTests.collections(published) {
            let timelines = try collection.scripts.map { try FeedTests.timeline(published, $0) }
            let page = collection.path.isEmpty ? "index.html" : collection.path + "/index.html"
            let seen = try #require(try ExternalTool.json("python3", [
                BrowserScripts.path("nojs_check.py"), published.site.path, page,
            ]) as? [String: Any])
            #expect(seen["pageScriptRan"] as? Bool == false, "\(page): the page's script ran, so this is not a page without JavaScript")
            let phrases = timelines.map { $0.events.filter { $0.kind == .say && !($0.text ?? "").isEmpty }.count }
            #expect(seen["phrasesShown"] as? [Int] == phrases, "\(page)")
            try Self.expectPlayersAndChapters(seen, key: "chapterStarts", of: timelines, page: page)
        }
    }

    /// Every player's length, and where each chapter link put the player (`key`
    /// in what the browser saw), within 0.1 s of the timelines'.
    static func expectPlayersAndChapters(
        _ seen: [String: Any], key: String, of timelines: [Timeline], page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let durations = try #require(seen["durations"] as? [Double], sourceLocation: sourceLocation)
        #expect(durations.count == timelines.count, sourceLocation: sourceLocation)
        for (duration, timeline) in zip(durations, timelines) {
            #expect(abs(duration - timeline.seconds) <= 0.1, "\(page): the player reports \(duration) s for \(timeline.seconds) s",
                    sourceLocation: sourceLocation)
        }
        let landed = try #require(seen[key] as? [[Double]], sourceLocation: sourceLocation)
        for (times, timeline) in zip(landed, timelines) {
            let starts = timeline.chapters.map { Double($0.start) / Double(timeline.rate) }
            #expect(times.count == starts.count, sourceLocation: sourceLocation)
            for (time, start) in zip(times, starts) {
                #expect(abs(time - start) <= 0.1, "\(page): the link to a chapter at \(start) s put the player at \(time) s",
                        sourceLocation: sourceLocation)
            }
        }
    }
}
