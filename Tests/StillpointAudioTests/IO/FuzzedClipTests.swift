import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// Recordings the clip fuzz target (`scripts/fuzz.sh clip`, docs/reliability.md,
/// "Fuzzing") found doing harm, kept as the bytes it found, beside a plain file
/// of the same fault made in code where one can be made.
@Suite struct FuzzedClipTests {
    /// A float WAV (8 kHz mono, 400 samples) of finite values up to 2.5e38: the
    /// renderer's clip came out as NaN and infinity after resampling and
    /// levelling, which would have reached the mix. Found in the first run.
    static let hugeFloatSamples = Data(base64Encoded: [
        "UklGRnIGAABXQVZFZm10IBIAAAADAAEAQB8AAAB9AAAEACAAAABmYWN0BAAAAJABAABkYXRhQAYAAGC90Tz0UnA+TjTnPpntGj+q",
        "ozE/TvAxP8ByHj/iKu4+TmCFPoAVrjzYP16+DJ3dvvU2GL+YSDC/B+0yv87rIL/Y5/a+LIKPvvBYNL0kOkk+5DrUPqxAFT9B0S4/",
        "cq4zP9BKIz/+Rf8+PqSZPqAaiD0YqTK+ftLKvs8LEr9lRy2/eCg0v32aJb9gmAO/sNCjvhgrtb3skh0+Ql/BPsKfDj/+oSs/42Y0",
        "Pz3MJz/BYgc/CuOtPsDg4T30RQe+Or+3vjIPC79c0Cm/v3k0v6LQKb+jDgsAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE",
        "BAQEBAQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAL/4wLe+HEEHvgDU4T0a560+PmAHP0nPJz9BYzQ/QaYrP9eaDj9yasE+2HkdPrjztL3A36O+T5ADv/yiJb+tHzS/UlAtv/MC",
        "Er+e48q+DIkzvkDhhz1KsJk+5jz/PolNIz/mrTM/RM8uP49FFT+kKtQ+7GhJPiBSNb2yWo++IBj3vg3PIL+QDjO/KCIwv2JiGL8i",
        "PN2+6BVfvoBotTzU4IQ+BLXuPuQnHj8LQjI/f0gxP8JYGz+mFeY+rIp0PgAAAACoinS+pBXmvsJYG79/SDG/C0Iyv+MnHr8Gte6+",
        "1OCEvoBotbzkFV8+JDzdPmFiGD8pIjA/jQ4zPxDPID8WGPc+wFqPPqBRNT3EaEm+vCrUvoBFFb9Uzy6/060zv51NI7+8PP++dLCZ",
        "vpjgh73AiDM+vOPKPukCEj9UUC0/tB80P+eiJT9ykAM/Vt+jPgj2tD1gex2+emnBvm+bDr+MpSu/FGQ0v1nOJ79KYQe/0OStvsjd",
        "4b04Rgc+Wr63Pu0PCz9mzyk/4Ho0P2bPKT/tDws/Wr63PjhGBz7I3eG90OStvkphB79Zzie/FGQ0v4ylK79vmw6/emnBvmB7Hb4I",
        "9rQ9Vt+jPnKQAz/noiU/tB80P1RQLT/pAhI/vOPKPsCIMz6Y4Ie9dLCZvrw8/76dTSO/060zv1TPLr+ARRW/vCrUvsRoSbagUTU9",
        "wFqPPhYY9z4QzyA/jQ4zPykiMD9hYhg/JDzdPuQVXz6AaLW81OCEvga17r7jJx6/C0Iwv39IMb/CWBu/pBXmvqyKdL4AAAAArIp0",
        "PqQV5j7CWBs/f0gxPwtCMj/kJx4/BrXuPtTghD6AaLU85BVfviQ83b5hYhi/KSIwv40OM78QzyC/Fhj3vsBaj76gUTW9xGhJPrwq",
        "1D6ARRU/VM8uP9OtMz+dTSM/vDz/PnSwmT6Y4Ic9wIgzvrzjyr7pAhK/VFAtv7QfNL/noiW/cpADv1bfo74I9rS9YHsdPnppwT5v",
        "mw4/jKUrPxRkND9Zzic/SmEHP9DkrT7I3eE9OEYHvlq+t77tDwu/Zs8pv+B6NL9mzym/7Q8Lv1q+t744Rge+yN3hPdDkrT5KYQc/",
        "Wc4nPxRkND+MpSs/b5sOP3ppwT5gex0+CPa0vVbfo75ykAO/56Ilv7QfNL9UUC2/6QISv7zjyr7AiDO+mOCHPXSwmT68PP8+nU0j",
        "P9OtMz9Uzy4/gEUVP7wq1D7EaEk+oFE1vcBaj74WGPe+EM8gv40OM78pIjC/YWIYvyQ83b7kFV++gGi1PNTghD4Gte4+5CcePwtC",
        "Mj9/SDE/wlgbP6QV5j6sinQ+AAAAAKyKdL6mFea+wlgbv39IMb8LQjK/5CcevwS17r7U4IS+gGi1vOgVXz4iPN0+YmIYPygiMD+Q",
        "DjM/Dc8gPyIY9z6yWo8+IFI1PexoSb6kKtS+j0UVv0TPLr/mrTO/iU0jv+Y8/75KsJm+OOGHvQyJMz6g48o+8wISP1NQLT+sHzQ/",
        "/KIlP06QAz/C36M+sPO0PdR5Hb52asG+1poOv0OmK78/YzS/S88nvzxgB78c562+8NPhvRhBBz74wLc+og4LP6LQKT/BeTQ/WtAp",
        "PzUPCz8yv7c+CEYHPvjg4b384q2+ymIHvzPMJ7/vZjS/8qErv9CfDr8mX8G+KJMdvpArtT2W0KM+bZgDP3GaJT+CKDQ/XkctP9QL",
        "Ej980so+DKkzPmAaiL1YpJm+2EX/vulKI79SrjO/aNEuv39AFb9MO9S+ODlJvuBUND26go8+QOf2Ph7sID+07DI/7EgwP6I2GD+s",
        "nd0+rD5ePkANrry6YIW+miruvspyHr9o8DG/W6Mxvz3uGr/QMee+KF5wvg=="
    ].joined())!

