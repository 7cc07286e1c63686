import Foundation
import StillpointScript
import Testing

/// Every script problem is worded: a message of one line with no `error:` of its
/// own (the formatter adds the one prefix), hints that are sentences, and the
/// data a typed hint carries shown in it.
@Suite struct ScriptProblemWordingTests {
    static let here = SourceLocation(file: "a.session", line: 1, column: 1)

    /// One of each case, with data that exercises its hints.
    static let every: [ScriptProblem] = [
        .notUTF8, .curlyQuotes, .unknownEscape, .unclosedText,
        .indentedOutsideRepeat(atTop: true), .indentationMatchesNoBlock, .lineMixesTabsAndSpaces,
        .blockMixesTabsAndSpaces, .repeatNeedsBody, .repeatNestsTooDeep(limit: 100),
        .timeNeedsCue, .timeBeforeStructure(keyword: "chapter"), .unknownInstruction("sya", suggestion: "say"),
        .notAnInstruction, .unexpectedAtEnd("x"), .expected(.duration), .expectedFound(.measure(.level), found: "loud"),
        .expectedWholeNumber(.breathCount, found: "x"), .expectedKeyword("out", after: .inBreath), .badRepeatCount("0"),
        .repeatTooMany(limit: 10_000), .keywordAsName("say"), .nameStartsWithLetter("1x"), .toneNeedsDuration,
        .generatorInQuotes, .unknownGenerator("sin", suggestion: "sine"), .unknownNoiseColour(suggestion: "pink"),
        .textOutOfPlace(on: "play", allowed: ["level"]),
        .unexpectedWord("levle", on: "say", allowed: ["level"], suggestion: "level"),
        .optionNotFor("trim", on: "play", allowed: ["level"]), .optionTwice("level"), .levelOutOfRange(30),
        .panOutOfRange(2), .timesOutOfRange(limit: 10_000),
        .notAUnitOf("s", .frequency), .measureNeedsUnit("-18", .loudness), .notADuration("x"),
        .durationNeedsUnit("4", suggestion: "4s"), .notAUnitOfTime("sec", suggestion: "4s"), .negativeDuration,
        .durationTooLong("13h"), .notATrackTime("5:7"), .trackTimeBadDigits("5:7"), .trackTimeTooLate("13:00:00"),
        .settingNeedsValue("title"), .notOneOf(setting: "format", allowed: ["wav"], found: "m4a", suggestion: "wav"),
        .qualityOutOfRange(1.5), .rateOutOfRange(1), .peakAboveZero(1), .duckPositive, .seedNotWhole("x"),
        .unknownSetting("titel", suggestion: "title"), .loudnessOutOfRange(setting: "loudness", -80),
        .settingTwice("title", line: 1), .settingAfterCue("title"), .settingInIncludedFile("title"),
        .defaultsHoldOnlySettings, .clipsFolderOutsideRoot(root: "/lib"), .floatBitsNotWav(format: "flac"),
        .opusRate(44100), .mp3Rate(96000),
        .tooManyCues(limit: 1_000_000), .endInIncludedFile, .endInRepeat, .endTwice(line: 2), .chapterNeedsCue,
        .trackTooLong(seconds: 50_000),
        .rangeBackwards("10m..2m", suggestion: "2m..10m"), .lengthUnreachable(target: 1200, shortest: 300, longest: 900),
        .lengthUnreachable(target: 1200, shortest: 300, longest: 300), .lengthAndVersions, .versionTwice("10m"),
        .beforeTrackStart(offset: 300, length: 60), .everyNeedsUnderneath("say"), .everyNeedsUnderneath("bed"),
        .everyZeroInterval, .everyTooMany(limit: 1_000_000),
        .scriptOutsideRoot(root: "/lib"), .cannotReadScript, .noSuchScript, .includeCycle(["a.session", "a.session"]),
        .includesTooDeep(limit: 32), .cannotReadInclude("b.session"), .outsideRoot("../x.flac", root: "/lib"),
        .noFile("b.session", searched: "/lib/b.session", suggestion: "c.session"),
        .unreadableFile("x.wav", reason: "it is not a sound file"),
        .noRecording("sigh", folder: "/lib/clips", suggestion: "Sigh", unreadable: ["sigh.m4a"]),
        .ambiguousRecording("twin", files: ["twin.flac", "twin.wav"]),
        .recordingOutsideRoot("far", path: "/elsewhere/far.wav", root: "/lib"),
        .toPastEnd(file: "a.wav", seconds: 3), .fromPastEnd(file: "a.wav", seconds: 3), .fromAfterTo,
        .unknownSound("bowel", suggestion: "bowl"), .soundDefinedTwice("bowl", at: here), .loopNotForGenerators,
        .neverEnds(isFile: false, keyword: "play"), .bedAlreadyRunning("waves", startedAt: here),
        .bedNotRunning("wave", suggestion: "waves"), .binauralNeedsStereo,
        .frequencyOutOfRange(.beat, nyquist: 24000, found: 30000), .leftEarTooLow(-5),
        .rightEarTooHigh(24001, nyquist: 24000),
        .bellPartialsAboveNyquist(nyquist: 24000), .soundNeverUsed("bowl"), .runsPastEnd(endSeconds: 65),
        .bedAfterEnd, .voiceOverlap(with: "welcome", at: here, seconds: 0.3),
        .formatListedTwice("flac"), .formatMissing, .coverNotAPicture("notes.txt"),
        .coverTooLarge("huge.png", megabytes: 9),
        .invisibleCharacter("U+00A0 NO-BREAK SPACE", inText: false), .invisibleCharacter("U+0000 NULL", inText: true),
        .tagTooLong("title", bytes: 60_000, limit: 50_000), .cueLimitReached(limit: 1_000_000),
        .tooManyChaptersForMP3, .emptyTrack, .defaultsOutsideRoot(root: "/lib"),
        .lineTooLong(bytes: 10_485_760, limit: 100_000),
        .notALanguageTag("pt_BR", suggestion: "pt-BR"), .notALanguageTag("English", suggestion: nil),
        .clipsFolderLeadsOutside(folder: "/lib/clips", to: "/elsewhere", root: "/lib"),
    ]

