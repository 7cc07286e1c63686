import Foundation

extension Timeline {
    /// The `timeline --json` document (docs: cli.md), keys in the documented
    /// order so that the output is stable and diffs well. Seconds are frames / rate;
    /// frames are the truth. `name` and `text` are left out when the event has none.
    public func json() -> String {
        var out = "{\n"
        out += "  \"script\": \(jsonString(script)),\n"
        out += "  \"rate\": \(rate), \"channels\": \(settings.channels),\n"
        out += "  \"length\": { \"seconds\": \(seconds(length)), \"frames\": \(length) },\n"
        if let version { out += "  \"version\": \(jsonString(version.label)),\n" }
        if let range = lengthRange {
            out += "  \"lengthRange\": { \"shortest\": \(seconds(range.lowerBound)), \"longest\": \(seconds(range.upperBound)) },\n"
        }
        out += "  \"events\": ["
        out += events.map { event in
            var fields = ["\"kind\": \(jsonString(event.kind.rawValue))"]
            if let name = event.name { fields.append("\"name\": \(jsonString(name))") }
            if let text = event.text { fields.append("\"text\": \(jsonString(text))") }
            fields += [
                "\"start\": \(seconds(event.start))", "\"end\": \(seconds(event.end))",
                "\"startFrame\": \(event.start)", "\"endFrame\": \(event.end)",
                "\"file\": \(jsonString(event.location.file))", "\"line\": \(event.location.line)",
            ]
            if let range = event.stretch {
                fields.append("\"range\": { \"shortest\": \(seconds(range.lowerBound)), \"longest\": \(seconds(range.upperBound)) }")
            }
            return "\n    { " + fields.joined(separator: ", ") + " }"
        }.joined(separator: ",")
        out += events.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"chapters\": ["
        out += chapters.map { "\n    { \"title\": \(jsonString($0.title)), \"start\": \(seconds($0.start)) }" }
            .joined(separator: ",")
        out += chapters.isEmpty ? "]\n" : "\n  ]\n"
        return out + "}\n"
    }

    /// One line per event: start, end, kind, name, text; then the chapters.
    /// Times are `h:mm:ss.mmm` so that the columns line up.
    ///
    ///     0:00:04.000  0:00:07.512  say      welcome  "Welcome…"
    public func text() -> String {
        var header = "\(script): \(TimeFormat.exact.string(seconds(length))), \(rate) Hz, \(settings.channels) channel(s)"
        if let range = lengthRange {
            header += "; can last \(TimeFormat.exact.string(seconds(range.lowerBound))) to \(TimeFormat.exact.string(seconds(range.upperBound)))"
        }
        var lines = [header]
        for event in events {
            var line = stamp(event.start) + "  " + stamp(event.end) + "  " + event.kind.rawValue
            if let name = event.name { line = line.padding(toLength: 36, withPad: " ", startingAt: 0) + name }
            if let text = event.text { line += "  \"\(text)\"" }
            if let range = event.stretch {
                line = line.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + "\(TimeFormat.exact.string(seconds(range.lowerBound)))..\(TimeFormat.exact.string(seconds(range.upperBound)))"
            }
            lines.append(line)
        }
        for chapter in chapters {
            lines.append(stamp(chapter.start) + "  " + String(repeating: " ", count: 11) + "  chapter  " + chapter.title)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func stamp(_ frames: Int64) -> String {
        TimeFormat.column.string(seconds(frames))
    }

    private func seconds(_ frames: Int64) -> Double {
        Double(frames) / Double(rate)
    }

}

/// A JSON string literal with the escapes JSON requires.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
