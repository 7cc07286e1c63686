import Foundation
import StillpointBuild
import StillpointTestSupport
import StillpointScript
import Testing

struct LibraryScannerTests {
    @Test func findsRenderableScriptsOnlyInPathOrder() throws {
        let lib = try TemporaryLibrary.standard()
        try lib.write("Deep/Upper.SESSION", "clip bye\n")
        try lib.write("deep/parts/more.session", "clip bye\n")
        try lib.write("deep/_part.session", "clip bye\n")
        #expect(try LibraryScanner.relativePaths(in: lib.library) == [
            "Deep/Upper.SESSION", "a.session", "b.session", "c.session", "deep/d.session",
        ])
        #expect(try LibraryScanner.scripts(in: lib.library).last == lib.url("deep/d.session"))
    }

    @Test func aReadyTrackTakesWhatItNeedsFromATimeline() {
        let clip = URL(fileURLWithPath: "/lib/clips/welcome.flac")
        var settings = OutputSettings()
        settings.format = .opus
        let say = Event(
            kind: .say, start: 0, end: 48000, name: "welcome", text: "Welcome.",
            location: SourceLocation(file: "a.session", line: 3, column: 1),
            source: .clip(ClipSource(file: clip)), mix: Mix(level: Param(0), ducks: false))
        let timeline = Timeline(
            script: "a.session", settings: settings, tags: Tags(), length: 96000, events: [say], chapters: [],
            dependencies: [URL(fileURLWithPath: "/lib/a.session"), clip])
        let track = ReadyTrack(timeline: timeline, extraFingerprint: ";draft")
        #expect(track.fileExtension == "opus")
        #expect(track.clipNames == [clip: "welcome"])
        #expect(track.dependencies == timeline.dependencies)
        #expect(track.fingerprint.hasSuffix(";draft"))
        settings.rate = 44100
        #expect(ReadyTrack(timeline: Timeline(
            script: "a.session", settings: settings, tags: Tags(), length: 96000, events: [], chapters: [],
            dependencies: [])).fingerprint != track.fingerprint)
    }
}
