import Foundation

/// How a script is resolved, from the command line.
public struct ResolveOptions: Sendable, Equatable {
    /// Missing clips are not errors: they get the length their words would take
    /// (130 words a minute plus 0.5 s) and `ClipSource.file == nil`.
    public var draft: Bool
    /// `--format` (or the extension of `-o`): wins over `format:` and so also
    /// decides the default `bits`.
    public var format: AudioFormat?
    /// Decode every recording through to its end (`check`): a file whose header
    /// reads well but whose audio is damaged is then reported at the line that
    /// uses it, rather than failing a render later. Off for the other commands,
    /// which would otherwise decode every clip of a library on each `build`.
    public var verifyAudio: Bool
    /// `--length` (or one of the script's `versions`), in seconds: the version to
    /// resolve, winning over `length:`; nil takes `length:`, else the first
    /// version, else the shortest the script can be.
    public var length: Double?

    public init(draft: Bool = false, format: AudioFormat? = nil, verifyAudio: Bool = false, length: Double? = nil) {
        self.draft = draft
        self.format = format
        self.verifyAudio = verifyAudio
        self.length = length
    }
}

/// One phrase a script speaks, for `stillpoint clips`: the recording sheet.
public struct Phrase: Sendable, Equatable {
    /// The clip name (`say NAME`).
    public var clip: String
    /// The first transcript written for it, if any.
    public var text: String?
    /// Every line that says it, in source order (a `repeat` counts once).
    public var uses: [SourceLocation]
    /// The recording found in the clips folder; nil when it is still to record.
    public var file: URL?

    public init(clip: String, text: String?, uses: [SourceLocation], file: URL?) {
        self.clip = clip
        self.text = text
        self.uses = uses
        self.file = file
    }
}

/// Everything a load produces: the timeline when there is no error, and every
/// problem found either way.
public struct LoadResult: Sendable {
    /// nil when any diagnostic is an error: a script with errors renders nothing.
    public var timeline: Timeline?
    /// Errors and warnings, in order of file and line.
    public var diagnostics: [Diagnostic]
    /// The phrases the script uses, in order of first use.
    public var phrases: [Phrase]
    /// The library root used, with symbolic links resolved.
    public var libraryRoot: URL
    /// Where the script's voice clips are looked for (the `clips` setting, or
    /// `clips` in the library's root): where missing phrases are to be recorded.
    public var clipsFolder: URL
    /// The lengths `versions:` asks for, in seconds, in the order written; empty
    /// for a script of one length. Each is resolved with `ResolveOptions.length`.
    public var versions: [Double] = []

    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}
