import Foundation
import StillpointBuild
import StillpointScript
import StillpointTestSupport
import Testing

/// Failures, interruptions, concurrent builds and housekeeping.
struct BuildSafetyTests {
    @Test func aFailingScriptFailsAloneAndKeepsItsEarlierOutput() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        let earlier = try Data(contentsOf: lib.output.appendingPathComponent("c.flac"))
        try lib.write("c.session", "fail sya\n")
        try lib.append("clips/welcome.wav", "new take")
        let events = EventLog()
        let report = try await lib.build(events: events)
        #expect(report.renderedScripts == ["a.session", "b.session"])
        let failure = Diagnostic(at: SourceLocation(file: "c.session", line: 1, column: 1), .unknownInstruction("sya", suggestion: nil))
        #expect(report.failed == [BuildFailure(script: "c.session", diagnostics: [failure])])
        #expect(report.failed.first?.diagnostics.map(\.description) == ["c.session:1:1: error: unknown instruction `sya`"])
        #expect(!report.succeeded)
        #expect(try Data(contentsOf: lib.output.appendingPathComponent("c.flac")) == earlier)
        #expect(events.events.contains(.failed(script: "c.session", diagnostics: [failure])))
    }

    @Test func tracksFinishedBeforeAFailureAreRecordedAtOnce() async throws {
        let lib = try TemporaryLibrary.standard()
        let recordFile = lib.output.appendingPathComponent(".stillpoint-build.json")
        let seenOnDisk = EventLog()
        let renderer = FakeRenderer(library: lib.library) { call, script in
            guard call == 3 else { return }
            // What a build killed now would leave: the record as it is on disk.
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: recordFile)) as? [String: Any]
            let tracks = (json?["tracks"] as? [String: Any])?.keys.sorted() ?? []
            seenOnDisk.append(.found(scripts: tracks.count))
            throw FakeRenderFailure()
        }
        let report = try await lib.build(jobs: 1, renderer: renderer)
        #expect(seenOnDisk.events == [.found(scripts: 2)])
        #expect(report.failed.map(\.script) == ["c.session"])
        #expect(report.failed.first?.diagnostics.map(\.description) == ["error: encoder failed: disk full"])
        #expect(report.renderedScripts == ["a.session", "b.session", "deep/d.session"])

        let next = try await lib.build()
        #expect(next.renderedScripts == ["c.session"])
        #expect(next.reasonsByScript["c.session"] == ["new track"])
    }

    @Test func aSecondBuildAtTheSameTimeIsRefusedNamingTheLock() async throws {
        let lib = try TemporaryLibrary.standard()
        let entered = EventLog()
        let release = DispatchSemaphore(value: 0)
        let slow = FakeRenderer(library: lib.library) { call, _ in
            guard call == 1 else { return }
            entered.append(.found(scripts: 0))
            release.wait()
        }
        let first = Task { try await lib.build(jobs: 1, renderer: slow) }
        while entered.events.isEmpty { try await Task.sleep(for: .milliseconds(5)) }

        let lockFile = lib.output.appendingPathComponent(".stillpoint-build.lock")
        await #expect(throws: BuildError.locked(lockFile: lockFile)) { try await lib.build() }
        #expect(BuildError.locked(lockFile: lockFile).description.contains(lockFile.path))

        release.signal()
        #expect(try await first.value.renderedScripts == TemporaryLibrary.tracks)
        #expect(try await lib.build().rendered.isEmpty)
    }

    @Test func leftoversOfAKilledBuildAreRemovedAndOtherFilesKept() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        for leftover in [".a.flac.tmp-4711", "deep/.d.flac.tmp", ".stillpoint-build.json.tmp-1-2"] {
            try Data("partial".utf8).write(to: lib.output.appendingPathComponent(leftover))
        }
        try Data("mine".utf8).write(to: lib.output.appendingPathComponent("notes.txt"))
        let report = try await lib.build()
        #expect(report.leftoversRemoved == [".a.flac.tmp-4711", ".stillpoint-build.json.tmp-1-2", "deep/.d.flac.tmp"])
        #expect(report.rendered.isEmpty)
        #expect(!lib.outputExists(".a.flac.tmp-4711"))
        #expect(lib.outputExists("notes.txt"))
    }

    @Test func outputsOfDeletedScriptsAreListedThenPrunedWithTheirSubtitles() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build(renderer: FakeRenderer(library: lib.library, subtitles: true))
        #expect(lib.outputExists("deep/d.vtt"))
        try lib.remove("deep/d.session")

        let listed = try await lib.build()
        #expect(listed.orphans == [Orphan(script: "deep/d.session", outputs: ["deep/d.flac", "deep/d.vtt"])])
        #expect(lib.outputExists("deep/d.flac"))

        let dry = try await lib.build(dryRun: true, prune: true)
        #expect(dry.orphans.count == 1)
        #expect(dry.pruned.isEmpty)

        let pruned = try await lib.build(prune: true)
        #expect(pruned.pruned == ["deep/d.flac", "deep/d.vtt"])
        #expect(!lib.outputExists("deep"))
        #expect(lib.outputExists("a.flac"))
        #expect(try await lib.build().orphans.isEmpty)
    }

    @Test func aDeletedScriptWhoseOutputIsGoneTooIsForgotten() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        try lib.remove("c.session")
        try FileManager.default.removeItem(at: lib.output.appendingPathComponent("c.flac"))
        #expect(try await lib.build().orphans.isEmpty)
        let record = try String(contentsOf: lib.output.appendingPathComponent(".stillpoint-build.json"), encoding: .utf8)
        #expect(!record.contains("c.session"))
        #expect(record.contains("a.session"))
    }

    @Test func aChangeOfFormatLeavesTheOldFileAsAStrayToPrune() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        try lib.append("c.session", "format mp3\n")
        let report = try await lib.build()
        #expect(report.renderedScripts == ["c.session"])
        #expect(report.reasonsByScript["c.session"] == ["output missing", "settings changed", "script changed"])
        #expect(lib.outputExists("c.mp3"))
        let next = try await lib.build(prune: true)
        #expect(next.pruned == ["c.flac"])
        #expect(!lib.outputExists("c.flac"))
        #expect(lib.outputExists("c.mp3"))
    }

    /// The build that changes the format already lists the old file; changing the
    /// format back renders the old name again, and `--prune` must not take it.
    @Test func changingTheFormatBackKeepsTheTrackItRendered() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        try lib.append("c.session", "format mp3\n")
        let changed = try await lib.build()
        #expect(changed.orphans == [Orphan(script: nil, outputs: ["c.flac"])])
        try lib.write("c.session", try String(contentsOf: lib.url("c.session"), encoding: .utf8)
            .replacingOccurrences(of: "format mp3\n", with: ""))
        let back = try await lib.build(prune: true)
        #expect(back.renderedScripts == ["c.session"])
        #expect(back.pruned == ["c.mp3"])
        #expect(lib.outputExists("c.flac"))
        #expect(!lib.outputExists("c.mp3"))
    }

    @Test func aMissingLibraryStopsTheBuild() async throws {
        let lib = try TemporaryLibrary.empty()
        try lib.remove("")
        await #expect(throws: BuildError.libraryNotFound(lib.library)) { try await lib.build() }
    }
}
