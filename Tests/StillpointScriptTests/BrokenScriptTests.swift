import Foundation
import StillpointScript
import Testing

/// Broken scripts, each with the spot of its one problem marked by 1️⃣ in the
/// text: the test strips the marker and expects the diagnostic exactly there.
@Suite struct BrokenScriptTests {
    static let marker = "1️⃣"

    /// The text without the marker, and the marker's line and column (tabs to
    /// the next multiple of 4, as a practitioner's editor shows them).
    static func unmark(_ marked: String) -> (text: String, line: Int, column: Int) {
        guard let range = marked.range(of: marker) else { return (marked, 0, 0) }
        let before = marked[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        var column = 1
        for character in before[lineStart...] {
            column = character == "\t" ? ((column - 1) / 4 + 1) * 4 + 1 : column + 1
        }
        return (marked.replacingOccurrences(of: marker, with: ""), line, column)
    }

    static func library() throws -> TestLibrary {
        let library = try TestLibrary(
            clips: ["welcome.flac": 2, "soft.ogg": 1.5, "twin.flac": 1, "twin.wav": 1],
            files: ["notes.txt": "not audio"], audio: ["ocean.flac": 10])
        return library
    }

    static let cases: [(marked: String, severity: Diagnostic.Severity, message: String)] = [
        ("1️⃣sya welcome", .error, "unknown instruction `sya`"),
        ("say 1️⃣welcom", .error, "no recording for the clip `welcom`"),
        ("pause 1️⃣4", .error, "`4` needs a unit, such as 4s"),
        ("pause 1️⃣-4s", .error, "a duration cannot be negative"),
        ("pause 1️⃣4x", .error, "`x` is not a unit of time"),
        ("at 1️⃣5:7 say welcome", .error, "`5:7` is not a time on the track"),
        ("1️⃣titel: x\nsay welcome", .error, "unknown setting `titel`"),
        ("title: a\n1️⃣Title: b", .error, "`title` is already set on line 1"),
        ("duck: 1️⃣+3 dB", .error, "`duck` is how far sounds dip, so it cannot be positive"),
        ("language: 1️⃣pt_BR\nsay welcome", .error, "`pt_BR` is not a language tag"),
        ("language: 1️⃣English\nsay welcome", .error, "`English` is not a language tag"),
        ("language: 1️⃣de-\nsay welcome", .error, "`de-` is not a language tag"),
        ("format: 1️⃣mp4", .error, "`format` is one of `wav`, `flac`, `ogg`, `opus`, `mp3`, found `mp4`"),
        ("bits: 1️⃣32f\nsay welcome", .error, "`bits: 32f` is for wav only; flac files are 16 or 24 bits"),
        ("rate: 1️⃣44100\nformat: opus", .error, "opus cannot be written at 44100 samples a second"),
        ("channels: 1️⃣3", .error, "`channels` is one of `1`, `2`, found `3`"),
        ("quality: 1️⃣1.5", .error, "`quality` is from 0 to 1, found 1.5"),
        ("loudness: 1️⃣-18 LUFX", .error, "`-18` needs a unit: a loudness is written like -18 LUFS"),
        ("say welcome\n1️⃣tail: 5s", .error, "settings go at the top, before the first cue"),
        ("repeat 2:\n    1️⃣title: x", .error, "settings go at the top, before the first cue"),
        ("repeat 1️⃣10001:\n  pause 1s", .error, "`repeat` can repeat at most 10,000 times"),
        ("repeat 1️⃣0:\n  pause 1s", .error, "expected how many times to repeat (a whole number from 1), found `0`"),
        ("repeat 31️⃣\n  pause 1s", .error, "expected `:` after the repeat count, such as `repeat 5:`"),
        ("repeat 3:1️⃣\npause 1s", .error, "`repeat` needs indented lines after it"),
        ("repeat 3:\n    pause 1s\n  1️⃣pause 2s", .error, "this line's indentation matches no block above it"),
        ("say welcome\n  1️⃣pause 1s", .error, "this line is indented but is not inside a `repeat` block"),
        ("repeat 2:\n    pause 1s\n1️⃣\tpause 1s", .error, "this block mixes tabs and spaces in its indentation"),
        ("repeat 2:\n1️⃣ \tpause 1s", .error, "this line's indentation mixes tabs and spaces"),
        ("play 1️⃣bowl", .error, "unknown sound `bowl`"),
        ("sound bowl = bell 432 Hz\nplay 1️⃣Bowl", .error, "unknown sound `Bowl`"),
        ("1️⃣play sine 432 Hz", .error, "this sound never ends by itself: add `for DURATION`"),
        ("tone sine 432 Hz1️⃣", .error, "`tone` needs `for DURATION`, such as `tone sine 432 Hz for 30s`"),
        ("tone sine 1️⃣30 kHz for 1s", .error,
         "the frequency must be above 0 Hz and below 24000 Hz (half the rate), found 30000 Hz"),
        ("tone sine 1️⃣0 Hz for 1s", .error, "the frequency must be above 0 Hz and below 24000 Hz (half the rate), found 0 Hz"),
        ("tone sine 440 Hz -> 1️⃣25 kHz over 3s for 1s", .error,
         "the frequency must be above 0 Hz and below 24000 Hz (half the rate), found 25000 Hz"),
        ("rate: 8000\ntone isochronic 200 Hz pulse 1️⃣5 kHz for 1s", .error,
         "the pulse rate must be above 0 Hz and below 4000 Hz (half the rate), found 5000 Hz"),
        ("tone binaural 1️⃣10 Hz beat 30 Hz for 1s", .error,
         "the left ear's frequency (frequency − beat/2) falls to -5 Hz; it must stay above 0 Hz"),
        ("tone binaural 1️⃣100 Hz beat 10 Hz -> 300 Hz over 1m for 1s", .error,
         "the left ear's frequency (frequency − beat/2) falls to -50 Hz; it must stay above 0 Hz"),
        ("channels: 1\ntone binaural 1️⃣200 Hz beat 10 Hz for 1s", .error, "binaural needs two ears, but `channels` is 1"),
        ("stop 1️⃣waves", .error, "no bed named `waves` is running here"),
        ("bed waves = noise pink\nbed 1️⃣waves = noise brown", .error,
         "the bed `waves` is already running (started at main.session:1:1)"),
        ("say welcome\n1️⃣chapter End", .error, "a chapter needs a cue after it"),
        ("include 1️⃣missing.session", .error, "no file `missing.session`"),
        ("include 1️⃣../outside.session", .error, "`../outside.session` is outside the library's root"),
        ("play 1️⃣/etc/hostname", .error, "`/etc/hostname` is outside the library's root"),
        ("say welcome \"Hi\" 1️⃣\"again\"", .error, "unexpected text in quotes; a transcript goes right after the clip name"),
        ("say welcome 1️⃣noduck", .error, "`noduck` does not apply to `say`"),
        ("say welcome level -3 dB 1️⃣level -2 dB", .error, "`level` is given twice"),
        ("play ocean.flac pan 1️⃣2", .error, "pan is from -1 (left) to 1 (right), found 2"),
        ("bed noise 1️⃣purple", .error, "expected the noise colour: `white`, `pink` or `brown`"),
        ("tone 1️⃣saw 440 Hz for 1s", .error, "unknown generator `saw`"),
        ("say welcome 1️⃣\"unterminated", .error, "this text has no closing quote"),
        ("say welcome \"a 1️⃣\\q\"", .error, "unknown escape in text; only \\\" and \\\\ are allowed"),
        ("say welcome 1️⃣“Hi”", .error, "use straight quotes (\") around text"),
        ("sound 1️⃣sine = bell 432 Hz", .error, "`sine` is a keyword; choose another name"),
        ("sound bowl = bell 432 Hz\nsound 1️⃣bowl = bell 500 Hz\nplay bowl", .error,
         "the sound `bowl` is already defined at main.session:1:7"),
        ("end 0:30\n1️⃣end +2s", .error, "the end is already set on line 1"),
        ("end 1️⃣5", .error, "expected a time on the track, such as 5:00 or 1:02:03"),
        ("at 1️⃣13:00:00 say welcome", .error, "`13:00:00` is past the 12 h limit on a track"),
        ("pause 1️⃣13h", .error, "`13h` is longer than the 12 h limit on a track"),
        ("pause 7h\n1️⃣pause 6h", .error, "the track would last 13:00:10, past the 12 h limit"),
        ("say welcome\nend +1️⃣12h", .error, "the track would last 12:00:02, past the 12 h limit"),
        ("say welcome from 1️⃣3s", .error, "`from` is past the end of welcome.flac, which lasts 0:02"),
        ("say welcome to 1️⃣5s", .error, "`to` is past the end of welcome.flac, which lasts 0:02"),
        ("say welcome from 1️⃣1.5s to 1s", .error, "`from` must come before `to`"),
        ("say 1️⃣twin", .error, "more than one recording is named `twin`: twin.flac, twin.wav"),
        ("play 1️⃣notes.txt", .error, "cannot read `notes.txt`: not an audio file"),
        ("play ocean.flac 1️⃣trim", .error, "`trim` does not apply to `play`"),
        ("+2s 1️⃣chapter X", .error, "a time can only come before a cue, not before `chapter`"),
        ("1️⃣tone noise pink for 1s loop", .error, "`loop` is for files; other generators run until they are stopped"),
        ("breathe in 4s 1️⃣6s", .error, "expected `out` after the in-breath (such as `breathe in 4s out 6s`)"),
        ("breathe in 4s out 6s times 1️⃣0", .error, "`times` is from 1 to 10,000"),
        ("sound bowl 1️⃣bell 432 Hz", .error, "expected `=` after the sound's name, such as `sound bowl = bell 432 Hz`"),
        ("tone sine 432 1️⃣s for 1s", .error, "`s` is not a unit of frequency; write it like 432 Hz"),
        ("play ocean.flac level 1️⃣loud", .error, "expected a level, such as -20 dB, found `loud`"),
        ("tone sine 10 Hz -> 20 Hz 1️⃣for 3m for 5s", .error, "expected `over` after a glide (`-> VALUE over DURATION`)"),
        ("say welcome 1️⃣extra", .error, "unexpected `extra`"),
        ("play ocean.flac level 1️⃣+30 dB", .error, "a level is from -120 dB to +24 dB, found 30 dB"),
        ("say welcome\nat 0:01 1️⃣say soft", .warning, "this voice clip overlaps `welcome` (main.session:1:1) by 0:01"),
        ("sound 1️⃣bowl = bell 432 Hz\nsay welcome", .warning, "the sound `bowl` is never used"),
        ("play bell 1️⃣5 kHz", .warning, "some partials of this bell are above 24000 Hz (half the rate) and are left out"),
        ("pause 1m\n1️⃣play ocean.flac\nend 1:05", .warning, "this sound runs past the end at 1:05; it is faded out there"),
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsSpot(marked: String, severity: Diagnostic.Severity, message: String) throws {
        let (text, line, column) = Self.unmark(marked)
        let library = try Self.library()
        let result = try library.load(text)
        let found = result.diagnostics.filter { $0.severity == severity }
        #expect(found.map(\.message) == [message], "\(result.report)")
        #expect(found.first?.location == SourceLocation(file: "main.session", line: line, column: column))
        #expect(found.first?.sourceLine == text.components(separatedBy: "\n")[line - 1])
        #expect((result.timeline == nil) == (severity == .error))
    }

    @Test func thereAreAtLeastFortyBrokenScripts() {
        #expect(Self.cases.filter { $0.severity == .error }.count >= 40)
    }

    @Test(arguments: [
        ("1️⃣sya welcome", "did you mean `say`?"),
        ("sound bowl = bell 432 Hz\nplay 1️⃣Bowl", "did you mean `bowl`?"),
        ("say 1️⃣Welcome", "did you mean `welcome`?"),
        ("1️⃣volume: 3", "settings: title, artist, album, comment, genre, date, format, bits, quality, rate, channels, loudness, peak, voice-level, duck, clips, tail, seed, cover, length, versions, version-title, language"),
        ("1️⃣voice-levle: off", "did you mean `voice-level:`?"),
        ("1️⃣tittle \"x\"", "did you mean the setting `title:`?"),
        ("play ocean.flac 1️⃣nodcuk", "did you mean `noduck`?"),
        ("play 1️⃣Ocean.flac", "did you mean `ocean.flac`?"),
        ("pause 1️⃣4 sec", "did you mean `4s`?"),
        ("pause 1️⃣2minutes", "did you mean `2m`?"),
        ("pause 1️⃣1.5 hours", "did you mean `1.5h`?"),
    ])
    func hintsSayWhatWasMeant(marked: String, hint: String) throws {
        let (text, line, column) = Self.unmark(marked)
        let result = try Self.library().load(text)
        let error = try #require(result.errors.first, "\(result.report)")
        #expect(error.hints.contains(hint), "\(error.hints)")
        #expect(error.location?.line == line && error.location?.column == column)
    }

    @Test func aMissingClipSaysWhereItLooked() throws {
        let library = try Self.library()
        let error = try #require(try library.load("say nothing").errors.first)
        #expect(error.hints == [
            "looked in \(library.root.path)/clips for nothing.flac, .wav, .ogg, .opus, .mp3, .aiff",
            "record it, or render a draft with --draft",
        ])
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let result = try Self.library().load("sya x\npause 4\nsay welcome\nplay bowl\ntone sine 1 Hz")
        #expect(result.errors.map(\.location?.line) == [1, 2, 4, 5])
    }
}
