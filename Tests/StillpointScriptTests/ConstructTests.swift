import Foundation
import StillpointScript
import Testing

/// Each construct of the format page, resolved against a small library:
/// clips `welcome` (2 s), `breath` (3 s), `soft` (1.5 s) and a 10 s `ocean.flac`.
@Suite struct ConstructTests {
    static func library() throws -> TestLibrary {
        try TestLibrary(
            clips: ["welcome.flac": 2, "breath.wav": 3, "soft.ogg": 1.5],
            files: ["parts/intro.session": "say welcome\npause 1s\n", "parts/bells.session": "sound ding = bell 500 Hz decay 2s\n"],
            audio: ["ocean.flac": 10])
    }

    /// `kind name start-end` per event, seconds, then `length`.
    static func summary(_ timeline: Timeline) -> [String] {
        timeline.events.map { event in
            let span = event.span(timeline.rate).map { String(format: "%g", $0) }.joined(separator: "-")
            return [event.kind.rawValue, event.name, span].compactMap { $0 }.joined(separator: " ")
        } + ["length \(String(format: "%g", timeline.seconds))"]
    }

    static let cases: [(script: String, expected: [String])] = [
        ("say welcome \"Welcome.\"", ["say welcome 0-2", "length 12"]),
        ("SAY welcome", ["say welcome 0-2", "length 12"]),
        ("pause 4s\nsay welcome", ["pause 0-4", "say welcome 4-6", "length 16"]),
        ("pause 250ms", ["pause 0-0.25", "length 10.25"]),
        ("pause 1.5s", ["pause 0-1.5", "length 11.5"]),
        ("pause 1m30s", ["pause 0-90", "length 100"]),
        ("pause 1h5m", ["pause 0-3900", "length 3910"]),
        ("pause 4 s", ["pause 0-4", "length 14"]),
        ("pause 4S", ["pause 0-4", "length 14"]),
        ("say welcome\n+2s say breath", ["say welcome 0-2", "say breath 4-7", "length 17"]),
        ("at 0:10 say welcome", ["say welcome 10-12", "length 22"]),
        ("0:04.250 say welcome", ["say welcome 4.25-6.25", "length 16.25"]),
        ("AT 1:00:00 pause 1s", ["pause 3600-3601", "length 3611"]),
        ("say welcome\nat 0:01 say soft", ["say welcome 0-2", "say soft 1-2.5", "length 12.5"]),
        ("breathe in 4s hold 2s out 6s", ["breathe 0-12", "length 22"]),
        ("breathe in 4s out 6s hold 1s times 3\nsay welcome", ["breathe 0-33", "say welcome 33-35", "length 45"]),
        ("sound bowl = bell 432 Hz decay 9s\nplay bowl\nsay welcome", ["play bowl 0-9", "say welcome 0-2", "length 19"]),
        ("sound bowl = bell 432 Hz\nplay bowl", ["play bowl 0-8", "length 18"]),
        ("sound bowl = bell 432 Hz\n+10s play bowl\nsay welcome", ["play bowl 10-18", "say welcome 10-12", "length 28"]),
        ("play ocean.flac", ["play 0-10", "length 20"]),
        ("play ocean.flac for 4s", ["play 0-4", "length 14"]),
        ("play \"ocean.flac\" loop for 25s", ["play 0-25", "length 35"]),
        ("sound sea = file ocean.flac\nplay sea", ["play sea 0-10", "length 20"]),
        ("tone sine 432 Hz for 30s", ["tone 0-30", "length 40"]),
        ("tone noise pink for 3s\npause 1s", ["tone 0-3", "pause 0-1", "length 13"]),
        ("bed noise brown\nsay welcome", ["bed 0-12", "say welcome 0-2", "length 12"]),
        ("bed waves = noise pink\npause 10s\nstop waves fade 5s\npause 20s",
         ["bed waves 0-15", "pause 0-10", "pause 10-30", "length 40"]),
        ("bed waves = noise pink fade 2s 7s\npause 10s\nstop waves\npause 20s",
         ["bed waves 0-17", "pause 0-10", "pause 10-30", "length 40"]),
        ("bed sea = file ocean.flac\npause 30s", ["bed sea 0-10", "pause 0-30", "length 40"]),
        ("bed sea = file ocean.flac loop\npause 30s", ["bed sea 0-40", "pause 0-30", "length 40"]),
        ("sound rain = noise pink level -30 dB\nbed rain\npause 5s\nstop rain fade 1s", ["bed rain 0-6", "pause 0-5", "length 15"]),
        ("say welcome\nend +20s", ["say welcome 0-2", "length 22"]),
        ("say welcome\nend 1:00", ["say welcome 0-2", "length 60"]),
        ("tail: 0s\nsay welcome", ["say welcome 0-2", "length 2"]),
        ("repeat 3:\n    pause 1s", ["pause 0-1", "pause 1-2", "pause 2-3", "length 13"]),
        ("repeat 2:\n  say soft\n  repeat 2:\n    pause 1s\npause 1s",
         ["say soft 0-1.5", "pause 1.5-2.5", "pause 2.5-3.5", "say soft 3.5-5", "pause 5-6", "pause 6-7", "pause 7-8", "length 18"]),
        ("repeat 2:\n\tpause 1s\n\tpause 2s", ["pause 0-1", "pause 1-3", "pause 3-4", "pause 4-6", "length 16"]),
        ("include parts/intro.session\nsay soft", ["say welcome 0-2", "pause 2-3", "say soft 3-4.5", "length 14.5"]),
        ("include parts/bells.session\nplay ding", ["play ding 0-2", "length 12"]),
        ("repeat 2:\n    include parts/intro.session", ["say welcome 0-2", "pause 2-3", "say welcome 3-5", "pause 5-6", "length 16"]),
        ("play sine 10 Hz -> 20 Hz over 3m for 5s", ["play 0-5", "length 15"]),
        ("say welcome # a comment \"not text\"\n# only a comment\n\n", ["say welcome 0-2", "length 12"]),
        ("", ["length 10"]),
        ("# comments only\n   \n", ["length 10"]),
    ]

