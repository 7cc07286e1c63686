import Foundation

/// What `ClipStore` does to a decoded recording before it may reach the mix, so
/// that a damaged or odd file cannot make a bad track that reports success:
///
/// - a NaN or infinite sample is refused: one would poison the loudness
///   measurement (switching off normalisation) and the true-peak limiter alike;
///   so is a float sample beyond +60 dBFS (found by fuzzing: a float WAV of
///   values near 3e38 is finite, but resampling and measuring it overflow to
///   infinity and NaN in the mix; no real recording comes near);
/// - a DC offset above −50 dBFS is removed (each channel's mean), since the mix
///   would carry it to the track, where it eats headroom and misleads the limiter;
///   smaller offsets, common and inaudible, are left so tracks do not change;
/// - the voice-level gain is capped so the clip's loudest sample stays at or
///   below full scale: a clip that is nearly all silence (a truncated file, a
///   blank take) otherwise measured as very quiet and was raised by up to 54 dB;
/// - a file that ends before its header says (an interrupted copy) plays what is
///   there, and the store notes how much is missing.
///
/// Notes are sentences about the recording, without its name or the script line,
/// which `VoiceFactory` adds.
enum ClipConditioning {
    /// Offsets at or below this (dBFS) are left alone.
    static let dcThreshold = -50.0

    /// The largest sample magnitude a recording may hold: +60 dBFS. Far above any
    /// real float recording's overs, far below where Float arithmetic overflows.
    static let largestSample: Float = 1000

    /// Throws when `audio` holds a sample that is not a finite number, or one
    /// beyond `largestSample`.
    static func requirePlayable(_ audio: DecodedAudio, file: URL) throws {
        // Diagnostic text (one place, for the diagnostics enum).
        let faults: [(what: String, isBad: (Float) -> Bool)] = [
            ("are not numbers (NaN or infinite)", { !$0.isFinite }),
            ("lie beyond +60 dBFS (1000 times full scale)", { abs($0) > largestSample }),
        ]
        for fault in faults where audio.channels.contains(where: { $0.contains(where: fault.isBad) }) {
            let bad = audio.channels.reduce(0) { $0 + $1.count(where: fault.isBad) }
            throw AudioFileError(
                .read, file: file, reason: "\(bad) of its samples \(fault.what), so the file is damaged; export it again",
                call: "sf_readf_float")
        }
    }

    /// Removes each channel's mean where it exceeds `dcThreshold`.
    static func removeDC(_ audio: inout DecodedAudio) {
        let limit = pow(10, dcThreshold / 20)
        for index in audio.channels.indices where !audio.channels[index].isEmpty {
            let mean = audio.channels[index].reduce(0.0) { $0 + Double($1) } / Double(audio.channels[index].count)
            guard abs(mean) > limit else { continue }
            let offset = Float(mean)
            audio.channels[index].withUnsafeMutableBufferPointer { samples in
                for i in samples.indices { samples[i] -= offset }
            }
        }
    }

    /// The voice-level gain (dB) for a clip measured at `loudness` LUFS with
    /// sample peak `peak`, capped at the gain that brings the peak to 0 dBFS, and a
    /// note when the clip is silent or the cap holds it back by more than 1 dB.
    static func levelGain(loudness: Double?, peak: Float, target: Double) -> (gain: Double, note: String?) {
        guard peak > 0 else {
            return (0, "it is silent (every sample is zero), so it plays as silence")
        }
        guard let loudness else { return (0, nil) }  // too short or quiet to measure: as recorded
        let wanted = LoudnessMeter.gain(from: loudness, to: target)
        let cap = -20 * log10(Double(peak))
        guard wanted > cap + 1 else { return (min(wanted, cap), nil) }
        // Diagnostic text (one place, for the diagnostics enum).
        return (cap, String(
            format: "it measures %.1f LUFS, too quiet to bring to the voice level (%.1f LUFS) without clipping; it is raised by %+.1f dB, not %+.1f dB",
            loudness, target, cap, wanted))
    }

    /// The note for a file whose audio stops `missing` frames (at `rate`) before
    /// the length its header gives.
    static func shortfallNote(missing: Int64, of promised: Int64, rate: Int) -> String {
        let have = Double(promised - missing) / Double(rate), want = Double(promised) / Double(rate)
        // Diagnostic text (one place, for the diagnostics enum).
        return String(
            format: "the file ends early: its header promises %.3f s, but only %.3f s are there (%.3f s missing; an interrupted copy?); what is there is played",
            want, have, want - have)
    }

    /// Formats whose header states the exact length; for the lossy ones it is an
    /// estimate, so a short decode is no sign of damage.
    static func headerIsExact(_ file: URL) -> Bool {
        ["wav", "aiff", "aif", "flac"].contains(file.pathExtension.lowercased())
    }
}
