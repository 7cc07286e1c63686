import Foundation
import StillpointScript

/// The session text of an imported schedule, with, for each of its lines, the
/// place in the `.sbg` it comes from (so that a problem the loader finds in the
/// text is reported in the schedule).
public struct SessionText: Sendable {
    public var text: String
    /// `origins[n - 1]` is where session line n comes from; nil for lines the import made up.
    public var origins: [SourceLocation?]
}

/// Writes a schedule as a `.session` a person would write: settings, then each
/// tone-set's tones as named sounds (its definition kept above them as a
/// comment), then the time line as `at` lines that start, glide and stop one bed
/// per channel (`tone1`, `tone2`, …), every glide `glide linear` as SBaGen's are.
struct SessionWriter {
    let schedule: Schedule
    let title: String
    /// The mix-in file as the session names it (relative to the session's folder).
    let mixPath: String?
    let gain: Double

    private var lines: [String] = []
    private var origins: [SourceLocation?] = []
    private var soundNames: [Tone: String] = [:]
    private var usedSounds: Set<String> = []

    init(schedule: Schedule, title: String, mixPath: String?, gain: Double) {
        self.schedule = schedule
        self.title = title
        self.mixPath = mixPath
        self.gain = gain
    }

    private mutating func emit(_ line: String, _ origin: SourceLocation? = nil) {
        lines.append(line)
        origins.append(origin)
    }

    /// A channel's bed while it plays: enough to know the phase each ear has reached.
    private struct RunningBed {
        var start: Double
        var from: Tone
        var to: Tone
        /// Seconds its frequencies glide over (0: steady).
        var glide: Double
        var phase: (left: Double, right: Double)
        var holding: Tone?

        /// Each ear's phase, in cycles from 0 to 1, at `time`: its start phase plus
        /// the integral of its frequency (linear over the glide, then steady),
        /// from the times as the session writes them (to the millisecond).
        func phases(at time: Double) -> (left: Double, right: Double) {
            func ms(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
            let elapsed = ms(time) - ms(start), length = ms(glide)
            func ear(_ tone: Tone, _ sign: Double) -> Double {
                tone.kind == .binaural ? tone.carrier + sign * tone.beat / 2 : tone.carrier
            }
            func cycles(_ f0: Double, _ f1: Double, _ start: Double) -> Double {
                let within = min(elapsed, length)
                let gliding = length > 0 ? f0 * within + (f1 - f0) * within * within / (2 * length) : f0 * within
                let total = start + gliding + f1 * max(0, elapsed - within)
                return total - total.rounded(.down)
            }
            return (cycles(ear(from, 1), ear(to, 1), phase.left), cycles(ear(from, -1), ear(to, -1), phase.right))
        }
    }

    /// One cue of the time line, before sorting.
    private struct Cue {
        var time: Double
        /// Stops before starts before bells, at one time.
        var rank: Int
        var channel: Int
        var text: String
        var line: ScheduledSet
    }

    mutating func write(channels: [[Piece]], bells: [BellRing]) -> SessionText {
        let firstStatement = (schedule.setOrder.compactMap { schedule.sets[$0]?.location.line }
            + schedule.lines.map(\.location.line)).min() ?? Int.max
        var comments = schedule.comments[...]
        while let comment = comments.first, comment.line < firstStatement {
            emit(comment.text, SourceLocation(file: schedule.path, line: comment.line, column: 1))
            comments.removeFirst()
        }
        emit("# Imported by `stillpoint import`: each tone-set's tones are sounds, and the")
        emit("# time line starts, glides and stops one bed per channel at SBaGen's levels.")
        emit("title: \(title)")
        emit("loudness: off")
        emit("peak: 0 dBTP")
        if let rate = schedule.rate { emit("rate: \(rate)") }
        let cues = timeLine(channels: channels, bells: bells)
        emit("")
        for name in schedule.setOrder {
            guard let set = schedule.sets[name] else { continue }
            while let comment = comments.first, comment.line < set.location.line {
                emit(comment.text, SourceLocation(file: schedule.path, line: comment.line, column: 1))
                comments.removeFirst()
            }
            let sounds = set.tones.compactMap { $0 }.compactMap { tone -> String? in
                guard let name = soundNames[tone], usedSounds.contains(name), soundOwner[name] == set.name else { return nil }
                return "sound \(name) = \(generator(tone, to: tone, over: 0))\(levelText(tone, tone, 0))"
            }
            emit("# \(set.text)", set.location)
            for sound in sounds { emit(sound, set.location) }
        }
        emit("")
        var shown: ScheduledSet?
        for cue in cues {
            if shown != cue.line {
                while let comment = comments.first, comment.line < cue.line.location.line {
                    emit(comment.text, SourceLocation(file: schedule.path, line: comment.line, column: 1))
                    comments.removeFirst()
                }
                emit("# \(cue.line.text)", cue.line.location)
                shown = cue.line
            }
            emit("at \(Self.clock(cue.time)) \(cue.text)", cue.line.location)
        }
        for comment in comments { emit(comment.text, SourceLocation(file: schedule.path, line: comment.line, column: 1)) }
        if !schedule.lines.isEmpty { emit("end \(Self.clock(schedule.end))") }
        return SessionText(text: lines.joined(separator: "\n") + "\n", origins: origins)
    }

