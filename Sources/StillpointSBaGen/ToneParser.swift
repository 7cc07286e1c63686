import Foundation
import StillpointScript

/// Reads one tone of a tone-set (`200+10/20`, `pink/30`, `spin:300+4/40`, …).
/// What SBaGenX adds and Stillpoint cannot play becomes a warning that names
/// what will sound different, never a silent change.
struct ToneParser {
    /// The outcome for one written tone.
    enum Reading {
        case tone(Tone)
        /// `-`: the channel is not in use.
        case off
        /// Left out or played another way, with the warning that says how.
        case approximated(Tone?, SBaGenProblem)
        case invalid
        /// `mixam:R`: the set's mix-in file throbs at R Hz.
        case modulation(Double)
    }

    /// Prefixes naming a waveform or an envelope; `sine` is the default and costs nothing.
    static let waveforms: Set<String> = ["sine", "square", "triangle", "sawtooth"]
    /// SBaGenX tones that work on the mix-in stream or move sound in space.
    static let mixEffects: Set<String> = [
        "mixspin", "mixpulse", "mixbeat", "mixam", "noisepulse", "noisebeat", "orbitbeat",
    ]

    static func read(_ text: Substring) -> Reading {
        if text == "-" { return .off }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var dropped: [String] = []
        // Waveform and envelope prefixes (`square:`, `wave00:`, `custom00:`, `spin00:`, `noise00:`).
        while parts.count > 1, let first = parts.first?.lowercased(),
            waveforms.contains(first) || Self.isNumbered(first)
        {
            if first != "sine" { dropped.append(first) }
            parts.removeFirst()
        }
        guard let kind = parts.first?.lowercased() else { return .invalid }
        if kind == "mixam", parts.count == 2, dropped.isEmpty, let rate = number(parts[1]), rate > 0 {
            return .modulation(rate)
        }
        if mixEffects.contains(kind) || (parts.count == 1 && Self.isNumbered(kind.prefix { $0 != "/" }.lowercased())) {
            return .approximated(nil, .notCarried("`\(text)`", instead: "this tone is left out"))
        }
        let tone: Tone
        if parts.count == 2, let colour = ["spin": NoiseColor.pink, "bspin": .brown, "wspin": .white][kind] {
            guard let (width, rate, amp) = Self.triple(parts[1]), "+-".contains(rate.sign) else { return .invalid }
            tone = Tone(.spin(colour), carrier: width, beat: rate.value, amplitude: amp)
        } else if parts.count == 1 {
            guard let made = Self.simple(parts[0]) else { return .invalid }
            tone = made
        } else {
            return .invalid
        }
        if !dropped.isEmpty {
            let what = dropped.map { "`\($0):`" }.joined(separator: " and ")
            return .approximated(tone, .notCarried("the waveform \(what) of `\(text)`", instead: "it plays as a sine wave"))
        }
        if case .spin = tone.kind {
            return .approximated(tone, .notCarried(
                "the delay-based spin of `\(text)`",
                instead: "it plays as noise panned round the head at the same rate"))
        }
        return .tone(tone)
    }

    /// `wave00`, `custom12`, `spin03`, `noise07`: SBaGenX's numbered shapes.
    static func isNumbered(_ word: String) -> Bool {
        for stem in ["wave", "custom", "spin", "noise"] where word.hasPrefix(stem) {
            let digits = word.dropFirst(stem.count)
            return digits.count == 2 && digits.allSatisfy(\.isNumber)
        }
        return false
    }

    /// `pink/40`, `mix/100`, `bell+800/20`, `200+10/20`, `200-4/27`, `200/20`, `300@10/10`.
    private static func simple(_ text: String) -> Tone? {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, let amp = number(pieces[1]) else { return nil }
        let head = pieces[0].lowercased()
        switch head {
        case "pink": return Tone(.noise(.pink), amplitude: amp)
        case "white": return Tone(.noise(.white), amplitude: amp)
        case "brown": return Tone(.noise(.brown), amplitude: amp)
        case "mix": return Tone(.mix, amplitude: amp)
        default: break
        }
        if head.hasPrefix("bell") {
            guard let hertz = number(head.dropFirst(4).drop { $0 == "+" }) else { return nil }
            return Tone(.bell, carrier: hertz, amplitude: amp)
        }
        guard let (carrier, rest) = leading(Substring(head)) else { return nil }
        if rest.isEmpty { return Tone(.binaural, carrier: carrier, amplitude: amp) }
        let sign = rest.first!
        guard "+-@m".contains(sign), let value = number(rest.dropFirst()) else { return nil }
        switch sign {
        case "@": return Tone(.isochronic, carrier: carrier, beat: value, amplitude: amp)
        case "-": return Tone(.binaural, carrier: carrier, beat: -value, amplitude: amp)
        default: return Tone(.binaural, carrier: carrier, beat: value, amplitude: amp)  // `M` is warned of by the caller
        }
    }

    /// `W+R/A` of a spin tone.
    private static func triple(_ text: String) -> (Double, (sign: Character, value: Double), Double)? {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, let amp = number(pieces[1]),
            let (width, rest) = leading(pieces[0]), let sign = rest.first, let rate = number(rest.dropFirst())
        else { return nil }
        return (width, (sign, sign == "-" ? -rate : rate), amp)
    }

    /// A plain decimal filling the whole text.
    static func number<S: StringProtocol>(_ text: S) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        return Double(String(text))
    }

    /// The decimal at the start of `text` and what follows it.
    private static func leading(_ text: Substring) -> (Double, Substring)? {
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = number(digits) else { return nil }
        return (value, text.dropFirst(digits.count))
    }
}
