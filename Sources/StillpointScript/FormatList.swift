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
            guard !word.isEmpty else { throw LineError(column: column, .formatMissing) }
            guard let format = AudioFormat(rawValue: word.lowercased()) else {
                throw LineError(
                    column: column,
                    .notOneOf(setting: "format", allowed: allowed, found: word, suggestion: didYouMean(word, among: allowed)))
            }
            guard !formats.contains(format) else { throw LineError(column: column, .formatListedTwice(word)) }
            formats.append(format)
        }
        return formats
    }
}