    /// Which case `problem` is, numbered. The switch has no `default`, so a new
    /// case does not compile until it is numbered here, and then
    /// `everyCaseIsInTheTable` fails until it is in `every`.
    static func caseNumber(_ problem: ScriptProblem) -> Int {
        switch problem {
        case .notUTF8: 0
        case .curlyQuotes: 1
        case .unknownEscape: 2
        case .unclosedText: 3
        case .indentedOutsideRepeat: 4
        case .indentationMatchesNoBlock: 5
        case .lineMixesTabsAndSpaces: 6
        case .blockMixesTabsAndSpaces: 7
        case .repeatNeedsBody: 8
        case .repeatNestsTooDeep: 9
        case .timeNeedsCue: 10
        case .timeBeforeStructure: 11
        case .unknownInstruction: 12
        case .notAnInstruction: 13
        case .unexpectedAtEnd: 14
        case .expected: 15
        case .expectedFound: 16
        case .expectedWholeNumber: 17
        case .expectedKeyword: 18
        case .badRepeatCount: 19
        case .repeatTooMany: 20
        case .keywordAsName: 21
        case .nameStartsWithLetter: 22
        case .toneNeedsDuration: 23
        case .generatorInQuotes: 24
        case .unknownGenerator: 25
        case .unknownNoiseColour: 26
        case .textOutOfPlace: 27
        case .unexpectedWord: 28
        case .optionNotFor: 29
        case .optionTwice: 30
        case .levelOutOfRange: 31
        case .panOutOfRange: 32
        case .timesOutOfRange: 33
        case .notAUnitOf: 34
        case .measureNeedsUnit: 35
        case .notADuration: 36
        case .durationNeedsUnit: 37
        case .notAUnitOfTime: 38
        case .negativeDuration: 39
        case .durationTooLong: 40
        case .notATrackTime: 41
        case .trackTimeBadDigits: 42
        case .trackTimeTooLate: 43
        case .settingNeedsValue: 44
        case .notOneOf: 45
        case .qualityOutOfRange: 46
        case .rateOutOfRange: 47
        case .peakAboveZero: 48
        case .duckPositive: 49
        case .seedNotWhole: 50
        case .unknownSetting: 51
        case .loudnessOutOfRange: 52
        case .settingTwice: 53
        case .settingAfterCue: 54
        case .settingInIncludedFile: 55
        case .defaultsHoldOnlySettings: 56
        case .clipsFolderOutsideRoot: 57
        case .floatBitsNotWav: 58
        case .opusRate: 59
        case .mp3Rate: 60
        case .tooManyCues: 61
        case .endInIncludedFile: 62
        case .endInRepeat: 63
        case .endTwice: 64
        case .chapterNeedsCue: 65
        case .trackTooLong: 66
        case .scriptOutsideRoot: 67
        case .cannotReadScript: 68
        case .noSuchScript: 69
        case .includeCycle: 70
        case .includesTooDeep: 71
        case .cannotReadInclude: 72
        case .outsideRoot: 73
        case .noFile: 74
        case .unreadableFile: 75
        case .noRecording: 76
        case .ambiguousRecording: 77
        case .recordingOutsideRoot: 78
        case .toPastEnd: 79
        case .fromPastEnd: 80
        case .fromAfterTo: 81
        case .unknownSound: 82
        case .soundDefinedTwice: 83
        case .loopNotForGenerators: 84
        case .neverEnds: 85
        case .bedAlreadyRunning: 86
        case .bedNotRunning: 87
        case .binauralNeedsStereo: 88
        case .frequencyOutOfRange: 89
        case .leftEarTooLow: 90
        case .rightEarTooHigh: 91
        case .bellPartialsAboveNyquist: 92
        case .soundNeverUsed: 93
        case .runsPastEnd: 94
        case .bedAfterEnd: 95
        case .voiceOverlap: 96
        case .formatListedTwice: 97
        case .formatMissing: 98
        case .coverNotAPicture: 99
        case .coverTooLarge: 100
        case .rangeBackwards: 101
        case .lengthUnreachable: 102
        case .lengthAndVersions: 103
        case .versionTwice: 104
        case .beforeTrackStart: 105
        case .everyNeedsUnderneath: 106
        case .everyZeroInterval: 107
        case .everyTooMany: 108
        case .invisibleCharacter: 109
        case .tagTooLong: 110
        case .cueLimitReached: 111
        case .tooManyChaptersForMP3: 112
        case .emptyTrack: 113
        case .defaultsOutsideRoot: 114
        case .lineTooLong: 115
        case .notALanguageTag: 116
        case .clipsFolderLeadsOutside: 117
        }
    }