    /// The set that names each sound: the first, in the schedule's order, to hold its tone.
    private var soundOwner: [String: String] = [:]

    private mutating func soundName(_ tone: Tone) -> String {
        if let name = soundNames[tone] { usedSounds.insert(name); return name }
        var owner = "tone"
        var channel = 1
        search: for setName in schedule.setOrder {
            for (k, candidate) in (schedule.sets[setName]?.tones ?? []).enumerated() where candidate == tone {
                owner = setName
                channel = k + 1
                break search
            }
        }
        var name = "\(owner).\(channel)"
        while soundOwner[name] != nil { name += "x" }
        soundNames[tone] = name
        soundOwner[name] = owner
        usedSounds.insert(name)
        return name
    }

    /// Turns each channel's pieces into bed starts, glides and stops. Where one
    /// bed takes over from another at the same moment (a steady set, then a
    /// slide), the new one starts at the phase the old one has reached in each
    /// ear, so the 5 ms crossfade joins two copies of one wave and nothing clicks.
    private mutating func timeLine(channels: [[Piece]], bells: [BellRing]) -> [Cue] {
        var cues: [Cue] = []
        let end = schedule.end
        for (k, pieces) in channels.enumerated() {
            let bed = "tone\(k + 1)"
            var running: RunningBed?
            var runningUntil = -1.0
            func stop(_ time: Double, fade: Double, _ line: ScheduledSet) {
                cues.append(Cue(time: time, rank: 0, channel: k, text: "stop \(bed) fade \(Self.duration(fade))", line: line))
                running = nil
            }
            /// Starts a bed at the piece's start, taking over from the running one.
            func start(_ piece: Piece, _ what: String, holding tone: Tone, glide: Double) {
                var phase = ""
                if let old = running {
                    let (left, right) = old.phases(at: piece.start)
                    // The old bed fades out over the 5 ms the new one fades in: a crossfade.
                    stop(piece.start, fade: 0.005, piece.line)
                    if piece.from.kind == .binaural || piece.from.kind == .isochronic, left != 0 || right != 0 {
                        phase = " phase \(Self.number(left)) \(Self.number(right))"
                    }
                    running = RunningBed(start: piece.start, from: piece.from, to: piece.to, glide: glide, phase: (left, right))
                } else {
                    running = RunningBed(start: piece.start, from: piece.from, to: piece.to, glide: glide, phase: (0, 0))
                }
                running?.holding = tone
                cues.append(Cue(time: piece.start, rank: 1, channel: k, text: "bed \(bed) = \(what)\(phase)", line: piece.line))
                runningUntil = piece.end
            }
            for piece in pieces where piece.start < end {
                let (a, b, length) = (piece.from, piece.to, piece.end - piece.start)
                if running != nil, runningUntil < piece.start { stop(runningUntil, fade: 0, piece.line) }
                if a == b {
                    if running?.holding == a {
                        runningUntil = piece.end
                        continue
                    }
                    start(piece, "\(soundName(a)) fade 0s", holding: a, glide: 0)
                } else if a.at(amplitude: 0) == b.at(amplitude: 0), b.amplitude == 0, running?.holding == a {
                    stop(piece.start, fade: length, piece.line)
                } else if a.at(amplitude: 0) == b.at(amplitude: 0), a.amplitude == 0 {
                    start(piece, "\(soundName(b)) fade \(Self.duration(length)) 0s", holding: b, glide: 0)
                } else {
                    let text = "\(generator(a, to: b, over: length))\(levelText(a, b, length)) fade 0s glide linear"
                    start(piece, text, holding: b, glide: length)
                }
            }
            if running != nil, runningUntil < end { stop(runningUntil, fade: 0, pieces.last!.line) }
        }
        for bell in bells where bell.time < end {
            cues.append(Cue(time: bell.time, rank: 2, channel: 0, text: "play \(soundName(bell.tone))", line: bell.line))
        }
        return cues.sorted { ($0.time, $0.rank, $0.channel) < ($1.time, $1.rank, $1.channel) }
    }

