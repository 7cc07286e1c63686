import Testing
@testable import StillpointPicture
import StillpointScript

/// The picture's text: escaped wherever it comes from, and placed in rows where
/// it cannot touch another label.
struct LabelTests {
    @Test(arguments: [
        ("</title><script>alert(1)</script>", "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Rest & \"Return\"", "Rest &amp; &quot;Return&quot;"),
        ("it's", "it&#39;s"),
        ("bell\u{0}\u{7}\u{1B}[0m", "bell[0m"),
        ("next\u{85}line", "nextline"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("Ruhe · 安らぎ", "Ruhe · 安らぎ"),
    ])
    func textIsEscapedForXML(_ text: String, _ escaped: String) {
        #expect(MarkupText.escaped(text) == escaped)
    }

    /// Labels arriving left to right go to the first row free for them; one that
    /// fits no row is left out, and no two in a row ever come closer than the gap.
    @Test func labelsNeverShareSpace() {
        var lanes = LabelLanes(rows: 2, gap: 6)
        #expect(lanes.place(x: 0, width: 50) == 0)
        #expect(lanes.place(x: 10, width: 50) == 1)
        #expect(lanes.place(x: 20, width: 50) == nil)
        #expect(lanes.place(x: 56, width: 10) == 0)
        #expect(lanes.place(x: 55, width: 10, in: 1..<2) == nil)
        #expect(lanes.place(x: 66, width: 10, in: 1..<2) == 1)
        var random = LabelLanes(rows: 3)
        var placed: [(row: Int, x: Double, end: Double)] = []
        var x = 0.0
        for i in 0..<500 {
            x += Double(i % 7) * 3
            let width = Double(10 + i % 40)
            if let row = random.place(x: x, width: width) { placed.append((row, x, x + width)) }
        }
        for row in 0..<3 {
            let spans = placed.filter { $0.row == row }
            #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.end + 6 <= $1.x })
        }
    }

    /// Wide (East Asian) characters take two cells of the monospaced face.
    @Test func wideCharactersCountDouble() {
        #expect(TextWidth.of("abcd", size: 10) == 4 * TextWidth.advance * 10)
        #expect(TextWidth.of("安らぎ", size: 10) == 6 * TextWidth.advance * 10)
    }
}
