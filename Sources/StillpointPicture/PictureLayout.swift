import Foundation
import StillpointScript

/// Where everything of one picture goes. Rows are decided first (which chapter
/// title, mark and phrase name goes in which row, which bed in which band), so
/// the picture is only as tall as this session needs; then each lane is drawn at
/// its height, top to bottom: chapters, marks, voice, beds, the axis.
struct PictureLayout {
    /// The picture's sizes, kept on `TimelinePicture` with its style.
    typealias Metrics = TimelinePicture
    let timeline: Timeline
    let axis: TimeAxis
    let events: [(index: Int, event: Event)]

    /// The row of each chapter's title (nil: left to its `<title>`).
    let chapterRows: [Int?]
    /// Each mark's row, and whether its label is drawn.
    let marks: [(index: Int, row: Int, labelled: Bool)]
    /// The row of each phrase's name: 0 inside its block, 1… under the lane.
    let voiceLabels: [Int: Int]
    /// Each bed's band row, and whether its label is drawn.
    let beds: [(index: Int, row: Int, labelled: Bool)]

    let chaptersTop: Double, plotTop: Double, marksTop: Double, voiceTop: Double, bedsTop: Double, axisY: Double
    var width: Double { axis.right + Metrics.margin.right }
    var height: Double { axisY + 40 }

    init(timeline: Timeline, axis: TimeAxis) {
        self.timeline = timeline
        self.axis = axis
        events = Array(timeline.events.enumerated()).map { (index: $0.offset, event: $0.element) }
        let size = Metrics.labelSize
        let seconds = { (frame: Int64) in Double(frame) / Double(timeline.rate) }

        var chapterLanes = LabelLanes(rows: Metrics.rows.chapters)
        chapterRows = timeline.chapters.map { chapter in
            chapterLanes.place(x: axis.x(seconds(chapter.start)) + 3, width: TextWidth.of(chapter.title, size: size))
        }

        // A mark's footprint is its bar and, when there is room, its label after
        // the flag; a mark finds the first row free for all of it.
        var markLanes = LabelLanes(rows: Metrics.rows.marks)
        var marks: [(index: Int, row: Int, labelled: Bool)] = []
        for (index, event) in events where event.kind == .play || event.kind == .tone {
            let (x, end) = (axis.x(seconds(event.start)), axis.x(seconds(event.end)))
            let label = EventText.label(event).map { TextWidth.of($0, size: size) + 10 } ?? 0
            if let row = markLanes.place(x: x, width: max(end - x, label)) {
                marks.append((index, row, true))
            } else {
                let row = markLanes.place(x: x, width: end - x) ?? 0
                marks.append((index, row, false))
            }
        }
        self.marks = marks

        // A phrase's name goes inside its block when it fits there, else in a row
        // under the voice lane.
        var voiceLanes = LabelLanes(rows: 1 + Metrics.rows.voiceLabels)
        var voiceLabels: [Int: Int] = [:]
        for (index, event) in events where event.kind == .say {
            guard let name = event.name else { continue }
            let (x, end) = (axis.x(seconds(event.start)), axis.x(seconds(event.end)))
            let width = TextWidth.of(name, size: size)
            if width + 6 <= end - x, let row = voiceLanes.place(x: x + 3, width: width, in: 0..<1) {
                voiceLabels[index] = row
            } else if let row = voiceLanes.place(x: x, width: width, in: 1..<(1 + Metrics.rows.voiceLabels)) {
                voiceLabels[index] = row
            }
        }
        self.voiceLabels = voiceLabels

        // Beds that follow one another share a band; overlapping ones get a band each.
        var bandEnds: [Double] = []
        var labelLanes: [LabelLanes] = []
        var beds: [(index: Int, row: Int, labelled: Bool)] = []
        for (index, event) in events where event.kind == .bed {
            let (x, end) = (axis.x(seconds(event.start)), axis.x(seconds(event.end)))
            let row = bandEnds.firstIndex { $0 <= x } ?? bandEnds.count
            if row == bandEnds.count {
                bandEnds.append(end)
                labelLanes.append(LabelLanes(rows: 1))
            }
            bandEnds[row] = end
            let label = EventText.label(event) ?? ""
            let labelled = labelLanes[row].place(x: x + 2, width: TextWidth.of(label, size: size)) != nil
            beds.append((index, row, labelled))
        }
        self.beds = beds

        let chapterRowsUsed = Double((chapterRows.compactMap { $0 }.max() ?? -1) + 1)
        chaptersTop = 58
        plotTop = chaptersTop + max(chapterRowsUsed, 1) * Metrics.rowHeight.chapter + 6
        marksTop = plotTop + 6
        let markRows = Double((marks.map(\.row).max() ?? -1) + 1)
        voiceTop = marksTop + markRows * Metrics.rowHeight.mark + (markRows > 0 ? 8 : 0)
        let voiceLabelRows = Double(voiceLabels.values.max() ?? 0)
        bedsTop = voiceTop + Metrics.rowHeight.voice + voiceLabelRows * Metrics.rowHeight.voiceLabel + 10
        let bedRows = Double(bandEnds.count)
        axisY = bedsTop + bedRows * (Metrics.rowHeight.bedLabel + Metrics.rowHeight.bed + 6) + 18
    }