    // MARK: Words

    private func generator(_ a: Tone, to b: Tone, over length: Double) -> String {
        func glide(_ x: Double, _ y: Double, _ unit: String) -> String {
            x == y || length <= 0 ? "\(Self.number(x)) \(unit)"
                : "\(Self.number(x)) \(unit) -> \(Self.number(y)) \(unit) over \(Self.duration(length))"
        }
        switch a.kind {
        case .binaural where a.beat == 0 && b.beat == 0:
            return "sine " + glide(a.carrier, b.carrier, "Hz")
        case .binaural:
            // SBaGen's C+B puts the higher tone in the left ear; Stillpoint's beat in the right.
            return "binaural " + glide(a.carrier, b.carrier, "Hz") + " beat " + glide(-a.beat, -b.beat, "Hz")
        case .isochronic:
            return "isochronic " + glide(a.carrier, b.carrier, "Hz") + " pulse " + glide(a.beat, b.beat, "Hz")
        case .noise(let colour): return "noise \(colour.rawValue)"
        case .spin(let colour): return "noise \(colour.rawValue) spin " + glide(abs(a.beat), abs(b.beat), "Hz")
        case .mix: return "file \"\(mixPath ?? "")\" loop" + (a.modulation.map { " am \(Self.number($0)) Hz" } ?? "")
        case .bell: return "bell \(Self.number(a.carrier)) Hz decay 2s"
        }
    }

    /// SBaGen's amplitude, a share of full scale out of 100, as a level in dB.
    private func levelText(_ a: Tone, _ b: Tone, _ length: Double) -> String {
        let offset = Self.noiseOffset(a.kind)
        let x = Self.decibels(a.amplitude * gain, offset), y = Self.decibels(b.amplitude * gain, offset)
        return x == y || length <= 0 ? " level \(x) dB" : " level \(x) dB -> \(y) dB over \(Self.duration(length))"
    }

    /// SBaGen scales its noise like its sine table: a noise at amplitude 100 peaks
    /// near full scale, so its RMS lies below that of a full-scale sine, while
    /// Stillpoint's noise at 0 dB has a full-scale sine's RMS. The differences,
    /// measured on SBaGen's own generators (white uniform: −4.77 dB RMS; its
    /// nine-band pink: −16.34 dB; its leaky-integrator brown: −22.47 dB, all re
    /// full scale), keep each noise at SBaGen's loudness.
    static func noiseOffset(_ kind: Tone.Kind) -> Double {
        let colour: NoiseColor
        switch kind {
        case .noise(let c), .spin(let c): colour = c
        default: return 0
        }
        let sineRMS = -3.0103
        return switch colour {
        case .white: -4.771 - sineRMS
        case .pink: -16.336 - sineRMS
        case .brown: -22.468 - sineRMS
        }
    }

    static func decibels(_ amplitude: Double, _ offset: Double = 0) -> String {
        let db = amplitude > 0 ? 20 * log10(amplitude / 100) + offset : -120
        return number(min(max(db, -120), 24), decimals: 2)
    }

    static func number(_ value: Double, decimals: Int = 4) -> String {
        var text = String(format: "%.\(decimals)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `1h2m3s`, `5ms`, or seconds with a fraction (`12.5s`).
    static func duration(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        if millis < 1000, millis > 0 { return "\(millis)ms" }
        guard millis % 1000 == 0 else { return number(Double(millis) / 1000, decimals: 3) + "s" }
        let whole = millis / 1000
        guard whole > 0 else { return "0s" }
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
        return (h > 0 ? "\(h)h" : "") + (m > 0 ? "\(m)m" : "") + (s > 0 ? "\(s)s" : "")
    }

    /// `h:mm:ss` with milliseconds when there are any.
    static func clock(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let (h, m, s, ms) = (millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000)
        return String(format: "%d:%02d:%02d", h, m, s) + (ms > 0 ? String(format: ".%03d", ms) : "")
    }
}
