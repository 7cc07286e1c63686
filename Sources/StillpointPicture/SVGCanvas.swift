import Foundation
import StillpointScript

/// The few SVG elements the picture is made of, written as text. Every string
/// that reaches the file passes through `MarkupText.escaped` here, so no caller
/// needs to remember to: numbers are formatted, names are escaped.
struct SVGCanvas {
    private(set) var elements: [String] = []

    mutating func add(_ element: String) { elements.append(element) }

    /// A drawn event or ruler: its shapes in a group that carries a `<title>` (the
    /// accessible name, shown on hover) and `data-` attributes the tests read.
    mutating func titled(_ cls: String, title: String, data: [(String, String)], _ content: [String]) {
        let attributes = data.map { " data-\($0.0)=\"\(MarkupText.escaped($0.1))\"" }.joined()
        add("<g class=\"\(cls)\"\(attributes)><title>\(MarkupText.escaped(title))</title>" + content.joined() + "</g>")
    }

    /// ` class="…"`, or nothing for a shape styled by its group.
    static func styled(_ cls: String) -> String { cls.isEmpty ? "" : " class=\"\(cls)\"" }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ cls: String) -> String {
        "<rect\(styled(cls)) x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\"/>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) -> String {
        "<line\(styled(cls)) x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\"/>"
    }

    /// A path through `points`, closed when `closed` (a filled band).
    static func path(_ points: [(x: Double, y: Double)], _ cls: String, closed: Bool = false) -> String {
        let d = points.enumerated().map { ($0.offset == 0 ? "M" : "L") + number($0.element.x) + " " + number($0.element.y) }
        return "<path\(styled(cls)) d=\"\(d.joined(separator: " "))\(closed ? " Z" : "")\"/>"
    }

    static func polygon(_ points: [(x: Double, y: Double)], _ cls: String) -> String {
        "<polygon\(styled(cls)) points=\"\(points.map { number($0.x) + "," + number($0.y) }.joined(separator: " "))\"/>"
    }

    /// Text with its left edge at `x` (or its middle or right, by `anchor`) and baseline at `y`.
    static func text(_ x: Double, _ y: Double, _ content: String, _ cls: String, anchor: String = "start") -> String {
        let anchored = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        return "<text\(styled(cls)) x=\"\(number(x))\" y=\"\(number(y))\"\(anchored)>\(MarkupText.escaped(content))</text>"
    }
}
