import Foundation

/// An event with what is needed to finish it once the whole script is read:
/// its place in the source (for the sort) and, for a bed, how it stops.
struct PlacedEvent {
    var event: Event
    var order: Int
    var bed: BedState?
    /// Made by `every`: it never lengthens the track and is cut at its end unannounced.
    var fromEvery = false
}

struct BedState {
    /// Where `stop` was, and its fade; nil while the bed runs to the track's end.
    var stopAt: Int64?
    var stopFade: Int64 = 0
    /// The end of a file bed without `loop`.
    var naturalEnd: Int64?
    /// The bed's own fade-out, used at the track's end and by a plain `stop`.
    var fadeOut: Int64
}

/// A generator made concrete: checked against the rate, options merged.
struct ResolvedSound {
    var generator: Generator
    var options: OptionsSyntax
    var name: String?
    /// How long it lasts by itself (a bell's decay, a file's length); nil: forever.
    var natural: Int64?
    var isFile: Bool
}

extension Resolver {
    /// The shortest fade at either end of every sound, so that nothing clicks.
    var minimumFade: Int64 { frames(0.005) }
    static let defaultBedFade = 3.0
    static let defaultGeneratorLevel = -20.0
    static let defaultBellDecay = 8.0

    func place(_ cue: Cue, _ context: FileContext) {
        switch cue.prefix {
        case .after(let stretch): spine += stretched(stretch).frames
        case .at(let time): spine = frames(time.seconds)
        case .beforeEnd(let offset): placeBeforeEnd(offset, context)
        case nil: break
        }
        for pending in pendingChapters {
            chapters.append(Chapter(title: pending.title, start: spine, location: pending.location))
        }
        pendingChapters.removeAll()
        let location = context.location(cue.spot)
        let options = cue.options
        switch cue.action {
        case .say(let clip, let clipSpot, let text):
            say(clip, clipSpot, text, options, context, location)
        case .pause(let stretch):
            let (length, range) = stretched(stretch)
            let end = spine + length
            append(Event(
                kind: .pause, start: spine, end: end, location: location, source: .silence,
                mix: Mix(level: Param(0), ducks: false), stretch: range))
            spine = end
        case .breathe(let inhale, let holdIn, let exhale, let holdOut):
            let pattern = BreathPattern(
                inhale: frames(inhale.seconds), holdIn: frames(holdIn?.seconds ?? 0),
                exhale: frames(exhale.seconds), holdOut: frames(holdOut?.seconds ?? 0),
                times: options.times ?? 1)
            let end = spine + pattern.cycle * Int64(pattern.times)
            append(Event(
                kind: .breathe, start: spine, end: end, location: location, source: .breathe(pattern),
                mix: Mix(level: param(options.level) ?? Param(Self.defaultGeneratorLevel), ducks: false)))
            spine = end
        case .play(let generator):
            underneath(.play, generator, cue, context, location)
        case .tone(let generator):
            underneath(.tone, generator, cue, context, location)
        case .bed(let name, let nameSpot, let generator):
            bed(name, nameSpot, generator, cue, context, location)
        case .stop(let name, let nameSpot):
            guard let index = runningBeds[name] else {
                let guess = didYouMean(name, among: runningBeds.keys.sorted())
                report(context, nameSpot, .bedNotRunning(name, suggestion: guess))
                return
            }
            guard var bed = placed[index].bed else { return }
            bed.stopAt = spine
            bed.stopFade = options.fadeOut.map { frames($0.seconds) } ?? bed.fadeOut
            placed[index].bed = bed
            runningBeds[name] = nil
        }
    }

    func append(_ event: Event, bed: BedState? = nil, fromEvery: Bool = false) {
        placed.append(PlacedEvent(event: event, order: placed.count, bed: bed, fromEvery: fromEvery))
    }

    func param(_ value: GlideValue?) -> Param? {
        guard let value else { return nil }
        return value.over > 0 && value.start != value.end
            ? Param(from: value.start, to: value.end, over: frames(value.over)) : Param(value.start)
    }

    private func mix(_ options: OptionsSyntax, level: Double, fade: Double, ducks: Bool) -> Mix {
        var levelParam = param(options.level) ?? Param(level)
        levelParam.curve = options.glideCurve ?? .even
        var mix = Mix(
            level: levelParam, pan: param(options.pan) ?? Param(0),
            fadeIn: max(minimumFade, frames(options.fadeIn?.seconds ?? fade)),
            fadeOut: max(minimumFade, frames(options.fadeOut?.seconds ?? fade)), ducks: ducks)
        mix.modulation = modulation(options)
        return mix
    }

    // MARK: Voice

