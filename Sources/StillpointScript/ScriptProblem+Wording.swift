import Foundation

extension ScriptProblem: DiagnosticMessage {
    /// The five problems that let the track render: each is worth a listen.
    public var severity: Diagnostic.Severity {
        switch self {
        case .bellPartialsAboveNyquist, .soundNeverUsed, .runsPastEnd, .bedAfterEnd, .voiceOverlap: .warning
        default: .error
        }
    }

    public var message: String { wording.message }
    public var hints: [Hint] { wording.hints }

    private static let durationHint = Hint.text("write durations like 250ms, 4s, 1.5s, 3m, 1m30s or 1h5m")
    private static let indentHint = Hint.text("indent every line of a block by the same amount")
    private static let tabsHint = Hint.text("indent with spaces only, or with tabs only")

    /// Every problem's words, in one switch: docs/errors.md shows what each prints.
    private var wording: (message: String, hints: [Hint]) {
        switch self {
        case .notUTF8: ("this line is not valid UTF-8 text", [.text("save the file as UTF-8 in your editor")])
        case .curlyQuotes: ("use straight quotes (\") around text", [])
        case .unknownEscape: ("unknown escape in text; only \\\" and \\\\ are allowed", [])
        case .unclosedText: ("this text has no closing quote", [.text("end the text with \"")])
        case .invisibleCharacter(let name, let inText):
            ("invisible character \(name) here",
             [.text(inText
                ? "delete it: text cannot hold control characters"
                : "delete it, or type a plain space; it often comes from copying text from a web page or a document")])
        case .lineTooLong(let bytes, let limit):
            ("this line is \(thousands(bytes)) bytes long; a line may be at most \(thousands(limit))",
             [.text("a script is short lines of text; was another file pasted into it?")])

        case .indentedOutsideRepeat(let atTop):
            ("this line is indented but is not inside a `repeat` block",
             [atTop ? .text("only the lines of a `repeat` block are indented") : Self.indentHint])
        case .indentationMatchesNoBlock: ("this line's indentation matches no block above it", [Self.indentHint])
        case .lineMixesTabsAndSpaces: ("this line's indentation mixes tabs and spaces", [Self.tabsHint])
        case .blockMixesTabsAndSpaces: ("this block mixes tabs and spaces in its indentation", [Self.tabsHint])
        case .repeatNeedsBody:
            ("`repeat` needs indented lines after it", [.text("indent the lines to repeat under the `repeat` line")])
        case .repeatNestsTooDeep(let limit): ("`repeat` blocks nest more than \(limit) deep", [])

        case .timeNeedsCue: ("a time needs a cue after it, such as `say`, `play` or `pause`", [])
        case .timeBeforeStructure(let keyword): ("a time can only come before a cue, not before `\(keyword)`", [])
        case .unknownInstruction(let word, let guess):
            ("unknown instruction `\(word)`",
             guess.map { settingNames.contains($0) ? [.didYouMeanSetting($0)] : [.didYouMean($0)] } ?? [])
        case .notAnInstruction: ("a line starts with an instruction such as `say`, `pause` or `play`", [])
        case .unexpectedAtEnd(let word): ("unexpected `\(word)` at the end of the line", [])
        case .expected(let what): ("expected \(what.phrase)", [])
        case .expectedFound(let what, let found): ("expected \(what.phrase), found `\(found)`", [])
        case .expectedWholeNumber(let what, let found): ("expected \(what.phrase) (a whole number), found `\(found)`", [])
        case .expectedKeyword(let keyword, let after): ("expected `\(keyword)` after \(after.phrase)", [])
        case .badRepeatCount(let found): ("expected how many times to repeat (a whole number from 1), found `\(found)`", [])
        case .repeatTooMany(let limit): ("`repeat` can repeat at most \(thousands(limit)) times", [])
        case .keywordAsName(let name): ("`\(name)` is a keyword; choose another name", [])
        case .nameStartsWithLetter(let name): ("a name starts with a letter, found `\(name)`", [])
        case .toneNeedsDuration: ("`tone` needs `for DURATION`, such as `tone sine 432 Hz for 30s`", [])
        case .generatorInQuotes: ("expected a generator, such as `sine 432 Hz`, found text in quotes", [])
        case .unknownGenerator(let word, let guess):
            ("unknown generator `\(word)`", (guess.map { [.didYouMean($0)] } ?? []) + [.choices("generators", generatorKeywords)])
        case .unknownNoiseColour(let guess):
            ("expected the noise colour: `white`, `pink` or `brown`", guess.map { [.didYouMean($0)] } ?? [])
        case .textOutOfPlace(let keyword, let allowed):
            ("unexpected text in quotes; a transcript goes right after the clip name", [.takes(keyword, allowed)])
        case .unexpectedWord(let word, let keyword, let allowed, let guess):
            ("unexpected `\(word)`", guess.map { [.didYouMean($0)] } ?? [.takes(keyword, allowed)])
        case .optionNotFor(let option, let keyword, let allowed):
            ("`\(option)` does not apply to `\(keyword)`", [.takes(keyword, allowed)])
        case .optionTwice(let option): ("`\(option)` is given twice", [])
        case .levelOutOfRange(let level): ("a level is from -120 dB to +24 dB, found \(format(level)) dB", [])
        case .panOutOfRange(let pan): ("pan is from -1 (left) to 1 (right), found \(format(pan))", [])
        case .timesOutOfRange(let limit): ("`times` is from 1 to \(thousands(limit))", [])

        case .notAUnitOf(let unit, let measure):
            ("`\(unit)` is not a unit of \(measure.noun.dropFirst(2)); write it like \(measure.example)", [])
        case .measureNeedsUnit(let number, let measure):
            ("`\(number)` needs a unit: \(measure.noun) is written like \(measure.example)", [])
        case .notADuration(let word): ("`\(word)` is not a duration", [Self.durationHint])
        case .durationNeedsUnit(let number, let meant):
            ("`\(number)` needs a unit, such as \(number)s", (meant.map { [.didYouMean($0)] } ?? []) + [Self.durationHint])
        case .notAUnitOfTime(let unit, let meant):
            ("`\(unit)` is not a unit of time", (meant.map { [.didYouMean($0)] } ?? []) + [Self.durationHint])
        case .negativeDuration: ("a duration cannot be negative", [])
        case .durationTooLong(let word): ("`\(word)` is longer than the 12 h limit on a track", [])
        case .notATrackTime(let word):
            ("`\(word)` is not a time on the track", [.text("write m:ss or h:mm:ss, such as 5:00, 12:30 or 1:02:03.5")])
        case .trackTimeBadDigits(let word):
            ("`\(word)` is not a time on the track",
             [.text("minutes and seconds after a colon are two digits below 60, such as 5:07")])
        case .trackTimeTooLate(let word): ("`\(word)` is past the 12 h limit on a track", [])

        case .settingNeedsValue(let name): ("`\(name):` needs a value", [])
        case .notOneOf(let name, let allowed, let found, let guess):
            ("`\(name)` is one of " + allowed.map { "`\($0)`" }.joined(separator: ", ") + ", found `\(found)`",
             guess.map { [.didYouMean($0)] } ?? [])
        case .qualityOutOfRange(let quality): ("`quality` is from 0 to 1, found \(format(quality))", [])
        case .rateOutOfRange(let rate): ("`rate` is from 8000 to 384000 samples a second, found \(rate)", [])
        case .peakAboveZero(let peak): ("`peak` is a ceiling at or below 0 dBTP, found \(format(peak)) dBTP", [])
        case .duckPositive:
            ("`duck` is how far sounds dip, so it cannot be positive", [.text("write it like `duck: -8 dB`")])
        case .seedNotWhole(let found): ("`seed` is a whole number, such as 1, found `\(found)`", [])
        case .notALanguageTag(let found, let guess):
            ("`\(found)` is not a language tag",
             guess.map { [.didYouMean($0)] } ?? [.text("write the language the words are spoken in as a tag such as en, de, fr-CA or pt-BR")])
        case .unknownSetting(let name, let guess):
            ("unknown setting `\(name)`", guess.map { [.didYouMean($0 + ":")] } ?? [.choices("settings", settingNames)])
        case .loudnessOutOfRange(let name, let value): ("`\(name)` is from -70 to 0 LUFS, found \(format(value)) LUFS", [])
        case .settingTwice(let name, let line): ("`\(name)` is already set on line \(line)", [.text("each setting may appear once")])
        case .settingAfterCue(let name):
            ("settings go at the top, before the first cue", [.text("move `\(name):` above the first cue")])
        case .settingInIncludedFile(let name):
            ("an included file holds no settings", [.text("move `\(name):` to the main script or to `library.defaults`")])
        case .defaultsHoldOnlySettings:
            ("`library.defaults` holds only settings", [.text("put sounds and cues in a `.session` file")])
        case .clipsFolderOutsideRoot(let root):
            ("the clips folder is outside the library's root", [.libraryRoot(root, filesOnly: false)])
        case .clipsFolderLeadsOutside(let folder, let target, let root):
            ("the clips folder \(folder) leads outside the library's root, to \(target)",
             [.libraryRoot(root, filesOnly: true), .text("move the recordings into the library, or set `clips:` to a folder inside it")])
        case .floatBitsNotWav(let format): ("`bits: 32f` is for wav only; \(format) files are 16 or 24 bits", [])
        case .opusRate(let rate):
            ("opus cannot be written at \(rate) samples a second", [.choices("opus rates", ["8000", "12000", "16000", "24000", "48000"])])
        case .mp3Rate(let rate):
            ("mp3 cannot be written at \(rate) samples a second", [.text("mp3 rates: 32000, 44100, 48000 (and 8000 to 24000)")])
        case .formatListedTwice(let format): ("`\(format)` is listed twice", [.text("list each format once")])
        case .formatMissing: ("a format is missing between the commas", [.text("list formats like `format: flac, mp3`")])
        case .coverNotAPicture(let path): ("`\(path)` is not a PNG or JPEG picture", [.text("export the cover as .png or .jpg")])
        case .coverTooLarge(let path, let megabytes):
            ("`\(path)` is \(megabytes) MB; a cover may be at most 8 MB",
             [.text("export it smaller, for example 1400 × 1400 pixels as JPEG")])
        case .tagTooLong(let name, let bytes, let limit):
            ("`\(name)` is \(bytes) bytes long; a tag holds at most \(thousands(limit))",
             [.text("shorten it; Opus files cannot hold a longer one")])

        case .tooManyCues(let limit):
            ("this `repeat` makes more than \(thousands(limit)) cues, the limit after expansion",
             [.text("repeat fewer times, or split the session")])
        case .cueLimitReached(let limit):
            ("this cue is past the limit of \(thousands(limit)) cues in a track", [.text("split the session into shorter tracks")])
        case .tooManyChaptersForMP3:
            ("an MP3 file holds at most 255 chapters; this is the 256th",
             [.text("use fewer chapters, or `format: flac`, `ogg` or `opus`, which hold any number")])
        case .emptyTrack:
            ("the track would be empty: it ends at 0:00", [.text("end it after its last sound, for example `end +10s`")])
        case .endInIncludedFile: ("`end` belongs in the main script, not in an included file", [])
        case .endInRepeat: ("`end` cannot be inside a `repeat`", [])
        case .endTwice(let line): ("the end is already set on line \(line)", [])
        case .chapterNeedsCue:
            ("a chapter needs a cue after it", [.text("a chapter starts at the next cue; put `chapter` on the line before that cue")])
        case .trackTooLong(let seconds): ("the track would last \(TimeFormat.exact.string(seconds)), past the 12 h limit", [])

        case .rangeBackwards(let written, let meant):
            ("`\(written)` runs backwards", [.didYouMean(meant), .text("a range is written shortest first")])
        case .lengthUnreachable(let target, let shortest, let longest):
            ("this script cannot last \(TimeFormat.exact.string(target)); it lasts from \(TimeFormat.exact.string(shortest)) to \(TimeFormat.exact.string(longest))",
             [.text(shortest == longest
                 ? "give a pause a range, such as `pause 2m..10m`, to let the script stretch"
                 : "the ranged pauses (such as `pause 2m..10m`) decide how long the script can be")])
        case .lengthAndVersions:
            ("`length` and `versions` cannot both be set", [.text("`versions` gives each track its own length")])
        case .versionTwice(let label): ("the version `\(label)` is listed twice", [])
        case .beforeTrackStart(let offset, let length):
            ("\(TimeFormat.exact.string(offset)) before the end is before the start: the track lasts \(TimeFormat.exact.string(length))", [])
        case .everyNeedsUnderneath(let keyword):
            ("`every` repeats a sound underneath (`play` or `tone`), not `\(keyword)`",
             [.text(["say", "pause", "breathe"].contains(keyword)
                 ? "`\(keyword)` moves the spine; repeat it with a `repeat` block"
                 : "a bed already runs until it is stopped")])
        case .everyZeroInterval:
            ("`every` needs an interval longer than zero", [.text("such as `every 5m play bowl`")])
        case .everyTooMany(let limit):
            ("this `every` makes more than \(thousands(limit)) cues, the limit after expansion",
             [.text("use a longer interval, or end it sooner with `until`")])

        case .scriptOutsideRoot(let root): ("the script is outside the library's root", [.libraryRoot(root, filesOnly: false)])
        case .defaultsOutsideRoot(let root):
            ("`library.defaults` leads outside the library's root",
             [.text("it is a link to a file elsewhere; make it a plain file in \(root)")])
        case .cannotReadScript: ("cannot read the script", [.text("check the spelling, and the folder you are in")])
        case .noSuchScript: ("no such script", [.text("check the spelling, and the folder you are in")])
        case .includeCycle(let names):
            ("these files include each other: " + names.joined(separator: " → "), [.text("remove one of the `include` lines")])
        case .includesTooDeep(let limit): ("includes nest more than \(limit) files deep, the limit", [])
        case .cannotReadInclude(let path): ("cannot read `\(path)`", [])
        case .outsideRoot(let written, let root): ("`\(written)` is outside the library's root", [.libraryRoot(root, filesOnly: true)])
        case .noFile(let written, let searched, let guess):
            ("no file `\(written)`", (guess.map { [.didYouMean($0)] } ?? []) + [.searchedPath(searched)])
        case .unreadableFile(let written, let reason): ("cannot read `\(written)`: \(reason)", [])

        case .noRecording(let clip, let folder, let guess, let unreadable):
            ("no recording for the clip `\(clip)`",
             (guess.map { [.didYouMean($0)] } ?? []) + [.searchedFolder(folder, forClip: clip)]
                 + unreadable.map { .unreadableKind(file: $0, clip: clip) }
                 + [.text("record it, or render a draft with --draft")])
        case .ambiguousRecording(let clip, let files):
            ("more than one recording is named `\(clip)`: " + files.joined(separator: ", "),
             [.text("keep one of them, or rename the others")])
        case .recordingOutsideRoot(let clip, let path, let root):
            ("the recording for `\(clip)` is outside the library's root", [.text("\(path) leads outside \(root)")])
        case .toPastEnd(let file, let seconds): ("`to` is past the end of \(file), which lasts \(TimeFormat.exact.string(seconds))", [])
        case .fromPastEnd(let file, let seconds): ("`from` is past the end of \(file), which lasts \(TimeFormat.exact.string(seconds))", [])
        case .fromAfterTo: ("`from` must come before `to`", [])

        case .unknownSound(let name, let guess):
            ("unknown sound `\(name)`",
             (guess.map { [.didYouMean($0)] } ?? []) + (name.contains(".") ? [] : [.text("define it above this line with `sound \(name) = …`")]))
        case .soundDefinedTwice(let name, let location):
            ("the sound `\(name)` is already defined at \(location)", [.text("give this sound another name")])
        case .loopNotForGenerators: ("`loop` is for files; other generators run until they are stopped", [])
        case .neverEnds(let isFile, let keyword):
            (isFile ? "a looping file needs `for DURATION` to know when to stop" : "this sound never ends by itself: add `for DURATION`",
             [.text("such as `\(keyword) … for 30s`")])
        case .bedAlreadyRunning(let name, let started):
            ("the bed `\(name)` is already running (started at \(started))",
             [.text("stop it first with `stop \(name)`, or give this bed another name")])
        case .bedNotRunning(let name, let guess):
            ("no bed named `\(name)` is running here",
             guess.map { [.didYouMean($0)] } ?? [.text("start it with `bed \(name) = …` before this line")])
        case .binauralNeedsStereo:
            ("binaural needs two ears, but `channels` is 1", [.text("set `channels: 2`, or use `isochronic`")])
        case .frequencyOutOfRange(let role, let nyquist, let found):
            ("\(role.phrase) must be above 0 Hz and below \(format(nyquist)) Hz (half the rate), found \(format(found)) Hz", [])
        case .leftEarTooLow(let hertz):
            ("the left ear's frequency (frequency − beat/2) falls to \(format(hertz)) Hz; it must stay above 0 Hz", [])
        case .rightEarTooHigh(let hertz, let nyquist):
            ("the right ear's frequency (frequency + beat/2) reaches \(format(hertz)) Hz; it must stay below \(format(nyquist)) Hz (half the rate)", [])

        case .bellPartialsAboveNyquist(let nyquist):
            ("some partials of this bell are above \(format(nyquist)) Hz (half the rate) and are left out",
             [.text("a bell's partials are at 1, 2.76 and 5.40 times its frequency")])
        case .soundNeverUsed(let name):
            ("the sound `\(name)` is never used", [.text("play it with `play \(name)` or `bed \(name)`, or remove it")])
        case .runsPastEnd(let end):
            ("this sound runs past the end at \(TimeFormat.exact.string(end)); it is faded out there",
             [.text("move `end` later, or the cue earlier")])
        case .bedAfterEnd: ("this bed starts after the end of the track and is left out", [])
        case .voiceOverlap(let name, let location, let seconds):
            ("this voice clip overlaps `\(name)` (\(location)) by \(TimeFormat.exact.string(seconds))",
             [.text("move it later, or shorten the one before")])
        }
    }
}