    /// Each input as `welcome.wav`, with how many of its samples are beyond +60 dBFS.
    static let inputs: [(name: String, write: @Sendable (URL) throws -> Void, beyond: Int)] = [
        ("found by fuzzing", { try hugeFloatSamples.write(to: $0) }, 66),
        ("one sample at 1e30", { try tone(with: 1e30, to: $0) }, 1),
        ("one sample at 1001", { try tone(with: 1001, to: $0) }, 1),
    ]

    /// A 633-byte MP3 (an ID3 tag, then damaged frames) whose header claims
    /// billions of frames: the renderer padded the decoded clip to that length,
    /// an allocation that stopped the process. Found in the second run.
    static let absurdLengthMP3 = Data(base64Encoded: [
        "SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2Zv//////////////////////////////////////////////////////////////////",
        "////////////////////////////////////////////////////////////////////////////////////////OTcuMjcuMTAw",
        "AAAAAAAAAAAAAAD/4zjAAAAAAAAAAAAASW5mbwAAAA8gAAAEAAAB+ACSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpK2tra2tra2tra2",
        "tra2tra2tra2tra2tra229vb29vb29rb29vb29vb29vb29vb29vb2/////////////////////////////////8AAAAATGF2YzI5",
        "LjM3AAAAAAAAAAAAAAAAJAOgAAAAAAAAAfg4SlsvAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAD/4xjEAArwBtW5QQAC/0dw22AGD4Pg+9QIAgcg+D5/E4Pg+iCBxEHwffgg67/DHAb9IY5d/OdPu6UmhzhZxDf8ZUQlHKELf4P/",
        "4xjEDxCZQpABlFAAbwfqB7kAGXEScA+JgOZHWB3qYe+AaAJAKisIoLr/8hHoqkQ+Hxpv//kKA0JQkDX/iU6DSuV7fJTLZqX/4xjE",
        "Bw55CqABmUAAP//09vcblsdlZmVyZU//wlQno1ksVZ/zpWdXTEFNRTMuMTD/4xjECAAAA0gBwAAAMFVVVVVVVVVVVVVVVVVVVVVV",
        "VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVV"
    ].joined())!

