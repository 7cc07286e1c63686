import Foundation
import StillpointScript

/// A session drawn as one SVG (`stillpoint timeline SCRIPT --svg FILE`): minutes
/// along the bottom; chapters as labelled rulers; sounds underneath (`play`,
/// `tone`) as marks; the voice's spine as blocks named by their clips, with
/// pauses as gaps and `breathe` as its wave; beds as bands whose height follows
/// their level; the track's tail and end.
///
/// Every event is one `<g>` with a `<title>` (kind, name or generator, start and
/// end, and a phrase's words) and `data-event`, `data-kind`, `data-start` and
/// `data-end` attributes, so the picture is readable by a screen reader and
/// checkable by a program. Each event's group starts exactly at its start time,
/// so a group's left edge is where the event begins.
public struct TimelinePicture: Sendable {
    public let timeline: Timeline

    public init(_ timeline: Timeline) {
        self.timeline = timeline
    }

    /// Left margin (lane captions) and right margin (the end's label).
    static let margin = (left: 72.0, right: 112.0)
    static let labelSize = 11.0
    static let rowHeight = (chapter: 15.0, mark: 20.0, voice: 34.0, voiceLabel: 14.0, bedLabel: 14.0, bed: 36.0)
    /// At most this many rows of chapter titles, of marks, and of phrase names
    /// under the voice; a label that fits no row is left to the event's title.
    static let rows = (chapters: 3, marks: 4, voiceLabels: 2)

    public func svg() -> String {
        let axis = TimeAxis(seconds: timeline.seconds, left: Self.margin.left)
        let layout = PictureLayout(timeline: timeline, axis: axis)
        var canvas = SVGCanvas()
        canvas.add(SVGCanvas.rect(0, 0, layout.width, layout.height, "page"))
        layout.drawTail(&canvas)
        layout.drawChapters(&canvas)
        layout.drawMarks(&canvas)
        layout.drawVoice(&canvas)
        layout.drawBeds(&canvas)
        layout.drawEndAndAxis(&canvas)
        return document(canvas, layout: layout)
    }

    private func document(_ canvas: SVGCanvas, layout: PictureLayout) -> String {
        let name = timeline.tags.title ?? timeline.script
        let summary = [
            timeline.script, clockText(timeline.seconds),
            "\(timeline.events.count) event\(timeline.events.count == 1 ? "" : "s")",
            "\(timeline.chapters.count) chapter\(timeline.chapters.count == 1 ? "" : "s")",
        ].joined(separator: " · ")
        let (w, h) = (SVGCanvas.number(layout.width), SVGCanvas.number(layout.height))
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            role="img" aria-labelledby="picture-title picture-desc">
            <title id="picture-title">\(MarkupText.escaped(name)): the session in time</title>
            <desc id="picture-desc">\(MarkupText.escaped(summary))</desc>
            <style>\(Self.style)</style>
            \(canvas.elements.joined(separator: "\n"))
            \(SVGCanvas.text(16, 26, name, "heading"))
            \(SVGCanvas.text(16, 44, summary, "summary"))
            </svg>

            """
    }

    /// Print-friendly colours on white; labels in a monospaced face so that their
    /// widths are known (`TextWidth`).
    static let style = """
        .page{fill:#fff}
        text{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11px;fill:#333}
        .heading{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:18px;font-weight:bold;fill:#222}
        .summary{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:12px;fill:#666}
        .caption{fill:#777}
        .say rect{fill:#2d7f8e}
        .say-label{fill:#fff}
        .pause rect{fill:transparent}
        .pause line{stroke:#9bb;stroke-width:1;stroke-dasharray:2 3}
        .breathe path{fill:none;stroke:#4a6fa5;stroke-width:1.5}
        .breathe rect{fill:#4a6fa5;opacity:.35}
        .bed path{fill:#d8c38f;stroke:#9c8446;stroke-width:1}
        .play polygon,.tone polygon{fill:#7a4f9a}
        .play rect{fill:#7a4f9a;opacity:.35}
        .tone rect{fill:#7a4f9a;opacity:.7}
        .chapter line{stroke:#888;stroke-width:1;stroke-dasharray:4 3}
        .chapter text{fill:#444}
        .tail rect{fill:#eee}
        .end line{stroke:#c33;stroke-width:1.5}
        .end text{fill:#c33}
        .axis line{stroke:#555;stroke-width:1}
        .grid{stroke:#f0f0f0;stroke-width:1}
        """
}
