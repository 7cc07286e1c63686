import Foundation
import StillpointAudio
import StillpointScript
import StillpointTestSupport
import Testing

/// A damaged or wrong input and how it is made.
struct BadFile: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var name: String
    var make: @Sendable (URL) throws -> Void

    static let all: [BadFile] = [
        BadFile(testDescription: "header cut short", name: "cut.wav") { url in
            let whole = AudioFixtures.wav(AudioFixtures.silence(frames: 100), rate: 8000, channels: 1)
            try whole.prefix(30).write(to: url)
        },
        BadFile(testDescription: "empty file", name: "empty.wav") { url in
            try Data().write(to: url)
        },
        BadFile(testDescription: "text named .wav", name: "notes.wav") { url in
            try Data("Welcome. Breathe in slowly.\n".utf8).write(to: url)
        },
        BadFile(testDescription: "text named .flac", name: "notes.flac") { url in
            try Data(String(repeating: "not audio ", count: 100).utf8).write(to: url)
        },
        BadFile(testDescription: "header only, no frames", name: "hollow.wav") { url in
            try AudioFixtures.wav([], rate: 8000, channels: 1).write(to: url)
        },
        BadFile(testDescription: "missing file", name: "missing.wav") { _ in },
        BadFile(testDescription: "folder", name: "folder.wav") { url in
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        },
    ]
}

@Suite struct BadFileTests {
    @Test(arguments: BadFile.all)
    func badInputIsAnErrorNamingThePath(_ bad: BadFile) throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(bad.name)
        try bad.make(url)
        // The resolver names the file and the line; the catalogue says only why.
        let infoError = #expect(throws: AudioFileProblem.self) { try AudioFileCatalogue().info(of: url) }
        #expect(infoError.map { !$0.reason.isEmpty && !$0.reason.contains(url.path) } == true, "\(String(describing: infoError))")
        let clipError = #expect(throws: AudioFileError.self) {
            try ClipStore(rate: 48000, channels: 2, voiceLevel: -20).clip(ClipSource(file: url, trim: true))
        }
        #expect(clipError?.path == url.path)
    }

    @Test func truncatedDataReadsWhatIsThere() throws {
        let folder = try AudioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("half.wav")
        let whole = AudioFixtures.wav(AudioFixtures.sine(frequency: 440, rate: 8000, frames: 8000), rate: 8000, channels: 1)
        try whole.prefix(44 + 8000).write(to: url)  // header claims 8000 frames, 4000 are there
        let reader = try SoundFileReader(url: url)
        #expect(try reader.readAll().count == 4000)
        #expect(try AudioFileCatalogue().info(of: url).frames == 4000)
    }

    @Test func messagesAreSentences() throws {
        let error = AudioFileError(.read, path: "clips/welcome.flac", reason: "the file is empty.", call: "sf_open")
        #expect(error.message == "cannot read clips/welcome.flac: the file is empty")
        #expect(AudioFileError(.write, path: "out.opus", reason: "no space", call: "sf_writef_float").description
            == "cannot write out.opus: no space")
    }

    /// libsndfile's programmer's texts become sentences; its number and text stay the cause.
    @Test(arguments: [
        (Int32(0), "Error : flac decoder lost sync.", "the FLAC data is damaged (it lost sync)"),
        (1, "File contains data in an unknown format.",
         "it is not a sound file in a format Stillpoint reads (WAV, FLAC, Ogg Vorbis, Opus, MP3, AIFF)"),
        (2, "System error : No such file or directory.", "no such file or folder"),
        (0, "System error : No space left on device.", "no space left on the device"),
        (0, "System error : Read-only file system.", "the file system is read-only"),
        (0, "System error : Broken pipe.", "the system said: broken pipe"),
        (0, "Error : unknown error in flac decoder.", "the FLAC data is damaged (the decoder could not read it)"),
        (0, "Unspecified internal error.", "its audio data is damaged (the decoder stopped partway)"),
        (0, "File does not exist or is not a regular file (possibly a pipe?).",
         "it is not a regular file (a folder, a pipe or a device)"),
        (0, "Internal error : SF_INFO struct incomplete.",
         "the audio settings given to libsndfile were incomplete (a fault in Stillpoint; please report it)"),
        (0, "Error in WAV file. No 'RIFF' chunk marker.", "the WAV file is damaged (no 'RIFF' chunk marker)"),
        (0, "Error : bad flac header.", "bad flac header"),
    ])
    func libsndfileTextBecomesASentence(code: Int32, text: String, sentence: String) {
        let error = AudioFileError(.read, file: URL(fileURLWithPath: "/elsewhere/x.flac"), sndfile: code, text: text, call: "sf_readf_float")
        #expect(error.message == "cannot read /elsewhere/x.flac: " + sentence)
        #expect(error.cause == .libsndfile(code: code, text: text))
        #expect(!error.message.contains("Error :") && !error.message.contains("error:"))
    }

    @Test func writingIntoAMissingFolderIsAnError() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/track.flac")
        let error = #expect(throws: AudioFileError.self) {
            _ = try SoundFileWriter(url: url, format: .flac, rate: 48000, channels: 2)
        }
        #expect(error?.description.hasPrefix("cannot write \(url.path): ") == true)
    }
}
