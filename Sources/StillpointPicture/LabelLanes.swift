/// Places labels in rows so that no two touch. Labels arrive left to right (the
/// timeline is sorted by start); each goes into the first row whose last label
/// ends before it begins, and a label that fits no row is left out (its event
/// still carries the name in its `<title>`, shown on hover). This is the whole
/// of the picture's collision avoidance: text is measured by `TextWidth`, which
/// errs wide, so rows computed here stay clear in a real browser too.
struct LabelLanes: Sendable {
    let rows: Int
    /// Space kept between two labels in a row.
    let gap: Double
    private var ends: [Double]

    init(rows: Int, gap: Double = 6) {
        self.rows = rows
        self.gap = gap
        ends = Array(repeating: -.infinity, count: rows)
    }

    /// The first of `rows` (all of them by default) free for a label spanning
    /// `x ..< x + width`, now taken by it; nil when every one is taken there.
    mutating func place(x: Double, width: Double, in rows: Range<Int>? = nil) -> Int? {
        guard let row = (rows ?? 0..<self.rows).first(where: { ends[$0] + gap <= x }) else { return nil }
        ends[row] = x + width
        return row
    }
}

/// How wide a label is drawn. Labels use a monospaced face (clip and sound names
/// are identifiers, and a fixed advance makes widths knowable without a font
/// engine); East Asian wide characters take two cells. Errs wide by a little.
enum TextWidth {
    static let advance = 0.62

    static func of(_ text: String, size: Double) -> Double {
        let cells = text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
        return Double(cells) * advance * size
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
