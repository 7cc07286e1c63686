import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file read back by a real XML parser (Foundation's `XMLParser`), as the
/// tests of `timeline --svg` need it: every element in document order with its
/// attributes, the text of its own `<title>` child, and its own text. Reading the
/// file this way is also the check that it is well-formed XML: a transcript that
/// was not escaped makes `init` throw.
public struct SVGDocument: Sendable {
    public struct Element: Sendable {
        public var name: String
        public var attributes: [String: String]
        /// Index of the enclosing element; nil for the root.
        public var parent: Int?
        /// The text of this element's own `<title>` child, if it has one.
        public var title: String?
        /// The text directly inside this element (for `<text>` and `<title>`).
        public var text = ""
    }

    public private(set) var elements: [Element]

    public init(contentsOf url: URL) throws {
        let parser = XMLParser(data: try Data(contentsOf: url))
        let reader = Reader()
        parser.delegate = reader
        guard parser.parse() else {
            throw SVGError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown") "
                + "at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        elements = reader.elements
    }

    /// The groups that stand for timeline events (`data-event`), in event order.
    public var events: [Element] {
        elements.filter { $0.attributes["data-event"] != nil }
            .sorted { Int($0.attributes["data-event"]!)! < Int($1.attributes["data-event"]!)! }
    }

    /// Every element with a `<title>` child, the root aside.
    public var titled: [Element] { elements.filter { $0.title != nil && $0.parent != nil } }

    /// The elements directly inside the first event group whose `data-event` is `event`.
    public func children(ofEvent event: Int) -> [Element] {
        guard let group = elements.firstIndex(where: { $0.attributes["data-event"] == String(event) }) else { return [] }
        return elements.filter { $0.parent == group }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, parent: open.last))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let current = open.popLast() else { return }
            if name == "title", let parent = elements[current].parent {
                elements[parent].title = elements[current].text
            }
        }
    }
}

public struct SVGError: Error, CustomStringConvertible {
    public var description: String
}

/// What headless Chromium drew of an SVG (Tests/StillpointCLITests/Browser/svg_check.py):
/// the box of every titled element and of every text, as the browser laid them
/// out with its own fonts, and a screenshot.
public struct BrowserLayout: Decodable, Sendable {
    public struct Box: Decodable, Sendable {
        public var x: Double, y: Double, width: Double, height: Double
        public var title: String?
        public var text: String?
        public var kind: String?
        public var event: String?
        public var chapter: String?
        public var cls: String?

        /// Whether two boxes share more than a sliver (a tenth of a pixel) of area.
        public func overlaps(_ other: Box) -> Bool {
            min(x + width, other.x + other.width) - max(x, other.x) > 0.1
                && min(y + height, other.y + other.height) - max(y, other.y) > 0.1
        }
    }

    public var width: Double
    public var height: Double
    public var titled: [Box]
    public var labels: [Box]
    public var scripts: Int

    /// Whether Chromium, its driver and Selenium are all here (scripts/setup.sh installs them).
    public static var isAvailable: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromedriver"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Opens `svg` in headless Chromium and saves its screenshot to `screenshot`.
    public static func measure(_ svg: URL, screenshot: URL) async throws -> BrowserLayout {
        let script = StillpointCommand.packageRoot.appendingPathComponent("Tests/StillpointCLITests/Browser/svg_check.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, svg.path, screenshot.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SVGError(description: "svg_check.py failed: " + String(decoding: problems, as: UTF8.self))
        }
        return try JSONDecoder().decode(BrowserLayout.self, from: data)
    }
}
