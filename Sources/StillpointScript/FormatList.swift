import Foundation

extension SettingsState {
    /// `format: flac, mp3`: the formats a track is written in, the main file first.
    /// One render is encoded into each, so listing several costs no second mix.
    static func formatList(_ setting: SettingSyntax) throws(LineError) -> [AudioFormat] {
        let allowed = AudioFormat.allCases.map(\.rawValue)
        var formats: [AudioFormat] = []
        var offset = 0
        for part in setting.raw.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " || $0 == "\t" }.count
            let word = part.trimmingCharacters(in: .whitespaces)
            let column = setting.valueSpot.column + offset + leading
            offset += part.count + 1
            guard !word.isEmpty else {
                throw LineError(column: column, message: "a format is missing between the commas",
                                hints: ["list formats like `format: flac, mp3`"])
            }
            guard let format = AudioFormat(rawValue: word.lowercased()) else {
                let guess = didYouMean(word, among: allowed)
                throw LineError(
                    column: column,
                    message: "`format` is one of " + allowed.map { "`\($0)`" }.joined(separator: ", ") + ", found `\(word)`",
                    hints: guess.map { ["did you mean `\($0)`?"] } ?? [])
            }
            guard !formats.contains(format) else {
                throw LineError(column: column, message: "`\(word)` is listed twice", hints: ["list each format once"])
            }
            formats.append(format)
        }
        return formats
    }
}
