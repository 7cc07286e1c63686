import Foundation
import StillpointTestSupport
import Testing

/// `timeline --svg`: one picture of the session. Read back twice: by an XML
/// parser (one titled group per timeline event, user text escaped, bed heights
/// following their level) and by headless Chromium (where things are drawn:
/// positions proportional to time, no label over another). Screenshots are kept
/// in .build/test-output/.
struct TimelinePictureTests {
    /// Every kind of event, ducking, two chapters, and user text that would break
    /// out of an unescaped `<title>`.
    static let script = """
        title: A <Test> & "Picture"
        duck: -12 dB
        sound bowl = bell 432 Hz decay 4s level -14 dB
        bed noise pink level -30 dB fade 2s
        chapter Arriving & <Settling>
        pause 4s
        play bowl
        say one "</title><script>alert(1)</script>"
        pause 3s
        tone sine 200 Hz for 4s level -30 dB
        say two "Two & two"
        breathe in 2s out 3s times 2
        chapter Rest
        say three
        end +4s

        """

    static func picture(_ script: String = script, draft: Bool = false) async throws
        -> (space: TemporaryLibrary, svg: SVGDocument, events: [[String: Any]], chapters: [[String: Any]], seconds: Double)
    {
        let space = try TemporaryLibrary()
        for clip in ["one", "two", "three"] { try space.recordClip("clips/\(clip).wav", seconds: 1) }
        try space.write("a.session", script)
        let options = draft ? ["--draft"] : []
        let drawn = try await StillpointCommand.run(["timeline", "a.session", "--svg", "a.svg"] + options, in: space.root)
        #expect(drawn.status == 0, "\(drawn)")
        #expect(drawn.stderr == "wrote a.svg\n", "\(drawn)")
        let json = try await StillpointCommand.run(["timeline", "a.session", "--json"] + options, in: space.root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let length = try #require((document["length"] as? [String: Any])?["seconds"] as? Double)
        return (space, try SVGDocument(contentsOf: space.url("a.svg")),
                try #require(document["events"] as? [[String: Any]]), try #require(document["chapters"] as? [[String: Any]]),
                length)
    }

    @Test func eachEventIsOneTitledGroupNamingKindNameAndTimes() async throws {
        let (_, svg, events, chapters, _) = try await Self.picture()
        try #require(svg.events.count == events.count)
        for (drawn, event) in zip(svg.events, events) {
            let kind = try #require(event["kind"] as? String)
            let (start, end) = (try #require(event["start"] as? Double), try #require(event["end"] as? Double))
            #expect(drawn.attributes["data-kind"] == kind)
            #expect(abs((Double(drawn.attributes["data-start"] ?? "") ?? -1) - start) < 0.001)
            let title = try #require(drawn.title)
            #expect(title.hasPrefix(kind), "\(title)")
            if let name = event["name"] as? String { #expect(title.contains(name), "\(title)") }
            #expect(title.contains(Self.clock(start)) && title.contains(Self.clock(end)), "\(title) for \(start)–\(end)")
        }
        #expect(svg.titled.filter { $0.attributes["data-chapter"] != nil }.map { $0.attributes["data-chapter"] }
                == chapters.map { $0["title"] as? String })
        #expect(svg.events.first { $0.attributes["data-kind"] == "bed" }?.title?.contains("noise pink") == true)
        #expect(svg.events.first { $0.attributes["data-kind"] == "play" }?.title?.contains("bowl (bell 432 Hz)") == true)
    }

    /// Text a practitioner typed is text, whatever it holds: the parser reads the
    /// file, no `<script>` element exists, and the words come back as written.
    @Test func userTextIsEscaped() async throws {
        let (_, svg, _, _, _) = try await Self.picture()
        #expect(!svg.elements.contains { $0.name.lowercased() == "script" })
        #expect(svg.titled.contains { $0.title?.contains("\"</title><script>alert(1)</script>\"") == true })
        #expect(svg.titled.contains { $0.title?.contains("\"Two & two\"") == true })
        #expect(svg.elements.contains { $0.name == "text" && $0.text == "Arriving & <Settling>" })
        #expect(svg.elements.first { $0.name == "title" }?.text == "A <Test> & \"Picture\": the session in time")
    }

    /// The bed's band rises from nothing through its fade, and dips where the voice
    /// speaks by the `duck` setting: 12 dB of a 48 dB band 36 px tall is 9 px.
    @Test func aBedsHeightFollowsItsLevel() async throws {
        let (_, svg, events, _, seconds) = try await Self.picture()
        let bed = try #require(svg.events.firstIndex { $0.attributes["data-kind"] == "bed" })
        let path = try #require(svg.children(ofEvent: bed).first { $0.name == "path" }?.attributes["d"])
        let numbers = path.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
        let points = stride(from: 0, to: numbers.count - 1, by: 2).map { (x: numbers[$0], y: numbers[$0 + 1]) }
        let base = try #require(points.map(\.y).max())
        let (left, right) = (try #require(points.first?.x), try #require(points.last?.x))
        func height(at t: Double) -> Double {
            let x = left + t / seconds * (right - left)
            return base - (points.min { abs($0.x - x) < abs($1.x - x) }?.y ?? base)
        }
        let one = try #require(events.first { $0["name"] as? String == "one" })
        let speaking = ((one["start"] as? Double ?? 0) + (one["end"] as? Double ?? 0)) / 2
        #expect(height(at: 0) < 1)
        #expect(abs(height(at: 3) - 36) < 1, "before the voice, the bed is at its full level")
        #expect(abs(height(at: 3) - height(at: speaking) - 9) < 1.2, "\(height(at: 3)) vs \(height(at: speaking))")
    }

    /// In a real browser: one titled element per event, each starting where its
    /// time says (a straight line through every start, within a pixel), and no
    /// label touching another. Long sessions too: an hour of phrases, and nearly
    /// twelve hours, where most names no longer fit and are left to the titles.
    @Test(.enabled(if: BrowserLayout.isAvailable, "needs chromium, chromedriver and selenium (scripts/setup.sh)"),
          arguments: [("short", 0), ("hour", 58), ("twelve-hours", 700)])
    func chromiumDrawsEveryEventAtItsTimeAndNoLabelOverlaps(_ name: String, _ minutes: Int) async throws {
        let script = minutes == 0 ? Self.script : """
            bed noise brown level -36 dB fade 1m
            repeat \(minutes):
                chapter Minute
                say one "A phrase of the long session."
                breathe in 4s out 6s times 2
                pause 30s

            """
        let (space, _, events, _, seconds) = try await Self.picture(script, draft: minutes > 0)
        let shots = StillpointCommand.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let screenshot = shots.appendingPathComponent("timeline-\(name).png")
        let layout = try await BrowserLayout.measure(space.url("a.svg"), screenshot: screenshot)
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
        #expect(layout.scripts == 0)

        let drawn = layout.titled.filter { $0.event != nil }.sorted { Int($0.event!)! < Int($1.event!)! }
        try #require(drawn.count == events.count)
        let starts = events.map { $0["start"] as? Double ?? 0 }
        let (slope, intercept, worst) = Self.fit(x: starts, y: drawn.map(\.x))
        #expect(worst < 1, "an event is drawn \(worst) px from where its start puts it")
        #expect(slope * seconds > 800 && slope * seconds < 2201, "\(slope) px/s over \(seconds) s")
        #expect(intercept > 0)

        let labels = layout.labels.filter { $0.cls != "heading" && $0.cls != "summary" }
        var overlaps: [String] = []
        for i in labels.indices { for j in labels.indices where j > i && labels[i].overlaps(labels[j]) {
            overlaps.append("\(labels[i].text ?? "") / \(labels[j].text ?? "")")
        } }
        #expect(overlaps.isEmpty, "labels overlap: \(overlaps.prefix(5))")
        if minutes > 60 { #expect(labels.contains { $0.text == "2:00:00" }) }
    }

    /// The picture of the sample session shown in the README is the one the tool
    /// draws now: after a change to the picture, run the command in the failure.
    @Test func theREADMEsPictureIsCurrent() async throws {
        let root = StillpointCommand.packageRoot
        let space = try TemporaryLibrary()
        let result = try await StillpointCommand.run(
            ["timeline", "scripts-library/arriving.session", "--svg", space.url("now.svg").path], in: root)
        #expect(result.status == 0, "\(result)")
        #expect(try space.data("now.svg") == (try Data(contentsOf: root.appendingPathComponent("docs/arriving-timeline.svg"))),
                "run: stillpoint timeline scripts-library/arriving.session --svg docs/arriving-timeline.svg")
    }

    /// Least squares y = slope·x + intercept, and the largest distance from that line.
    static func fit(x: [Double], y: [Double]) -> (slope: Double, intercept: Double, worst: Double) {
        let n = Double(x.count)
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let slope = sxx > 0 ? sxy / sxx : 0
        let intercept = my - slope * mx
        return (slope, intercept, zip(x, y).map { abs($0.1 - (slope * $0.0 + intercept)) }.max() ?? 0)
    }

    /// As titles write a moment: `m:ss.s`, or `h:mm:ss.s` from an hour.
    static func clock(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        let (h, m, s, f) = (tenths / 36000, tenths / 600 % 60, tenths / 10 % 60, tenths % 10)
        return h > 0 ? String(format: "%d:%02d:%02d.%d", h, m, s, f) : String(format: "%d:%02d.%d", m, s, f)
    }
}
