import Foundation
import StillpointScript

/// One channel's sound over a stretch of the track: `from` at `start` moving
/// linearly (in Hz and in amplitude) to `to` at `end`. The two are the same
/// kind of tone; silence is a tone at amplitude 0.
struct Piece: Equatable {
    var start: Double
    var end: Double
    var from: Tone
    var to: Tone
    /// The time line whose set this stretch plays or leads into.
    var line: ScheduledSet
}

/// A bell's ping where its set starts.
struct BellRing {
    var time: Double
    var tone: Tone
    var line: ScheduledSet
}

/// SBaGen's transitions between tone-sets, worked out channel by channel (the
/// n-th tone of one set moves to the n-th tone of the next), as its manual
/// (3.1.3) and its player's period logic give them:
///
/// - a plain change at time t is a window from t − 30 s to t + 30 s (the fade
///   interval, `-F`), shortened where the sets on either side are shorter;
/// - `->` makes the whole stretch to the next line the window, and always slides;
/// - in the window a tone that slides (both sides `=`, or `->`; or the same pitch
///   under `-`) moves linearly from its old values to its new ones; any other
///   tone fades linearly to silence by the window's middle and the new one fades
///   in from there;
/// - under `->` a tone starting from (or ending in) an unused channel slides its
///   amplitude from (or to) 0 at its own pitch.
enum Transitions {
    static func work(_ schedule: Schedule, fadeInterval: Double) -> (channels: [[Piece]], bells: [BellRing]) {
        let lines = schedule.lines
        guard !lines.isEmpty else { return ([], []) }
        let width = lines.compactMap { schedule.sets[$0.set]?.tones.count }.max() ?? 0
        func voices(_ line: ScheduledSet) -> [Tone?] {
            let tones = schedule.sets[line.set]?.tones ?? []
            return (0..<width).map { $0 < tones.count && tones[$0]?.kind != .bell ? tones[$0] : nil }
        }
        var channels = [[Piece]](repeating: [], count: width)
        var bells: [BellRing] = []
        let half = fadeInterval / 2
        var steadyStart = lines[0].time
        for (j, line) in lines.enumerated() {
            for tone in schedule.sets[line.set]?.tones ?? [] where tone?.kind == .bell {
                bells.append(BellRing(time: line.time, tone: tone!, line: line))
            }
            let here = voices(line)
            guard j + 1 < lines.count else {
                for k in 0..<width { add(&channels[k], steadyStart, schedule.end, here[k], here[k], line) }
                break
            }
            let next = lines[j + 1]
            let window: (Double, Double)
            if line.slides {
                window = (line.time, next.time)
            } else {
                let after = j + 2 < lines.count ? lines[j + 2].time : .infinity
                let before = min(half, next.time - steadyStart)
                let past = next.slides ? 0 : min(half, after - next.time)
                window = (next.time - before, next.time + past)
            }
            for k in 0..<width { add(&channels[k], steadyStart, window.0, here[k], here[k], line) }
            let there = voices(next)
            let mid = (window.0 + window.1) / 2
            for k in 0..<width {
                var a = here[k], b = there[k]
                var fadeOut = line.fadeOut, fadeIn = next.fadeIn
                if line.slides {
                    (fadeOut, fadeIn) = ("=", "=")
                    if a == nil, let b { a = b.at(amplitude: 0) }
                    if b == nil, let a { b = a.at(amplitude: 0) }
                }
                if let a, let b, !passesSilence(a, b, fadeOut, fadeIn) {
                    add(&channels[k], window.0, window.1, a, b, line)
                } else {
                    if let a { add(&channels[k], window.0, mid, a, a.at(amplitude: 0), line) }
                    if let b { add(&channels[k], mid, window.1, b.at(amplitude: 0), b, next) }
                }
            }
            steadyStart = window.1
        }
        return (channels, bells)
    }

    /// Whether a tone fades out and the next fades in, rather than one moving into the other.
    static func passesSilence(_ a: Tone, _ b: Tone, _ fadeOut: Character, _ fadeIn: Character) -> Bool {
        if fadeOut == ">" || fadeIn == "<" || a.kind != b.kind { return true }
        let samePitch = a.carrier == b.carrier && a.beat == b.beat
        let hasPitch: Bool = switch a.kind {
        case .binaural, .isochronic, .spin: true
        default: false
        }
        return (fadeOut == "-" || fadeIn == "-") && hasPitch && !samePitch
    }

    private static func add(
        _ pieces: inout [Piece], _ start: Double, _ end: Double, _ from: Tone?, _ to: Tone?, _ line: ScheduledSet
    ) {
        guard let from, let to, end > start else { return }
        pieces.append(Piece(start: start, end: end, from: from, to: to, line: line))
    }
}