extension ScriptProblem.Expected {
    var phrase: String {
        switch self {
        case .soundName: "a name for the sound, such as `sound bowl = bell 432 Hz`"
        case .bedName: "a name for the bed"
        case .bedToStop: "the name of the bed to stop"
        case .includePath: "a file to include, such as parts/intro.session"
        case .filePath: "a file, such as `file ocean.flac`"
        case .breathCount: "how many breaths"
        case .sampleRate: "a sample rate, such as 48000"
        case .panPosition: "a pan position from -1 (left) to 1 (right)"
        case .glideCurve: "`even` or `linear`"
        case .modulationDepth: "a depth from 0 to 1"
        case .phase: "a phase in cycles, from 0 to 1"
        case .quality: "a quality from 0 to 1, such as 0.7"
        case .chapterTitle: "a chapter title"
        case .repeatCount: "how many times to repeat, such as `repeat 5:`"
        case .repeatColon: "`:` after the repeat count, such as `repeat 5:`"
        case .endTime: "when the track ends, such as `end 20:00` or `end +20s`"
        case .soundEquals: "`=` after the sound's name, such as `sound bowl = bell 432 Hz`"
        case .clipName: "a clip name after `say`, such as `say welcome \"Welcome.\"`"
        case .soundOrGenerator: "a sound name or a generator, such as `sine 432 Hz`"
        case .generator: "a generator, such as `bell 432 Hz` or `noise brown`"
        case .duration: "a duration, such as 4s or 1m30s"
        case .trackTime: "a time on the track, such as 5:00 or 1:02:03"
        case .timeBeforeEnd: "how long before the end, such as `at end -3m`"
        case .everyCue: "what to repeat after the interval, such as `every 5m play bowl`"
        case .measure(let measure): "\(measure.noun), such as \(measure.example)"
        }
    }
}

extension ScriptProblem.KeywordContext {
    var phrase: String {
        switch self {
        case .breathe: "`breathe` (such as `breathe in 4s hold 2s out 6s`)"
        case .inBreath: "the in-breath (such as `breathe in 4s out 6s`)"
        case .binauralFrequency: "the binaural frequency (such as `binaural 200 Hz beat 10 Hz`)"
        case .isochronicFrequency: "the isochronic frequency (such as `isochronic 200 Hz pulse 10 Hz`)"
        case .glide: "a glide (`-> VALUE over DURATION`)"
        }
    }
}

extension ScriptProblem.FrequencyRole {
    var phrase: String {
        switch self {
        case .frequency: "the frequency"
        case .beat: "the beat"
        case .pulse: "the pulse rate"
        }
    }
}

/// A number as a practitioner writes it: no trailing `.0`.
func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

/// `10,000`: a limit as the format page writes it.
private func thousands(_ value: Int) -> String {
    let digits = Array(String(value))
    var text = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return text
}
