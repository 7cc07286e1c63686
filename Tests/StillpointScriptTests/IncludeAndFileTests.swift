import Foundation
import StillpointScript
import Testing

@Suite struct IncludeAndFileTests {
    @Test func aCycleOfIncludesNamesTheChain() throws {
        let library = try TestLibrary(files: [
            "parts/a.session": "pause 1s\ninclude b.session\n",
            "parts/b.session": "include a.session\n",
        ])
        let result = try library.load("include parts/a.session")
        #expect(result.errors.map(\.message) == [
            "these files include each other: parts/a.session → parts/b.session → parts/a.session"
        ])
        let error = try #require(result.errors.first)
        #expect(error.location == SourceLocation(file: "parts/b.session", line: 1, column: 9))
        #expect(error.notes == [
            DiagnosticNote(location: SourceLocation(file: "parts/a.session", line: 2, column: 9), message: "included from here"),
            DiagnosticNote(location: SourceLocation(file: "main.session", line: 1, column: 9), message: "included from here"),
        ])
    }

    @Test func aFileIncludingItselfIsACycle() throws {
        let library = try TestLibrary()
        let result = try library.load("include main.session")
        #expect(result.errors.map(\.message) == ["these files include each other: main.session → main.session"])
    }

    @Test(arguments: [32, 33])
    func includesNestAtMost32Deep(depth: Int) throws {
        let library = try TestLibrary()
        for level in 1..<depth {
            try library.write("parts/p\(level).session", "include p\(level + 1).session\n")
        }
        try library.write("parts/p\(depth).session", "pause 1s\n")
        let result = try library.load("include parts/p1.session")
        // The main script is at depth 1, so 32 files in the chain are allowed.
        if depth < 32 {
            #expect(result.errors.isEmpty, "\(result.report)")
        } else {
            #expect(result.errors.map(\.message) == ["includes nest more than 32 files deep, the limit"])
            #expect(result.errors.first?.location?.file == "parts/p31.session")
        }
    }

    @Test func anIncludedFileHoldsNoSettingsAndReportsWithItsChain() throws {
        let library = try TestLibrary(files: ["parts/x.session": "title: Nope\npause 4\n"])
        let result = try library.load("pause 1s\ninclude parts/x.session")
        #expect(result.errors.map(\.description) == [
            "parts/x.session:1:1: error: an included file holds no settings",
            "parts/x.session:2:7: error: `4` needs a unit, such as 4s",
        ])
        #expect(result.errors.allSatisfy {
            $0.notes == [DiagnosticNote(location: SourceLocation(file: "main.session", line: 2, column: 9), message: "included from here")]
        })
    }

    @Test func pathsInAnIncludedFileAreRelativeToIt() throws {
        let library = try TestLibrary(files: ["parts/x.session": "play sounds/bell.flac\n"], audio: ["parts/sounds/bell.flac": 2])
        let result = try library.load("include parts/x.session")
        let event = try #require(result.timeline?.events.first, "\(result.report)")
        #expect(event.source == .generator(.file(library.url("parts/sounds/bell.flac"), loop: false)))
        #expect(event.location.file == "parts/x.session")
    }

    @Test func anIncludeInsideARepeatIsNamedAsWritten() throws {
        let library = try TestLibrary(files: ["parts/x.session": "pause 1s\n"])
        let result = try library.load("repeat 2:\n    include parts/x.session")
        #expect(result.timeline?.events.map(\.location.file) == ["parts/x.session", "parts/x.session"])
    }

    @Test func repeatBlocksNestAtMost100Deep() throws {
        let library = try TestLibrary()
        let script = (0...100).map { String(repeating: " ", count: $0) + "repeat 1:" }.joined(separator: "\n") + "\n"
            + String(repeating: " ", count: 101) + "pause 1s"
        let result = try library.load(script)
        #expect(result.errors.map(\.description) == ["main.session:101:101: error: `repeat` blocks nest more than 100 deep"])
    }

    @Test func aSymbolicLinkLeadingOutsideTheRootIsAnError() throws {
        let outside = try TestLibrary(audio: ["far.flac": 1])
        let library = try TestLibrary()
        library.inspector.infos = outside.inspector.infos
        try FileManager.default.createSymbolicLink(at: library.url("near.flac"), withDestinationURL: outside.url("far.flac"))
        let result = try library.load("play near.flac")
        #expect(result.errors.map(\.message) == ["`near.flac` is outside the library's root"])
    }

    @Test func aClipLinkedFromOutsideTheRootIsAnError() throws {
        let outside = try TestLibrary(clips: ["far.flac": 1])
        let library = try TestLibrary()
        library.inspector.infos = outside.inspector.infos
        try FileManager.default.createDirectory(at: library.url("clips"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: library.url("clips/far.flac"), withDestinationURL: outside.url("clips/far.flac"))
        let result = try library.load("say far")
        #expect(result.errors.map(\.message) == ["the recording for `far` is outside the library's root"])
    }

    @Test func theLibraryRootIsTheNearestFolderWithDefaults() throws {
        let library = try TestLibrary(files: [
            "library.defaults": "tail: 0s\n", "deep/er/d.session": "pause 1s\n", "lone/x.session": "pause 1s\n",
        ])
        #expect(ScriptLoader.libraryRoot(for: library.url("deep/er/d.session")).path == library.root.path)
        #expect(ScriptLoader.libraryRoot(for: library.url("library.defaults")).path == library.root.path)
        try FileManager.default.removeItem(at: library.url("library.defaults"))
        #expect(ScriptLoader.libraryRoot(for: library.url("lone/x.session")).path == library.url("lone").path)
    }

    @Test func defaultsApplyAndTheScriptOverridesThem() throws {
        let library = try TestLibrary(files: ["library.defaults": "tail: 0s\nrate: 44100\nseed: 7\n"])
        try library.write("deep/d.session", "rate: 48000\npause 1s")
        let result = ScriptLoader(inspector: library.inspector).load(library.url("deep/d.session"))
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.rate == 48000)
        #expect(timeline.settings.seed == 7)
        #expect(timeline.length == 48000)
    }

    @Test func defaultsHoldOnlySettings() throws {
        let library = try TestLibrary(files: ["library.defaults": "tail: 0s\npause 1s\nfromat: wav\n"])
        let result = try library.load("pause 1s")
        #expect(result.errors.map(\.description) == [
            "library.defaults:2:1: error: `library.defaults` holds only settings",
            "library.defaults:3:1: error: unknown setting `fromat`",
        ])
    }

    @Test func aRepeatBeyondAMillionCuesIsAnErrorBeforeItIsExpanded() throws {
        let library = try TestLibrary(files: ["parts/ten.session": String(repeating: "pause 1ms\n", count: 10)])
        let result = try library.load("repeat 10000:\n    repeat 10000:\n        include parts/ten.session")
        #expect(result.errors.map(\.description) == [
            "main.session:1:1: error: this `repeat` makes more than 1,000,000 cues, the limit after expansion"
        ])
    }

    @Test func phrasesAreListedEvenWhenRecordingsAreMissing() throws {
        let library = try TestLibrary(clips: ["welcome.flac": 2])
        try library.write("main.session", "say welcome \"Welcome.\"\nrepeat 2:\n    say later \"Later.\"\nsay welcome\n")
        let result = ScriptLoader(inspector: library.inspector)
            .phrases(in: library.url("main.session"), libraryRoot: library.root)
        let phrases = result.phrases
        #expect(result.diagnostics.isEmpty)
        #expect(result.clipsFolder.standardizedFileURL == library.url("clips").standardizedFileURL)
        #expect(phrases.map(\.clip) == ["welcome", "later"])
        #expect(phrases.map(\.text) == ["Welcome.", "Later."])
        #expect(phrases.map { $0.uses.map(\.line) } == [[1, 4], [3]])
        #expect(phrases.map(\.file) == [library.url("clips/welcome.flac"), nil])
    }

    @Test(arguments: [
        (Data([0xEF, 0xBB, 0xBF] + Array("say welcome\r\npause 1s\r\n".utf8)), 2),
        (Data("say welcome\npause 1s".utf8), 2),
        (Data(), 0),
        (Data("\n\n# only\r\n".utf8), 0),
    ])
    func sourceTextWithBOMCRLFOrNothingReads(data: Data, events: Int) throws {
        let library = try TestLibrary(clips: ["welcome.flac": 2])
        try library.write("main.session", data)
        let result = library.loadExisting("main.session")
        #expect(result.diagnostics.isEmpty, "\(result.report)")
        #expect(result.timeline?.events.count == events)
    }

    @Test func invalidUTF8IsADiagnosticAtTheBadByte() throws {
        let library = try TestLibrary()
        try library.write("main.session", Data(Array("pause 1s\npause 2s \"caf".utf8) + [0xE9, 0x22, 0x0A]))
        let result = library.loadExisting("main.session")
        #expect(result.errors.map(\.description) == ["main.session:2:14: error: this line is not valid UTF-8 text"])
    }
}

extension IncludeAndFileTests {
    /// A recording of the right name in a kind Stillpoint cannot read is named in
    /// the hint, with the way to convert it.
    @Test func unreadableKindOfRecordingIsNamed() throws {
        let library = try TestLibrary(files: ["clips/sigh.m4a": "", "main.session": "say sigh\n"])
        let result = ScriptLoader(inspector: library.inspector).load(library.url("main.session"), libraryRoot: library.root)
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "no recording for the clip `sigh`")
        #expect(error.hints.contains("sigh.m4a is there, but Stillpoint cannot read that kind of file; convert it, e.g. `ffmpeg -i sigh.m4a sigh.flac`"))
    }
}