    static let caseCount = 118

    @Test func everyCaseIsInTheTable() {
        #expect(Set(Self.every.map(Self.caseNumber)) == Set(0..<Self.caseCount))
    }

    @Test(arguments: every)
    func isWordedAsOneLineWithOnePrefix(_ problem: ScriptProblem) {
        let message = problem.message
        #expect(!message.isEmpty)
        #expect(!message.contains("\n"))
        #expect(!message.lowercased().hasPrefix("error") && !message.lowercased().hasPrefix("warning"))
        #expect(!message.contains("error:") && !message.contains("warning:"))
        #expect(!message.hasSuffix("."), "a message is not a sentence with a full stop: \(message)")
        for hint in problem.hints.map(\.text) {
            #expect(!hint.isEmpty && !hint.contains("\n") && !hint.hasPrefix("hint:"), "\(hint)")
        }
        let printed = DiagnosticFormatter().format(Diagnostic(at: Self.here, problem))
        #expect(printed.components(separatedBy: ": \(problem.severity.rawValue): ").count == 2, "\(printed)")
    }

    /// The data of a typed hint is what the hint says.
    @Test(arguments: [
        (ScriptProblem.unknownInstruction("sya", suggestion: "say"), Hint.didYouMean("say"), "did you mean `say`?"),
        (.unknownInstruction("tittle", suggestion: "title"), .didYouMeanSetting("title"), "did you mean the setting `title:`?"),
        (.unknownSetting("titel", suggestion: "title"), .didYouMean("title:"), "did you mean `title:`?"),
        (.durationNeedsUnit("4", suggestion: "4s"), .didYouMean("4s"), "did you mean `4s`?"),
        (.noRecording("sigh", folder: "/lib/clips", suggestion: nil, unreadable: []),
         .searchedFolder("/lib/clips", forClip: "sigh"), "looked in /lib/clips for sigh.flac, .wav, .ogg, .opus, .mp3, .aiff"),
        (.outsideRoot("../x.flac", root: "/lib"), .libraryRoot("/lib", filesOnly: true), "files are read only inside /lib"),
        (.optionNotFor("trim", on: "play", allowed: ["level", "fade"]), .takes("play", ["level", "fade"]),
         "`play` takes: level, fade"),
        (.rangeBackwards("10m..2m", suggestion: "2m..10m"), .didYouMean("2m..10m"), "did you mean `2m..10m`?"),
    ])
    func typedHintsCarryTheirData(problem: ScriptProblem, hint: Hint, text: String) {
        #expect(problem.hints.contains(hint), "\(problem.hints)")
        #expect(hint.text == text)
        #expect(Diagnostic(at: Self.here, problem).hints.contains(text))
    }

    /// The five warnings are the only problems that let a track render.
    @Test func severityComesFromTheProblem() {
        let warnings = Self.every.filter { $0.severity == .warning }.map(Self.caseNumber)
        #expect(warnings == [92, 93, 94, 95, 96])
    }
}