    @Test(arguments: cases)
    func resolvesToTheseEvents(script: String, expected: [String]) throws {
        let library = try Self.library()
        let result = try library.load(script)
        #expect(result.errors.isEmpty, "\(result.report)")
        let timeline = try #require(result.timeline)
        #expect(Self.summary(timeline) == expected)
    }

    @Test func theSpineIsInWholeFramesRoundedWhereEachDurationIsAdded() throws {
        let library = try Self.library()
        // 1/3 s at 44100 Hz is 14700 frames exactly; 0.00001 s rounds to 0 each time.
        let result = try library.load("rate: 44100\nrepeat 3:\n    pause 0.00001s\npause 0.3333333s")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.events.map(\.start) == [0, 0, 0, 0])
        #expect(timeline.events.last?.end == 14700)
    }

    @Test func chaptersStartAtTheNextCueAfterItsPrefix() throws {
        let library = try Self.library()
        let result = try library.load("chapter Arriving\nsay welcome\nchapter Returning # comment\nat 5:00 say soft\nchapter \"Quoted #1\"\npause 1s")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.chapters.map(\.title) == ["Arriving", "Returning", "Quoted #1"])
        #expect(timeline.chapters.map(\.start) == [0, 300 * 48000, Int64(301.5 * 48000)])
        #expect(timeline.chapters.map(\.location.line) == [1, 3, 5])
    }

    @Test func eventsThatStartTogetherKeepTheirSourceOrder() throws {
        let library = try Self.library()
        let result = try library.load("bed noise pink\ntone sine 200 Hz for 1s\nplay ocean.flac\nsay welcome")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.events.map(\.kind) == [.bed, .tone, .play, .say])
        #expect(timeline.events.map(\.location.line) == [1, 2, 3, 4])
    }

    @Test func levelsPanDucksAndFadesFollowTheDefaults() throws {
        let library = try Self.library()
        let script = """
            duck: -8 dB
            bed noise brown
            bed sea = file ocean.flac loop noduck level -6 dB pan -0.5 fade 1s 2s
            play sine 432 Hz for 10s
            say welcome level +2 dB
            pause 1s
            breathe in 1s out 1s
            """
        let timeline = try #require(try library.load(script).timeline)
        let mixes = timeline.events.map(\.mix)
        #expect(mixes.map(\.level.start) == [-20, -6, -20, 2, 0, -20])
        #expect(mixes.map(\.ducks) == [true, false, true, false, false, false])
        #expect(mixes[1].pan == Param(-0.5))
        #expect(mixes[1].fadeIn == 48000)
        #expect(mixes[1].fadeOut == 96000)
        #expect(mixes[0].fadeIn == 3 * 48000)
        // The track ends at 14 s; a bed still running fades out over its own 3 s.
        #expect(mixes[0].fadeOut == 3 * 48000)
        #expect(timeline.events[0].end == timeline.length)
        // Every clip gets at least 5 ms at each end.
        #expect(mixes[2].fadeIn == 240)
        #expect(mixes[3].fadeOut == 240)
        #expect(timeline.settings.duck == -8)
    }

    @Test func aCueReplacesTheSoundsOptions() throws {
        let library = try Self.library()
        let result = try library.load("sound bowl = bell 432 Hz level -14 dB fade 1s pan 0.5\nplay bowl level -3 dB\nplay bowl fade 2s")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.events[0].mix.level == Param(-3))
        #expect(timeline.events[0].mix.pan == Param(0.5))
        #expect(timeline.events[0].mix.fadeIn == 48000)
        #expect(timeline.events[1].mix.level == Param(-14))
        #expect(timeline.events[1].mix.fadeIn == 96000)
    }

    @Test(arguments: [
        ("sine 432 Hz", Generator.sine(frequency: Param(432))),
        ("sine 1.2 kHz", .sine(frequency: Param(1200))),
        ("sine 432hz", .sine(frequency: Param(432))),
        ("binaural 200 Hz beat 10 Hz -> 6 Hz over 3m",
         .binaural(frequency: Param(200), beat: Param(from: 10, to: 6, over: 180 * 48000))),
        ("isochronic 300 Hz pulse 8 Hz", .isochronic(frequency: Param(300), pulse: Param(8))),
        ("noise white", .noise(.white)),
        ("noise PINK", .noise(.pink)),
        ("bell 432 Hz decay 9s", .bell(frequency: Param(432), decay: 9)),
        ("bell 432 Hz", .bell(frequency: Param(432), decay: 8)),
        ("drone 110 Hz", .drone(frequency: Param(110))),
    ])
    func generatorsResolveToTheirParameters(written: String, expected: Generator) throws {
        let library = try Self.library()
        let result = try library.load("tone \(written) for 1s")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.events.first?.source == .generator(expected))
    }

    @Test func levelAndPanGlide() throws {
        let library = try Self.library()
        let result = try library.load("tone sine 200 Hz for 2m level -30 dB -> -40dB over 1m pan -1 -> 1 over 30s")
        let mix = try #require(result.timeline?.events.first?.mix, "\(result.report)")
        #expect(mix.level == Param(from: -30, to: -40, over: 60 * 48000))
        #expect(mix.pan == Param(from: -1, to: 1, over: 30 * 48000))
    }

    @Test func breatheIsOneEventInFrames() throws {
        let library = try Self.library()
        let result = try library.load("breathe in 4s hold 2s out 6s hold 0.5s times 5 level -26 dB")
        let event = try #require(result.timeline?.events.first, "\(result.report)")
        #expect(event.source == .breathe(BreathPattern(inhale: 192000, holdIn: 96000, exhale: 288000, holdOut: 24000, times: 5)))
        #expect(event.end == 5 * 600000)
        #expect(event.mix.level == Param(-26))
    }

    @Test func clipsAreFoundByNameWithFromToAndTrim() throws {
        let library = try Self.library()
        library.inspector.audible["breath.wav"] = 24000..<120000
        let result = try library.load("say breath \"In.\" from 0.25s to 2.75s\nsay breath trim\nsay welcome from 1s")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.events.map(\.length) == [120000, 96000, 48000])
        #expect(timeline.events[0].source == .clip(ClipSource(file: library.url("clips/breath.wav"), from: 0.25, to: 2.75)))
        #expect(timeline.events[0].text == "In.")
        #expect(timeline.events[1].source == .clip(ClipSource(file: library.url("clips/breath.wav"), trim: true)))
    }

    @Test func clipLengthsConvertToTheTrackRate() throws {
        let library = try Self.library()
        library.inspector.infos["welcome.flac"] = AudioFileInfo(frames: 44101, rate: 44100, channels: 1)
        let result = try library.load("say welcome")
        // 44101 frames at 44.1 kHz are 48001.088… at 48 kHz, rounded to 48001.
        #expect(result.timeline?.events.first?.length == 48001)
    }

    @Test(arguments: [
        ("Welcome.", 0.5 + 60.0 / 130),
        ("Let yourself lie down, fully clothed, fully supported.", 0.5 + 8 * 60.0 / 130),
        (nil, 0.5),
    ] as [(String?, Double)])
    func aDraftPhraseLastsAsItsWordsAt130WordsAMinute(text: String?, seconds: Double) throws {
        let library = try Self.library()
        let quoted = text.map { " \"\($0)\"" } ?? ""
        let result = try library.load("say unrecorded\(quoted)", options: ResolveOptions(draft: true))
        let event = try #require(result.timeline?.events.first, "\(result.report)")
        #expect(event.length == Int64((seconds * 48000).rounded()))
        #expect(event.source == .clip(ClipSource(file: nil)))
    }

    @Test func aClipsSettingIsRelativeToTheFileThatSetsIt() throws {
        let library = try Self.library()
        try library.write("voice/take2/hello.wav", "")
        library.inspector.infos["hello.wav"] = AudioFileInfo(frames: 4800, rate: 48000, channels: 1)
        try library.write("library.defaults", "clips: voice/take2\n")
        try library.write("deep/d.session", "say hello")
        let result = ScriptLoader(inspector: library.inspector).load(library.url("deep/d.session"))
        #expect(result.timeline?.events.first?.length == 4800, "\(result.report)")
    }

    @Test func settingsFillOutputSettingsAndTags() throws {
        let library = try Self.library()
        try library.write("library.defaults", "artist: Stillpoint Bodywork\nformat: wav\nrate: 44100\n")
        let script = """
            title:    It's OK to Not Be OK
            album:    "Home Practice"
            loudness: off
            peak: -2 dBTP
            voice-level: -23 LUFS
            channels: 1
            quality: 0.5
            seed: 42
            rate: 48000
            comment: Lie down # not part of the comment
            genre: Meditation
            date: 2026
            language: pt-BR
            say welcome
            """
        let timeline = try #require(try library.load(script).timeline)
        var expected = OutputSettings()
        expected.format = .wav
        expected.bits = .int24
        expected.quality = 0.5
        expected.rate = 48000
        expected.channels = 1
        expected.loudness = nil
        expected.peak = -2
        expected.voiceLevel = -23
        expected.seed = 42
        #expect(timeline.settings == expected)
        #expect(timeline.tags == Tags(
            title: "It's OK to Not Be OK", artist: "Stillpoint Bodywork", album: "Home Practice",
            comment: "Lie down", genre: "Meditation", date: "2026", language: "pt-BR"))
    }

    @Test(arguments: [
        ("", nil, AudioFormat.flac, SampleDepth.int16),
        ("format: wav\n", nil, .wav, .int24),
        ("format: wav\n", .flac, .flac, .int16),
        ("", .wav, .wav, .int24),
        ("bits: 24\n", .flac, .flac, .int24),
        ("format: wav\nbits: 32f\n", nil, .wav, .float32),
    ] as [(String, AudioFormat?, AudioFormat, SampleDepth)])
    func theFormatOverrideWinsAndDecidesTheDefaultBits(
        header: String, override: AudioFormat?, format: AudioFormat, bits: SampleDepth
    ) throws {
        let library = try Self.library()
        let result = try library.load(header + "say welcome", options: ResolveOptions(format: override))
        let settings = try #require(result.timeline?.settings, "\(result.report)")
        #expect(settings.format == format)
        #expect(settings.bits == bits)
    }

    @Test func theTitleDefaultsToTheFileName() throws {
        let library = try Self.library()
        let timeline = try #require(try library.load("say welcome", as: "deep/Evening Rest.session").timeline)
        #expect(timeline.tags.title == "Evening Rest")
        #expect(timeline.script == "deep/Evening Rest.session")
    }

    @Test func dependenciesListEveryFileTheTrackReads() throws {
        let library = try Self.library()
        try library.write("library.defaults", "tail: 1s\n")
        let result = try library.load("include parts/intro.session\nsay soft\nplay ocean.flac\nsay welcome")
        let timeline = try #require(result.timeline, "\(result.report)")
        let names = timeline.dependencies.map { $0.path.replacingOccurrences(of: library.root.path + "/", with: "") }
        #expect(names == ["clips/soft.ogg", "clips/welcome.flac", "library.defaults", "main.session", "ocean.flac", "parts/intro.session"])
        #expect(timeline.dependencies.allSatisfy { $0.path.hasPrefix("/") })
    }

    @Test func endAfterContentCountsATrailingPauseButNotBeds() throws {
        let library = try Self.library()
        let result = try library.load("bed noise brown\nsay welcome\npause 2m\nend +5s")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.length == 127 * 48000)
        #expect(timeline.events[0].end == timeline.length)
    }

    @Test func contentPastAnAbsoluteEndIsCutAndFadedWithAWarning() throws {
        let library = try Self.library()
        let result = try library.load("say welcome\npause 1m\nend 0:30")
        let timeline = try #require(result.timeline, "\(result.report)")
        #expect(timeline.length == 30 * 48000)
        #expect(timeline.events[1].end == 30 * 48000)
        #expect(timeline.events[1].mix.fadeOut == 0)  // a pause is silent: no fade to make
        #expect(result.warnings.map(\.location?.line) == [2])
        #expect(result.warnings.first?.message == "this sound runs past the end at 0:30; it is faded out there")
    }
}
