import Foundation

let settingNames = [
    "title", "artist", "album", "comment", "genre", "date", "format", "bits", "quality", "rate",
    "channels", "loudness", "peak", "voice-level", "duck", "clips", "tail", "seed", "cover",
    "length", "versions", "version-title", "language",
]

/// The longest tag value (UTF-8 bytes) any format is trusted to hold.
let maximumTagBytes = 50_000

/// The header of a track: `library.defaults` first, then the script's own
/// settings over it. What the format page gives as defaults is the starting point.
struct SettingsState {
    var output = OutputSettings()
    var tags = Tags()
    /// `bits` as written; nil lets the format choose (24 for wav, 16 otherwise).
    var bits: SampleDepth?
    var bitsLocation: SourceLocation?
    var rateLocation: SourceLocation?
    var channelsLocation: SourceLocation?
    var tail = 10.0
    /// The `clips` folder, absolute; nil is `clips` in the library's root.
    var clips: URL?
    /// `length:` and `versions:`, the lengths the script is rendered at, each
    /// with where it is written; and `version-title`, how a version is titled.
    var length: (seconds: Double, location: SourceLocation)?
    var versions: [(seconds: Double, location: SourceLocation)] = []
    var versionTitle = defaultVersionTitle
    var versionsLocation: SourceLocation?

    /// Applies one setting written in the file at `folder`.
    mutating func apply(_ setting: SettingSyntax, folder: URL, location: (Spot) -> SourceLocation) throws(LineError) {
        var cursor = LineCursor(setting.value, endColumn: setting.valueSpot.column, line: setting.spot.line)
        let name = setting.name.lowercased()
        guard !setting.raw.isEmpty else {
            throw LineError(column: setting.valueSpot.column, .settingNeedsValue(name))
        }
        func word(_ allowed: [String]) throws(LineError) -> String {
            let value = setting.raw.lowercased()
            guard allowed.contains(value) else {
                let guess = didYouMean(setting.raw, among: allowed)
                throw LineError(
                    column: setting.valueSpot.column,
                    .notOneOf(setting: name, allowed: allowed, found: setting.raw, suggestion: guess))
            }
            return value
        }
        // libsndfile writes an Opus comment of at most 51,200 bytes and then a
        // damaged header; one limit for every format keeps it simple to state.
        if ["title", "artist", "album", "comment", "genre", "date"].contains(name), setting.raw.utf8.count > maximumTagBytes {
            throw LineError(column: setting.valueSpot.column,
                            .tagTooLong(name, bytes: setting.raw.utf8.count, limit: maximumTagBytes))
        }
        switch name {
        case "title": tags.title = setting.raw
        case "artist": tags.artist = setting.raw
        case "album": tags.album = setting.raw
        case "comment": tags.comment = setting.raw
        case "genre": tags.genre = setting.raw
        case "date": tags.date = setting.raw
        case "format":
            let formats = try Self.formatList(setting)
            output.format = formats[0]
            output.extraFormats = Array(formats.dropFirst())
        case "cover":
            // The path is checked and read by the resolver, which confines it to the library.
            cursor.index = cursor.tokens.count
        case "bits":
            bits = SampleDepth(rawValue: try word(["16", "24", "32f"]))
            bitsLocation = location(setting.valueSpot)
        case "quality":
            let (quality, _) = try cursor.plain(for: .quality)
            guard (0...1).contains(quality) else {
                throw LineError(column: setting.valueSpot.column, .qualityOutOfRange(quality))
            }
            output.quality = quality
        case "rate":
            let (rate, _) = try cursor.integer(for: .sampleRate)
            guard (8000...384_000).contains(rate) else {
                throw LineError(column: setting.valueSpot.column, .rateOutOfRange(rate))
            }
            output.rate = rate
            rateLocation = location(setting.valueSpot)
        case "channels":
            output.channels = Int(try word(["1", "2"])) ?? 2
            channelsLocation = location(setting.valueSpot)
        case "loudness":
            output.loudness = try loudness(&cursor, setting)
        case "voice-level":
            output.voiceLevel = try loudness(&cursor, setting)
        case "peak":
            let (peak, _) = try cursor.measured(.peak)
            guard peak <= 0 else {
                throw LineError(column: setting.valueSpot.column, .peakAboveZero(peak))
            }
            output.peak = peak
        case "duck":
            let (duck, _) = try cursor.measured(.level)
            guard duck <= 0 else {
                throw LineError(column: setting.valueSpot.column, .duckPositive)
            }
            output.duck = duck
        case "clips":
            cursor.index = cursor.tokens.count
            clips = folder.appendingPathComponent(setting.raw).standardizedFileURL
        case "tail":
            tail = try cursor.duration().seconds
        case "length":
            length = (try cursor.duration().seconds, location(setting.valueSpot))
        case "versions":
            versions = try Self.versions(setting, location: location)
            versionsLocation = location(setting.spot)
        case "version-title":
            versionTitle = setting.raw
        case "language":
            tags.language = try Self.languageTag(setting)
        case "seed":
            guard let seed = UInt64(setting.raw) else {
                throw LineError(column: setting.valueSpot.column, .seedNotWhole(setting.raw))
            }
            output.seed = seed
        default:
            let guess = didYouMean(setting.name, among: settingNames)
            throw LineError(column: setting.spot.column, .unknownSetting(setting.name, suggestion: guess))
        }
        if ["quality", "rate", "loudness", "voice-level", "peak", "duck", "tail", "length"].contains(name), let extra = cursor.peek {
            throw LineError(column: extra.column, .unexpectedAtEnd(extra.text))
        }
    }

