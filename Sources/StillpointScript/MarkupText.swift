/// The one escaping function for user text written into HTML, XML or SVG: clip
/// names, transcripts, sound names, chapter titles and track titles are typed by a
/// person, and `</title><script>` in a transcript must stay text in the site's page
/// and feed (`StillpointPublish`) and in the timeline picture (`StillpointPicture`).
/// It lives here, in the module both of them import, so that the two cannot
/// drift apart.
///
/// `&`, `<`, `>`, `"` and `'` become entities (`&#39;`, which HTML and XML both
/// know), so the output is safe in element text and in quoted attributes alike;
/// the characters XML 1.0 forbids or discourages (control characters other than
/// tab, newline and carriage return, C1 controls, U+FFFE, U+FFFF) are left out, so
/// no text can make a feed or a picture unreadable.
public enum MarkupText {
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF || (0x7F...0x9F).contains(value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
