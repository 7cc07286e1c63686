import Foundation

/// An `every` line met in the walk, expanded once the content's end is known.
struct PendingEvery {
    var every: EverySyntax
    var context: FileContext
    /// Where the first repeat starts: `from T`, else where the spine was.
    var start: Int64
    /// Which `every` this is in the walk, so that each draws its own intervals.
    var stream: Int
}

extension Resolver {
    /// Expands every `every` into ordinary events: the cue at its start and again
    /// after each interval, while it starts before `until T` (or `until end -D`,
    /// from the track's `length`) or else the end of the content (`contentEnd`,
    /// which the repeats themselves do not move). Random intervals come from the
    /// script's `seed`, the same on every render.
    func expandEvery(contentEnd: Int64, length trackLength: Int64) {
        for pending in pendingEvery {
            let every = pending.every, context = pending.context
            let kind: Event.Kind
            let generator: GeneratorSyntax
            switch every.cue.action {
            case .tone(let written): (kind, generator) = (.tone, written)
            case .play(let written): (kind, generator) = (.play, written)
            default: continue  // the parser lets only `play` and `tone` through
            }
            guard let (sound, length) = soundUnderneath(kind, generator, every.cue, context) else { continue }
            let shortest = frames(every.interval.shortest.seconds)
            guard shortest > 0 else {
                report(context, every.interval.shortest.spot, .everyZeroInterval)
                continue
            }
            let longest = every.interval.longest.map { frames($0.seconds) } ?? shortest
            let stop = every.until.map { frames($0.seconds) }
                ?? every.untilBeforeEnd.map { trackLength - frames($0.seconds) } ?? contentEnd
            let most = stop > pending.start ? (stop - pending.start - 1) / shortest + 1 : 0
            guard Int64(cueCount) + most <= Int64(Self.maximumCues) else {
                report(context, every.spot, .everyTooMany(limit: Self.maximumCues))
                continue
            }
            var random = SeededRandom(seed: settings.output.seed, stream: UInt64(pending.stream))
            let location = context.location(every.cue.spot)
            var time = pending.start
            while time < stop {
                appendUnderneath(kind, sound, length: length, at: time, location: location, fromEvery: true)
                cueCount += 1
                time += longest > shortest ? shortest + Int64(random.next() % UInt64(longest - shortest + 1)) : shortest
            }
        }
    }
}

/// A counter-based generator: SplitMix64's finaliser over (seed, stream,
/// counter), the mix `NoiseVoice` uses for noise. Written here because this
/// module cannot see the audio one; it needs only to be deterministic and well
/// spread, not secret.
struct SeededRandom {
    private let key: UInt64
    private var counter: UInt64 = 0

    init(seed: UInt64, stream: UInt64) {
        key = Self.mix(seed &+ Self.mix(stream))
    }

    mutating func next() -> UInt64 {
        counter &+= 1
        return Self.mix(key ^ counter)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