    /// A header's length is believed only up to 1024 frames a byte; past that the
    /// frames are counted, so the clip is as long as its audio, not its claim.
    @Test func anAbsurdLengthInAHeaderIsCounted() throws {
        let folder = try AudioFixtures.temporaryFolder("stillpoint-fuzzed")
        let clip = folder.appendingPathComponent("welcome.mp3")
        try Self.absurdLengthMP3.write(to: clip)
        let claimed = try SoundFileReader(url: clip).info.frames
        #expect(claimed > 1024 * Int64(Self.absurdLengthMP3.count))
        let counted = Int64(try SoundFileReader(url: clip).decode().frames)
        let info = try AudioFileCatalogue().info(of: clip)
        #expect(info.frames == counted)
        let audio = try ClipStore(rate: info.rate, channels: 2, voiceLevel: -18).clip(ClipSource(file: clip))
        #expect(Int64(audio.frames) == counted)
    }

    /// A second of 48 kHz float tone with one sample replaced by `value`.
    private static func tone(with value: Float, to url: URL) throws {
        var samples = AudioFixtures.sine(frequency: 440, amplitude: 0.3, rate: 48000, frames: 48000)
        samples[1000] = value
        try AudioFixtures.writeWAV(samples, rate: 48000, encoding: .float32, to: url)
    }

