import Foundation

/// Every problem a script can have, with the data that explains it. The parser,
/// the settings and the resolver only choose a case; `ScriptProblem+Wording.swift`
/// words each one (message, hints, severity) in one switch, as swift-argument-parser
/// does with its `ParserError`, so the same problem always reads the same and a
/// change of wording is made in one place.
public enum ScriptProblem: Sendable, Equatable {
    // MARK: Text and quotes (the lexer)
    case notUTF8
    case curlyQuotes
    case unknownEscape
    case unclosedText
    /// A character a reader cannot see (`U+00A0 NO-BREAK SPACE`, a control
    /// character); inside quoted text only control characters count.
    case invisibleCharacter(String, inText: Bool)
    /// A line longer than `limit` bytes (a pasted file, a 10 MB line): refused
    /// unread, so the lexer never scans it and the message never prints it.
    case lineTooLong(bytes: Int, limit: Int)

    // MARK: Indentation and blocks
    /// A line indented with no `repeat` to hold it; `atTop` when outside every block.
    case indentedOutsideRepeat(atTop: Bool)
    case indentationMatchesNoBlock
    case lineMixesTabsAndSpaces
    case blockMixesTabsAndSpaces
    case repeatNeedsBody
    case repeatNestsTooDeep(limit: Int)

    // MARK: The words of a line
    case timeNeedsCue
    case timeBeforeStructure(keyword: String)
    case unknownInstruction(String, suggestion: String?)
    case notAnInstruction
    case unexpectedAtEnd(String)
    case expected(Expected)
    case expectedFound(Expected, found: String)
    case expectedWholeNumber(Expected, found: String)
    case expectedKeyword(String, after: KeywordContext)
    case badRepeatCount(String)
    case repeatTooMany(limit: Int)
    case keywordAsName(String)
    case nameStartsWithLetter(String)
    case toneNeedsDuration
    case generatorInQuotes
    case unknownGenerator(String, suggestion: String?)
    case unknownNoiseColour(suggestion: String?)
    case textOutOfPlace(on: String, allowed: [String])
    case unexpectedWord(String, on: String, allowed: [String], suggestion: String?)
    case optionNotFor(String, on: String, allowed: [String])
    case optionTwice(String)
    case levelOutOfRange(Double)
    case panOutOfRange(Double)
    case timesOutOfRange(limit: Int)

    // MARK: Numbers, units, durations and times
    case notAUnitOf(String, Measure)
    case measureNeedsUnit(String, Measure)
    case notADuration(String)
    /// `4`, `4 sec`: `suggestion` is the short form meant (`4s`), when recognised.
    case durationNeedsUnit(String, suggestion: String?)
    case notAUnitOfTime(String, suggestion: String?)
    case negativeDuration
    case durationTooLong(String)
    case notATrackTime(String)
    case trackTimeBadDigits(String)
    case trackTimeTooLate(String)

    // MARK: Settings
    case settingNeedsValue(String)
    case notOneOf(setting: String, allowed: [String], found: String, suggestion: String?)
    case qualityOutOfRange(Double)
    case rateOutOfRange(Int)
    case peakAboveZero(Double)
    case duckPositive
    case seedNotWhole(String)
    /// `language:` that is not a BCP 47 tag; the suggestion has `_` made `-`.
    case notALanguageTag(String, suggestion: String?)
    case unknownSetting(String, suggestion: String?)
    case loudnessOutOfRange(setting: String, Double)
    case settingTwice(String, line: Int)
    case settingAfterCue(String)
    case settingInIncludedFile(String)
    case defaultsHoldOnlySettings
    case clipsFolderOutsideRoot(root: String)
    /// The library's own `clips` folder is a link to a folder outside it.
    case clipsFolderLeadsOutside(folder: String, to: String, root: String)
    case floatBitsNotWav(format: String)
    case opusRate(Int)
    case mp3Rate(Int)
    /// `format: flac, flac`.
    case formatListedTwice(String)
    /// `format: flac,, mp3`.
    case formatMissing
    /// `cover:` names a file that is not a PNG or JPEG.
    case coverNotAPicture(String)
    case coverTooLarge(String, megabytes: Int)
    /// A tag longer than every format can hold (Opus breaks above 51,200 bytes).
    case tagTooLong(String, bytes: Int, limit: Int)

