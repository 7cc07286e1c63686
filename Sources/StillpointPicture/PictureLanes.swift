import Foundation
import StillpointScript

/// The three lanes of events: marks for what sounds underneath once (`play`,
/// `tone`), the voice's spine, and the beds.
extension PictureLayout {
    /// A flag at the start and a bar to the end: a bell's bar is pale (it rings
    /// away), a tone's solid (it holds).
    func drawMarks(_ canvas: inout SVGCanvas) {
        let height = Metrics.rowHeight.mark
        for mark in marks {
            let event = timeline.events[mark.index]
            let (x0, x1) = (x(event.start), x(event.end))
            let top = marksTop + Double(mark.row) * height
            var shapes = [
                SVGCanvas.rect(x0, top + height / 2 - 2, max(x1 - x0, 1), 4, ""),
                SVGCanvas.polygon([(x0, top + 3), (x0 + 7, top + height / 2), (x0, top + height - 3)], ""),
            ]
            if mark.labelled, let label = EventText.label(event) {
                shapes.append(SVGCanvas.text(x0 + 10, top + height / 2 + 4, label, "label"))
            }
            canvas.titled(event.kind.rawValue, title: title(event), data: data(mark.index, event), shapes)
        }
    }

    /// Phrases as blocks named by their clips, pauses as gaps, breaths as waves.
    func drawVoice(_ canvas: inout SVGCanvas) {
        let (top, height) = (voiceTop, Metrics.rowHeight.voice)
        for (index, event) in events {
            let (x0, x1) = (x(event.start), x(event.end))
            var shapes: [String]
            switch event.kind {
            case .say:
                shapes = [SVGCanvas.rect(x0, top, max(x1 - x0, 1), height, "")]
                if let row = voiceLabels[index], let name = event.name {
                    shapes.append(row == 0
                        ? SVGCanvas.text(x0 + 3, top + height / 2 + 4, name, "say-label")
                        : SVGCanvas.text(x0, top + height + Double(row) * Metrics.rowHeight.voiceLabel - 3, name, "label"))
                }
            case .pause:
                shapes = [SVGCanvas.rect(x0, top, max(x1 - x0, 1), height, ""),
                          SVGCanvas.line(x0, top + height / 2, x1, top + height / 2, "")]
            case .breathe:
                shapes = breath(event, top: top, height: height)
            case .play, .tone, .bed:
                continue
            }
            canvas.titled(event.kind.rawValue, title: title(event), data: data(index, event), shapes)
        }
    }

    /// The breath's swell, rising through each in-breath and falling through each
    /// out-breath; when cycles are too close to draw (an hour on one page), a pale
    /// band where the breathing is.
    private func breath(_ event: Event, top: Double, height: Double) -> [String] {
        guard case .breathe(let pattern) = event.source, pattern.cycle > 0 else { return [] }
        let (x0, x1) = (x(event.start), x(event.end))
        let cycleWidth = (x1 - x0) / Double(pattern.times)
        guard cycleWidth >= 4 else { return [SVGCanvas.rect(x0, top + 4, max(x1 - x0, 1), height - 8, "")] }
        let step = max(1.0, cycleWidth / 24)
        let framesPerPixel = Double(event.length) / max(x1 - x0, 1)
        var points: [(x: Double, y: Double)] = []
        var px = x0
        while true {
            let frame = Int64(((px - x0) * framesPerPixel).rounded()) % pattern.cycle
            points.append((px, top + height - 3 - (height - 6) * Self.swell(pattern, at: frame)))
            if px >= x1 { break }
            px = min(px + step, x1)
        }
        return [SVGCanvas.path(points, "")]
    }

    /// 0 at the bottom of the out-breath, 1 at the top of the in-breath, easing as a
    /// breath does (a half cosine each way).
    static func swell(_ p: BreathPattern, at frame: Int64) -> Double {
        let ease = { (f: Double) in (1 - cos(Double.pi * min(max(f, 0), 1))) / 2 }
        if frame < p.inhale { return ease(Double(frame) / Double(p.inhale)) }
        if frame < p.inhale + p.holdIn { return 1 }
        if frame < p.inhale + p.holdIn + p.exhale {
            return 1 - ease(Double(frame - p.inhale - p.holdIn) / Double(p.exhale))
        }
        return 0
    }

    /// Each bed as a band whose height is its level through fades, glides and
    /// ducking, sampled every pixel. The loudest moment of any bed fills a band;
    /// 48 dB below it is the band's floor.
    func drawBeds(_ canvas: inout SVGCanvas) {
        var curve = LevelCurve(timeline)
        let rowHeight = Metrics.rowHeight.bedLabel + Metrics.rowHeight.bed + 6
        let sampled = beds.map { bed -> [(x: Double, db: Double)] in
            let event = timeline.events[bed.index]
            let (x0, x1) = (x(event.start), x(event.end))
            let xs = stride(from: x0, to: x1, by: 1).map { $0 } + [x1]
            let frames = xs.map { event.start + Int64((($0 - x0) / max(x1 - x0, 1e-9) * Double(event.length)).rounded()) }
            return Array(zip(xs, curve.decibels(event, at: frames.map { min($0, event.end) }))).map { (x: $0.0, db: $0.1) }
        }
        let loudest = sampled.joined().map(\.db).filter(\.isFinite).max() ?? 0
        let floor = loudest - 48
        for (bed, samples) in zip(beds, sampled) {
            let event = timeline.events[bed.index]
            let top = bedsTop + Double(bed.row) * rowHeight
            let base = top + Metrics.rowHeight.bedLabel + Metrics.rowHeight.bed
            let points = samples.map { sample -> (x: Double, y: Double) in
                let fraction = sample.db.isFinite ? min(max((sample.db - floor) / (loudest - floor), 0), 1) : 0
                return (sample.x, base - fraction * Metrics.rowHeight.bed)
            }
            let outline = [(x: points.first?.x ?? x(event.start), y: base)] + points + [(x: points.last?.x ?? x(event.end), y: base)]
            var shapes = [SVGCanvas.path(outline, "", closed: true)]
            if bed.labelled, let label = EventText.label(event) {
                shapes.append(SVGCanvas.text(x(event.start) + 2, top + Metrics.rowHeight.bedLabel - 3, label, "label"))
            }
            canvas.titled("bed", title: title(event), data: data(bed.index, event), shapes)
        }
    }
}
