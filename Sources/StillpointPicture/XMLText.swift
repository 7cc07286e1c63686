/// The one place user text enters the picture. Clip names, transcripts, sound
/// names, chapter titles and the track's title are all typed by a person and go
/// into an SVG, which browsers treat as a document: `</title><script>` in a
/// transcript must stay text. This escapes the five XML specials (so it is safe in
/// element text and in quoted attributes alike) and drops the characters XML 1.0
/// forbids outright, which would otherwise make the whole file unreadable.
enum XMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