    private func say(
        _ clip: String, _ spot: Spot, _ text: String?, _ options: OptionsSyntax, _ context: FileContext,
        _ location: SourceLocation
    ) {
        let folder = settings.clips ?? files.root.appendingPathComponent("clips")
        let source: ClipSource
        let length: Int64
        switch files.clip(clip, in: folder) {
        case .found(let url):
            record(clip, text, location, url)
            guard files.isInsideRoot(url) else {
                report(context, spot, .recordingOutsideRoot(clip, path: url.path, root: files.root.path))
                return
            }
            guard let measured = clipLength(url, options, context, spot) else { return }
            source = ClipSource(file: url, from: options.from?.seconds, to: options.to?.seconds, trim: options.trim)
            length = measured
        case .ambiguous(let urls):
            record(clip, text, location, nil)
            report(context, spot, .ambiguousRecording(clip, files: urls.map(\.lastPathComponent)))
            return
        case .missing(let suggestion):
            record(clip, text, location, nil)
            guard self.options.draft else {
                // A phone's .m4a (or any other kind) of the right name is not read:
                // say so, rather than leave the practitioner wondering why.
                let unread = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
                    ($0 as NSString).deletingPathExtension == clip
                        && !clipExtensions.contains(($0 as NSString).pathExtension.lowercased())
                }
                report(context, spot, .noRecording(clip, folder: folder.path, suggestion: suggestion, unreadable: unread.sorted()))
                return
            }
            let words = (text ?? "").split(whereSeparator: { $0.isWhitespace }).count
            source = ClipSource(file: nil, from: options.from?.seconds, to: options.to?.seconds, trim: options.trim)
            length = frames(Double(words) * 60 / 130 + 0.5)
        }
        let end = spine + length
        append(Event(
            kind: .say, start: spine, end: end, name: clip, text: text, location: location, source: .clip(source),
            mix: mix(options, level: 0, fade: 0, ducks: false)))
        spine = end
    }

    /// The clip's length at the track's rate after `from`/`to` and `trim`.
    private func clipLength(_ url: URL, _ options: OptionsSyntax, _ context: FileContext, _ spot: Spot) -> Int64? {
        do throws(LibraryFiles.Problem) {
            let info = try files.info(of: url)
            let sourceRate = Double(info.rate)
            let from = Int64(((options.from?.seconds ?? 0) * sourceRate).rounded())
            let to = options.to.map { Int64(($0.seconds * sourceRate).rounded()) } ?? info.frames
            if to > info.frames, let written = options.to {
                report(context, written.spot, .toPastEnd(file: url.lastPathComponent, seconds: info.seconds))
                return nil
            }
            guard from < to else {
                report(context, options.from?.spot ?? spot,
                       options.to == nil ? .fromPastEnd(file: url.lastPathComponent, seconds: info.seconds) : .fromAfterTo)
                return nil
            }
            var range = from..<to
            if options.trim { range = try files.audibleRange(of: url, within: range) }
            return StillpointScript.frames(Int64(range.count), from: info.rate, to: rate)
        } catch {
            reportFileProblem(error, written: url.lastPathComponent, context, spot)
            return nil
        }
    }

    /// Notes a use of a clip for the recording sheet; mutates in place, since a
    /// long script says the same clip thousands of times.
    private func record(_ clip: String, _ text: String?, _ location: SourceLocation, _ file: URL?) {
        if phrases[clip] == nil {
            phrases[clip] = Phrase(clip: clip, text: nil, uses: [], file: file)
            phraseOrder.append(clip)
        }
        if phrases[clip]?.text == nil { phrases[clip]?.text = text }
        if phraseUses.insert(PhraseUse(clip: clip, location: location)).inserted {
            phrases[clip]?.uses.append(location)
        }
    }

    // MARK: Sounds underneath

    private func underneath(
        _ kind: Event.Kind, _ generator: GeneratorSyntax, _ cue: Cue, _ context: FileContext, _ location: SourceLocation
    ) {
        guard let (sound, length) = soundUnderneath(kind, generator, cue, context) else { return }
        appendUnderneath(kind, sound, length: length, at: spine, location: location)
    }

    /// The sound a `play` or `tone` makes and how long it lasts; nil (reported)
    /// when it is broken or never ends.
    func soundUnderneath(
        _ kind: Event.Kind, _ generator: GeneratorSyntax, _ cue: Cue, _ context: FileContext
    ) -> (ResolvedSound, Int64)? {
        guard let sound = resolve(generator, cue.options, context, at: cue.spot) else { return nil }
        if let duration = sound.options.duration { return (sound, frames(duration.seconds)) }
        if let natural = sound.natural { return (sound, natural) }
        report(context, cue.spot, .neverEnds(isFile: sound.isFile, keyword: kind.rawValue))
        return nil
    }

    func appendUnderneath(
        _ kind: Event.Kind, _ sound: ResolvedSound, length: Int64, at start: Int64, location: SourceLocation,
        fromEvery: Bool = false
    ) {
        append(
            Event(
                kind: kind, start: start, end: start + length, name: sound.name, location: location,
                source: .generator(sound.generator),
                mix: mix(sound.options, level: sound.isFile ? 0 : Self.defaultGeneratorLevel, fade: 0,
                         ducks: !sound.options.noduck)),
            fromEvery: fromEvery)
    }

    private func bed(
        _ name: String?, _ nameSpot: Spot?, _ generator: GeneratorSyntax, _ cue: Cue, _ context: FileContext,
        _ location: SourceLocation
    ) {
        if let name, let running = runningBeds[name] {
            report(context, nameSpot ?? cue.spot, .bedAlreadyRunning(name, startedAt: placed[running].event.location))
            return
        }
        guard let sound = resolve(generator, cue.options, context, at: cue.spot) else { return }
        let mix = mix(sound.options, level: sound.isFile ? 0 : Self.defaultGeneratorLevel, fade: Self.defaultBedFade,
                      ducks: !sound.options.noduck)
        let natural = sound.options.loop ? nil : sound.natural.map { spine + $0 }
        if let name { runningBeds[name] = placed.count }
        append(
            Event(kind: .bed, start: spine, end: natural ?? spine, name: name, location: location,
                  source: .generator(sound.generator), mix: mix),
            bed: BedState(naturalEnd: natural, fadeOut: mix.fadeOut))
    }
}