    // MARK: Structure
    case tooManyCues(limit: Int)
    /// The first cue past the limit, counting every cue (not only a `repeat`'s).
    case cueLimitReached(limit: Int)
    /// ID3's table of contents counts chapters in one byte.
    case tooManyChaptersForMP3
    /// `end 0:00`: a track of no frames.
    case emptyTrack
    case endInIncludedFile
    case endInRepeat
    case endTwice(line: Int)
    case chapterNeedsCue
    case trackTooLong(seconds: Double)

    // MARK: Lengths, versions and `every`
    /// `10m..2m`; `suggestion` is the range the right way round.
    case rangeBackwards(String, suggestion: String)
    /// `length:` (or a version, or `--length`) outside what the ranged pauses allow.
    case lengthUnreachable(target: Double, shortest: Double, longest: Double)
    case lengthAndVersions
    case versionTwice(String)
    /// `at end -D` with `D` longer than the track.
    case beforeTrackStart(offset: Double, length: Double)
    /// `every` over a cue that is not underneath (`say`, `pause`, `bed`, …).
    case everyNeedsUnderneath(String)
    case everyZeroInterval
    case everyTooMany(limit: Int)

    // MARK: Files and includes
    case scriptOutsideRoot(root: String)
    /// `library.defaults` is a link out of the library: it is not read.
    case defaultsOutsideRoot(root: String)
    case cannotReadScript
    case noSuchScript
    case includeCycle([String])
    case includesTooDeep(limit: Int)
    case cannotReadInclude(String)
    case outsideRoot(String, root: String)
    case noFile(String, searched: String, suggestion: String?)
    case unreadableFile(String, reason: String)

    // MARK: Recordings
    case noRecording(String, folder: String, suggestion: String?, unreadable: [String])
    case ambiguousRecording(String, files: [String])
    case recordingOutsideRoot(String, path: String, root: String)
    case toPastEnd(file: String, seconds: Double)
    case fromPastEnd(file: String, seconds: Double)
    case fromAfterTo

    // MARK: Sounds and beds
    case unknownSound(String, suggestion: String?)
    case soundDefinedTwice(String, at: SourceLocation)
    case loopNotForGenerators
    case neverEnds(isFile: Bool, keyword: String)
    case bedAlreadyRunning(String, startedAt: SourceLocation)
    case bedNotRunning(String, suggestion: String?)
    case binauralNeedsStereo
    case frequencyOutOfRange(FrequencyRole, nyquist: Double, found: Double)
    case leftEarTooLow(Double)
    case rightEarTooHigh(Double, nyquist: Double)

    // MARK: Warnings
    case bellPartialsAboveNyquist(nyquist: Double)
    case soundNeverUsed(String)
    case runsPastEnd(endSeconds: Double)
    case bedAfterEnd
    case voiceOverlap(with: String, at: SourceLocation, seconds: Double)

    /// What the parser was looking for when it found something else.
    public enum Expected: Sendable, Equatable {
        case soundName, bedName, bedToStop, includePath, filePath
        case breathCount, sampleRate, panPosition, quality, chapterTitle
        case repeatCount, repeatColon, endTime, soundEquals, clipName
        case soundOrGenerator, generator, duration, trackTime
        case timeBeforeEnd, everyCue, glideCurve, modulationDepth, phase
        case measure(Measure)
    }

    /// The spot after which a keyword was expected: `expected `out` after the in-breath`.
    public enum KeywordContext: Sendable, Equatable {
        case breathe, inBreath, binauralFrequency, isochronicFrequency, glide
    }

    /// Which frequency of a generator is out of range.
    public enum FrequencyRole: Sendable, Equatable {
        case frequency, beat, pulse
    }
}