    /// `language: de`: a BCP 47 tag as browsers and podcast apps read it, a
    /// language of two or three letters and subtags of one to eight letters or
    /// digits (`en`, `pt-BR`, `sr-Latn`). `pt_BR`, as some systems write it, has
    /// the hyphen suggested.
    private static func languageTag(_ setting: SettingSyntax) throws(LineError) -> String {
        func isTag(_ text: String) -> Bool {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                return false
            }
            return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        }
        guard isTag(setting.raw) else {
            let hyphenated = setting.raw.replacingOccurrences(of: "_", with: "-")
            throw LineError(column: setting.valueSpot.column,
                            .notALanguageTag(setting.raw, suggestion: isTag(hyphenated) ? hyphenated : nil))
        }
        return setting.raw
    }

    /// `versions: 10m, 20m, 30m`: durations separated by commas, each reported at its column.
    private static func versions(
        _ setting: SettingSyntax, location: (Spot) -> SourceLocation
    ) throws(LineError) -> [(seconds: Double, location: SourceLocation)] {
        var words: [Token] = []
        for token in setting.value {
            for part in token.text.split(separator: ",") {
                let column = token.column + token.text.distance(from: token.text.startIndex, to: part.startIndex)
                words.append(Token(kind: token.kind, text: String(part), column: column, endColumn: column + part.count))
            }
        }
        var found: [(seconds: Double, location: SourceLocation)] = []
        var labels: Set<String> = []
        for word in words {
            var cursor = LineCursor([word], endColumn: word.endColumn, line: setting.spot.line)
            let value = try cursor.duration()
            guard labels.insert(lengthLabel(value.seconds)).inserted else {
                throw LineError(column: word.column, .versionTwice(lengthLabel(value.seconds)))
            }
            found.append((value.seconds, location(value.spot)))
        }
        return found
    }

    private func loudness(_ cursor: inout LineCursor, _ setting: SettingSyntax) throws(LineError) -> Double? {
        if setting.raw.lowercased() == "off" {
            cursor.index = cursor.tokens.count
            return nil
        }
        let (value, _) = try cursor.measured(.loudness)
        guard (-70...0).contains(value) else {
            throw LineError(column: setting.valueSpot.column, .loudnessOutOfRange(setting: setting.name, value))
        }
        return value
    }
}
