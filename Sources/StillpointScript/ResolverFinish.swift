import Foundation

extension Resolver {
    /// Ends the walk: the track's length, beds' ends, the checks that need the
    /// whole script, and the events in order. nil when any error was found.
    func finish(script: String, scriptURL: URL) -> Timeline? {
        closeHeader()
        for pending in pendingChapters {
            report(pending.context, pending.spot, .chapterNeedsCue)
        }
        let contentEnd = placed.lazy.filter { $0.event.kind != .bed }.map(\.event.end).max() ?? 0
        var length: Int64
        if let decided = layout.length {
            length = decided
        } else if let end = endMark {
            length = end.relative ? contentEnd + frames(end.value.seconds) : frames(end.value.seconds)
        } else {
            length = contentEnd + frames(settings.tail)
        }
        if layout.length == nil, endMark?.relative != false { length = max(length, anchorReach) }
        // `every` is expanded now that the content's end and the length are
        // known; its repeats change neither.
        expandEvery(contentEnd: contentEnd, length: length)
        for (name, definition) in sounds.sorted(by: { $0.key < $1.key }) where !usedSounds.contains(name) {
            report(definition.context, definition.sound.spot, .soundNeverUsed(name))
        }
        // ID3's table of contents counts its chapters in one byte.
        if settings.output.formats.contains(.mp3), chapters.count > 255 {
            add(Diagnostic(at: chapters[255].location, .tooManyChaptersForMP3))
        }
        // A track of no frames cannot be rendered; say so here, at the `end` line,
        // rather than let the render fail later.
        if length <= 0, let end = endMark {
            report(end.context, end.value.spot, .emptyTrack)
        }
        let limit = frames(longestTrackSeconds)
        if length > limit {
            let problem = ScriptProblem.trackTooLong(seconds: Double(length) / Double(rate))
            if let end = endMark {
                report(end.context, end.value.spot, problem)
            } else if let last = placed.filter({ $0.event.kind != .bed }).max(by: { $0.event.end < $1.event.end }) {
                add(Diagnostic(at: last.event.location, problem))
            }
        }
        // A length set by `end T` or decided for a version cuts what runs past it.
        let hardEnd = layout.length != nil || endMark?.relative == false
        var events: [PlacedEvent] = []
        for var item in placed {
            if item.bed != nil {
                guard finishBed(&item, length: length) else { continue }
            } else if item.fromEvery, item.event.end > length {
                guard item.event.start < length else { continue }
                item.event.end = length
            } else if item.event.end > length, hardEnd {
                add(Diagnostic(at: item.event.location, .runsPastEnd(endSeconds: Double(length) / Double(rate))))
                guard item.event.start < length else { continue }
                item.event.end = length
                if item.event.kind != .pause { item.event.mix.fadeOut = max(item.event.mix.fadeOut, frames(1)) }
            }
            clampFades(&item.event)
            events.append(item)
        }
        events.sort { ($0.event.start, $0.order) < ($1.event.start, $1.order) }
        warnOverlappingVoices(events.map(\.event))
        guard !diagnostics.contains(where: \.isError) else { return nil }
        var tags = settings.tags
        if tags.title == nil { tags.title = scriptURL.deletingPathExtension().lastPathComponent }
        return Timeline(
            script: script, settings: settings.output, tags: tags, length: length, events: events.map(\.event),
            chapters: chapters, dependencies: files.dependencies.sorted { $0.path < $1.path })
    }

    /// A bed ends at its `stop` plus the fade, when its file ends, or at the
    /// track's end, whichever is first, and is silent exactly there.
    private func finishBed(_ item: inout PlacedEvent, length: Int64) -> Bool {
        guard let bed = item.bed else { return true }
        let start = item.event.start
        guard start < length else {
            add(Diagnostic(at: item.event.location, .bedAfterEnd))
            return false
        }
        var end = length
        var fadeOut = bed.fadeOut
        if let natural = bed.naturalEnd, natural < end { end = natural }
        if let stop = bed.stopAt, stop < end {
            end = min(end, stop + bed.stopFade)
            fadeOut = end - stop
        }
        item.event.end = end
        item.event.mix.fadeOut = fadeOut
        return true
    }

    /// Every sound gets at least the 5 ms edge fades, and fades that would
    /// overlap share the event's length in proportion.
    private func clampFades(_ event: inout Event) {
        guard event.kind != .pause, event.kind != .breathe else { return }
        var mix = event.mix
        mix.fadeIn = max(mix.fadeIn, minimumFade)
        mix.fadeOut = max(mix.fadeOut, minimumFade)
        let length = max(0, event.length)
        if mix.fadeIn + mix.fadeOut > length {
            let total = Double(mix.fadeIn + mix.fadeOut)
            mix.fadeIn = Int64((Double(length) * Double(mix.fadeIn) / total).rounded())
            mix.fadeOut = length - mix.fadeIn
        }
        event.mix = mix
    }

    private func warnOverlappingVoices(_ events: [Event]) {
        var latest: Event?
        for event in events where event.kind == .say {
            if let previous = latest, event.start < previous.end {
                let overlap = Double(min(previous.end, event.end) - event.start) / Double(rate)
                add(Diagnostic(
                    at: event.location, .voiceOverlap(with: previous.name ?? "", at: previous.location, seconds: overlap)))
            }
            if event.end > latest?.end ?? Int64.min { latest = event }
        }
    }
}