    func seconds(_ frame: Int64) -> Double { Double(frame) / Double(timeline.rate) }

    func x(_ frame: Int64) -> Double { axis.x(seconds(frame)) }

    /// The `data-` attributes of an event's group.
    func data(_ index: Int, _ event: Event) -> [(String, String)] {
        [("event", String(index)), ("kind", event.kind.rawValue),
         ("start", String(format: "%.3f", seconds(event.start))), ("end", String(format: "%.3f", seconds(event.end)))]
    }

    func title(_ event: Event) -> String { EventText.title(event, rate: timeline.rate) }

    // MARK: Rulers, tail, end and axis

    func drawChapters(_ canvas: inout SVGCanvas) {
        for (chapter, row) in zip(timeline.chapters, chapterRows) {
            let x = x(chapter.start)
            var shapes = [SVGCanvas.line(x, chaptersTop + 2, x, axisY, "")]
            if let row {
                let baseline = chaptersTop + Double(row + 1) * Metrics.rowHeight.chapter - 3
                shapes.append(SVGCanvas.text(x + 3, baseline, chapter.title, "label"))
            }
            canvas.titled(
                "chapter", title: "chapter \(chapter.title), at \(clockText(seconds(chapter.start)))",
                data: [("chapter", chapter.title), ("start", String(format: "%.3f", seconds(chapter.start)))], shapes)
        }
    }

    /// The tail: from the end of the last sound (beds aside) to the end of the track.
    func drawTail(_ canvas: inout SVGCanvas) {
        let contentEnd = timeline.events.filter { $0.kind != .bed }.map(\.end).max() ?? 0
        guard timeline.length > contentEnd else { return }
        let (x0, x1) = (x(contentEnd), x(timeline.length))
        var shapes = [SVGCanvas.rect(x0, plotTop, x1 - x0, axisY - plotTop, "")]
        if TextWidth.of("tail", size: Metrics.labelSize) + 6 <= x1 - x0 {
            shapes.append(SVGCanvas.text(x0 + 3, axisY - 5, "tail", "caption"))
        }
        canvas.titled(
            "tail", title: "tail, \(clockText(seconds(contentEnd))) to \(clockText(seconds(timeline.length)))",
            data: [("start", String(format: "%.3f", seconds(contentEnd)))], shapes)
    }

    func drawEndAndAxis(_ canvas: inout SVGCanvas) {
        let end = x(timeline.length)
        canvas.titled(
            "end", title: "end of the track, at \(clockText(timeline.seconds))",
            data: [("start", String(format: "%.3f", timeline.seconds))],
            [SVGCanvas.line(end, plotTop, end, axisY, ""),
             SVGCanvas.text(end + 4, axisY - 5, "end " + clockText(timeline.seconds), "label")])
        var shapes = [SVGCanvas.line(axis.left, axisY, axis.right, axisY, "")]
        for tick in axis.ticks {
            let x = axis.x(tick)
            shapes.append(SVGCanvas.line(x, axisY, x, axisY + 5, ""))
            shapes.append(SVGCanvas.text(x, axisY + 17, axis.label(tick), "tick", anchor: "middle"))
        }
        shapes.append(SVGCanvas.text(axis.left + axis.width / 2, axisY + 33,
                                     timeline.seconds >= 3600 ? "time (h:mm:ss)" : "time (minutes)", "caption",
                                     anchor: "middle"))
        canvas.add("<g class=\"axis\">" + shapes.joined() + "</g>")
        let captions = [("chapters", chaptersTop + Metrics.rowHeight.chapter - 3), ("voice", voiceTop + 21)]
            + (marks.isEmpty ? [] : [("sounds", marksTop + 14)]) + (beds.isEmpty ? [] : [("beds", bedsTop + 11)])
        for (caption, y) in captions { canvas.add(SVGCanvas.text(8, y, caption, "caption")) }
    }
}
