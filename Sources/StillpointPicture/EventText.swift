import Foundation
import StillpointScript

/// The words the picture uses for an event: its label (what is drawn beside it)
/// and its title (what a screen reader and a hover show, and what the tests read):
/// kind, name or generator, start and end.
enum EventText {
    /// The clip or sound name; for an unnamed sound, its generator.
    static func label(_ event: Event) -> String? {
        switch event.kind {
        case .say: return event.name
        case .pause: return nil
        case .breathe: return "breathe"
        case .play, .tone, .bed: return event.name ?? generator(event.source)
        }
    }

    /// `say welcome, 0:04.0 to 0:06.8: "Welcome."`; `bed night (noise brown), 0:00.0 to 15:00.0`;
    /// `breathe in 4s out 6s × 3, …`.
    static func title(_ event: Event, rate: Int) -> String {
        var what = event.kind.rawValue
        switch event.kind {
        case .say:
            if let name = event.name { what += " " + name }
        case .pause:
            break
        case .breathe:
            if case .breathe(let pattern) = event.source { what += " " + breath(pattern, rate: rate) }
        case .play, .tone, .bed:
            let generator = generator(event.source)
            if let name = event.name, let generator, name != generator {
                what += " \(name) (\(generator))"
            } else if let shown = event.name ?? generator {
                what += " " + shown
            }
        }
        let span = "\(clockText(Double(event.start) / Double(rate))) to \(clockText(Double(event.end) / Double(rate)))"
        return "\(what), \(span)" + (event.text.map { ": \"\($0)\"" } ?? "")
    }

    /// The generator as a script writes it: `bell 432 Hz`, `noise pink`,
    /// `binaural 200 Hz beat 10 Hz → 6 Hz`; nil for a clip or silence.
    static func generator(_ source: SoundSource) -> String? {
        guard case .generator(let generator) = source else { return nil }
        switch generator {
        case .sine(let f): return "sine \(hertz(f))"
        case .binaural(let f, let beat): return "binaural \(hertz(f)) beat \(hertz(beat))"
        case .isochronic(let f, let pulse): return "isochronic \(hertz(f)) pulse \(hertz(pulse))"
        case .noise(let colour): return "noise \(colour.rawValue)"
        case .spinningNoise(let colour, let spin): return "noise \(colour.rawValue) spin \(hertz(spin))"
        case .bell(let f, _): return "bell \(hertz(f))"
        case .drone(let f): return "drone \(hertz(f))"
        case .file(let url, let loop): return "file \(url.lastPathComponent)" + (loop ? " loop" : "")
        }
    }

    /// `in 4s hold 2s out 6s × 3`, as the `breathe` line reads.
    static func breath(_ p: BreathPattern, rate: Int) -> String {
        let seconds = { (frames: Int64) in String(format: "%gs", Double(frames) / Double(rate)) }
        let parts = [("in", p.inhale), ("hold", p.holdIn), ("out", p.exhale), ("hold", p.holdOut)]
            .filter { $0.1 > 0 }.map { "\($0.0) \(seconds($0.1))" }
        return parts.joined(separator: " ") + (p.times > 1 ? " × \(p.times)" : "")
    }

    private static func hertz(_ p: Param) -> String {
        let value = { (v: Double) in (v == v.rounded() ? String(Int(v)) : String(format: "%g", v)) + " Hz" }
        return p.isConstant ? value(p.start) : "\(value(p.start)) → \(value(p.end))"
    }
}
