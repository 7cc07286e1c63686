import Foundation
import StillpointBuild
import StillpointTestSupport
import Testing

/// What renders again after each kind of change, on the standard temporary library.
struct IncrementalBuildTests {
    @Test func firstBuildRendersEveryTrackIntoMirroredFoldersAndSecondRendersNone() async throws {
        let lib = try TemporaryLibrary.standard()
        let first = try await lib.build()
        #expect(first.renderedScripts == TemporaryLibrary.tracks)
        #expect(first.reasonsByScript["deep/d.session"] == ["new track"])
        #expect(first.succeeded)
        for output in ["a.flac", "b.flac", "c.flac", "deep/d.flac"] {
            #expect(lib.outputExists(output), "\(output)")
        }
        #expect(!lib.outputExists("_outro.flac"))
        #expect(!lib.outputExists("parts/intro.flac"))
        #expect(!lib.outputExists(".drafts/hidden.flac"))

        let second = try await lib.build()
        #expect(second.rendered.isEmpty)
        #expect(second.upToDate == TemporaryLibrary.tracks)
        #expect(second.succeeded)
    }

    @Test func touchingEveryFileWithoutChangingItRendersNothing() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        try lib.shiftTimes(by: 30)
        let report = try await lib.build()
        #expect(report.rendered.isEmpty)
        #expect(report.upToDate.count == 4)
    }

    @Test func unchangedOldFilesAreNotReadAgainButATouchedOneIs() async throws {
        let lib = try TemporaryLibrary.standard()
        try lib.shiftTimes(by: -3600)
        let first = try await lib.build()
        // 4 scripts, 2 included files, library.defaults, 3 clips: each read once.
        #expect(first.filesHashed == 10)
        let second = try await lib.build()
        #expect(second.filesHashed == 0)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: lib.url("clips/breath.wav").path)
        let third = try await lib.build()
        #expect(third.filesHashed == 1)
        #expect(third.rendered.isEmpty)
    }

    @Test(arguments: [
        ("a.session", ["a.session"], "script changed"),
        ("parts/intro.session", ["a.session", "b.session"], "`parts/intro.session` changed"),
        ("_outro.session", ["b.session"], "`_outro.session` changed"),
        ("clips/breath.wav", ["a.session", "c.session"], "clip `breath` changed"),
        ("clips/bye.wav", ["b.session", "deep/d.session"], "clip `bye` changed"),
        ("library.defaults", TemporaryLibrary.tracks, "`library.defaults` changed"),
    ])
    func editingAFileRendersExactlyTheTracksThatUseIt(file: String, expected: [String], reason: String) async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        try lib.append(file, "# edited\n")
        let report = try await lib.build()
        #expect(report.renderedScripts == expected)
        for script in expected {
            #expect(report.reasonsByScript[script] == [reason])
        }
        #expect(report.upToDate.count == 4 - expected.count)
    }

    @Test func aNewRendererVersionRendersEverythingAndSaysSo() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build(rendererVersion: "1.0")
        let report = try await lib.build(rendererVersion: "1.1")
        #expect(report.renderedScripts == TemporaryLibrary.tracks)
        #expect(report.reasonsByScript["c.session"] == ["renderer version changed (1.0 → 1.1)"])
        #expect(try await lib.build(rendererVersion: "1.1").rendered.isEmpty)
    }

    @Test func otherOutputSettingsRenderEverything() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build(settings: "rate=48000")
        let report = try await lib.build(settings: "rate=44100")
        #expect(report.renderedScripts == TemporaryLibrary.tracks)
        #expect(report.reasonsByScript["a.session"] == ["settings changed"])
    }

    @Test func aDeletedOutputIsRenderedAgain() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        try FileManager.default.removeItem(at: lib.output.appendingPathComponent("deep/d.flac"))
        let report = try await lib.build()
        #expect(report.renderedScripts == ["deep/d.session"])
        #expect(report.reasonsByScript["deep/d.session"] == ["output missing"])
        #expect(lib.outputExists("deep/d.flac"))
    }

    @Test func aNewIncludeIsAReason() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        try lib.write("c.session", "clip breath\nclip welcome\n")
        let report = try await lib.build()
        #expect(report.reasonsByScript["c.session"] == ["script changed", "now uses clip `welcome`"])
    }

    @Test func forceRendersEverythingUpToDate() async throws {
        let lib = try TemporaryLibrary.standard()
        _ = try await lib.build()
        let report = try await lib.build(force: true)
        #expect(report.renderedScripts == TemporaryLibrary.tracks)
        #expect(report.reasonsByScript["a.session"] == ["forced"])
    }

    @Test func dryRunListsReasonsAndWritesNothing() async throws {
        let lib = try TemporaryLibrary.standard()
        let renderer = FakeRenderer(library: lib.library)
        let fresh = try await lib.build(dryRun: true, renderer: renderer)
        #expect(fresh.wouldRender.map(\.script) == TemporaryLibrary.tracks)
        #expect(fresh.reasonsByScript["b.session"] == ["new track"])
        #expect(!FileManager.default.fileExists(atPath: lib.output.path))

        _ = try await lib.build()
        try lib.append("parts/intro.session", "# edited\n")
        try lib.append("clips/bye.wav", "louder")
        let dry = try await lib.build(dryRun: true, renderer: renderer)
        #expect(renderer.rendered.isEmpty)
        #expect(dry.rendered.isEmpty)
        #expect(dry.reasonsByScript == [
            "a.session": ["`parts/intro.session` changed"],
            "b.session": ["clip `bye` changed", "`parts/intro.session` changed"],
            "deep/d.session": ["clip `bye` changed"],
        ])
        // The dry run did not record anything: the real build still renders them.
        #expect(try await lib.build().renderedScripts == ["a.session", "b.session", "deep/d.session"])
    }

    @Test func oneJobAndFourJobsGiveTheSameResult() async throws {
        var reports: [BuildReport] = []
        for jobs in [1, 4] {
            let lib = try TemporaryLibrary.standard()
            try lib.write("c.session", "fail broken line\n")
            _ = try await lib.build(jobs: jobs)
            try lib.append("clips/welcome.wav", "again")
            reports.append(try await lib.build(jobs: jobs))
        }
        #expect(reports[0].renderedScripts == ["a.session", "b.session"])
        #expect(reports[0].tracks.map(\.status) == reports[1].tracks.map(\.status))
        #expect(reports[0].reasonsByScript == reports[1].reasonsByScript)
        #expect(reports[0].failed == reports[1].failed)
    }
}