    @Test(arguments: inputs.indices)
    func aSampleFarBeyondFullScaleIsAnErrorAtTheLineThatPlaysIt(_ index: Int) throws {
        let input = Self.inputs[index]
        let folder = try AudioFixtures.temporaryFolder("stillpoint-fuzzed")
        let clips = folder.appendingPathComponent("clips")
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        let clip = clips.appendingPathComponent("welcome.wav")
        try input.write(clip)
        let script = folder.appendingPathComponent("s.session")
        try Data("pause 1s\nsay welcome\n".utf8).write(to: script)

        let checked = ScriptLoader(inspector: AudioFileCatalogue()).load(script, options: ResolveOptions(verifyAudio: true))
        #expect(checked.diagnostics.map(\.message) == [
            "cannot read `welcome.wav`: \(input.beyond) of its samples lie beyond +60 dBFS (1000 times full scale), so the file is damaged; export it again"
        ], "\(input.name)")
        #expect(checked.diagnostics.first.map { [$0.location?.line, $0.location?.column] } == [2, 5])
        // The renderer's own path refuses it too, so no NaN can reach a mix.
        #expect(throws: AudioFileError.self) {
            try ClipStore(rate: 48000, channels: 2, voiceLevel: -18).clip(ClipSource(file: clip, trim: true))
        }
    }

    /// Overs a real float recording may hold (here +59.5 dBFS) still play.
    @Test func aLoudOverBelowTheLimitPlays() throws {
        let folder = try AudioFixtures.temporaryFolder("stillpoint-fuzzed")
        let clip = folder.appendingPathComponent("welcome.wav")
        try Self.tone(with: 940, to: clip)
        let audio = try ClipStore(rate: 48000, channels: 2, voiceLevel: nil).sound(clip)
        #expect(audio.channels.allSatisfy { $0.allSatisfy(\.isFinite) })
        #expect(audio.channels[0].map(abs).max() ?? 0 > 900)
    }

    /// An AIFF (found by fuzzing after 4 minutes of a 10-minute run) whose header gives 400 frames
    /// at 1 Hz: a 400-second clip, resampled to 19 million frames for the mix,
    /// which took the fuzzer's sanitized build 139 s.
    static let oneHertzAIFF = Data(base64Encoded: [
        "Rk9STQAAA3BBSUZGQ09NVAAAABoAAec0XacAAAAQUHJvY2Vzc2VkIGJ5IFNvWENPTU0AAAASAAEAAAGQABApAAAAAAAAAAAAU1NO",
        "RAAAAygAAAAAAAAAAANHHgo5zVgQTDE3ThvjKP0r3sjEVLDtpuCnXLKYmJiYmJiYmJiYmJiYmFTGe+Fw//8ekTmFTa1Yo1khTxM7",
        "rSE4AtbkHT09PT09PT09PT09PT09PT09PT09PT09HQLWITk7rE8TWSBYo02tOYUekQAA4W7Ge7JVp1ymrS+l8alYtwDNSOmQCElE",
        "MwQAKQAAAAAAAQBFAAAADwAAA0xhdmY1OX8mbD/PUaVZNQsZLfpV3CnCOq+Zpnmn77PPyLHkHQLWITg7rE8TWSBYo02tOYUekQAA",
        "4W7Ge7JVp1ym4LDtxFPex/0rG+M3TkwxWBBZh1BnPcYj1gWr5tPK9rVeqJmmKzHZlcCuWveCFnAyuEkAVqhaD1LRQcgo9wtQ7FHP",
        "pbi0qi6lz6wYvFDUh/HjEOgt8EWHVOdaPVToRYgt7xDp8eLUh7xTMooGe0VUSArpM+fG8EqMk1adP+E64qAl5e1icy5Ep0mVhd17",
        "41vKEO8XDh4reUOwU+ZaMlXSR00wWhOvp++zz8ix5B0C1iE5O6xPE1kgWKNNrTmFHpEAAOFuxnuyVadcpq0vpfGpWLcAzUjpkAh/",
        "Jmw/z1GlWTULGS36VdwpwjqvmaZ5p++zz8ix5B0C1iE4O6xPE1kgWKNNrTmFHpEAAOFuxnuyVadcpuCw7cRT3sf9KxvjN05MMVgQ",
        "WYdQZz3GI9YFq+bTyva1XqiZpisx2ZXArlr3ghZwMrhJAFaoWg9S0UHIKC4yNy4xMDAAAAAAAAAAAAAAAP/jOMAAABcAAAAAAAAA",
        "bmZvAAAADwAAAAQAAAH4AJKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkra2tra2tra2tra2tra2tra2tra2tra2trbb29vb29vb29vb",
        "29vb29vb29vb29vb29sf/////////////////////////////////wAAAABMYXZjNTkuMzcAAAAAAAAAAAAAAAAkA6AAAAAAAAAB",
        "+DhKWy8AAAAAAAD3C1DsUc+luLSqLqXPrBi8UNSH8eMQ6C3wRYdU51o9VOhFiC3vEOnx4tSHvFMyigAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/+MYxAAK8AbVuUEAAv9HcNtgBg+D4PvUCAIHIPg+fxOD4PoggcRB8H34IOu/w7bb29vb",
        "8C3pEOLxh9RPvBuszaUwqrG4qc9O7FML9CjLQcxSE1qjVgZJtDJ0Fn/3l9kvwFuuKqaYqGG18srZ5qMF4CO6PXZQdVkkWBtMaDfI",
        "G0j9qN4Ge0VUSArpM+fG8EqMk1adP+E64qAl5e1icy5Ep0mVhd1741vKtaiYYSmm8ubZBaMj4D25UHZ2TBtZWCQ3ZxvI/UjeqMR1",
        "sMinCKcvsorGdsTHsAmnL6eJsjXG9OE14fU="
    ].joined())!

    /// Rates outside 1,000 to 768,000 Hz are an error at the line that plays the
    /// clip, from `check` and from the renderer's clip store; the rates at the
    /// edges play.
    @Test(arguments: [(1, false), (999, false), (1000, true), (768_000, true), (768_001, false), (0, false)])
    func aRateNoRecordingHasIsAnErrorAtTheLineThatPlaysIt(_ rate: Int, plays: Bool) throws {
        let folder = try AudioFixtures.temporaryFolder("stillpoint-fuzzed")
        let clips = folder.appendingPathComponent("clips")
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        let clip = clips.appendingPathComponent("welcome.wav")
        try AudioFixtures.writeWAV(AudioFixtures.sine(frequency: 440, amplitude: 0.3, rate: 8000, frames: 400), rate: rate, to: clip)
        let script = folder.appendingPathComponent("s.session")
        try Data("pause 1s\nsay welcome\n".utf8).write(to: script)
        let checked = ScriptLoader(inspector: AudioFileCatalogue()).load(script, options: ResolveOptions(verifyAudio: true))
        if plays {
            #expect(checked.diagnostics.filter(\.isError).isEmpty, "\(checked.diagnostics)")
        } else {
            let error = try #require(checked.diagnostics.first, "\(rate) Hz")
            #expect(rate == 0 || error.message.contains("its sample rate, \(rate) Hz, is not a recording's (Stillpoint reads 1000 to 768000 Hz)"),
                    "\(error.message)")
            #expect([error.location?.line, error.location?.column] == [2, 5])
        }
    }

    @Test func theFuzzersOneHertzAIFFIsRefusedAtOnce() throws {
        let folder = try AudioFixtures.temporaryFolder("stillpoint-fuzzed")
        let clip = folder.appendingPathComponent("welcome.aiff")
        try Self.oneHertzAIFF.write(to: clip)
        #expect(try SoundFileReader(url: clip).info.rate == 1)
        #expect(throws: AudioFileProblem.self) { try AudioFileCatalogue().info(of: clip) }
    }
}
