import Foundation

extension Resolver {
    /// Makes `generator` concrete: a sound name becomes its definition (the cue's
    /// options replacing the sound's), a file is found and measured, frequencies
    /// are checked against half the rate. Problems are reported where they are
    /// written (a sound's frequency at its `sound` line).
    func resolve(
        _ generator: GeneratorSyntax, _ options: OptionsSyntax, _ context: FileContext, at cueSpot: Spot
    ) -> ResolvedSound? {
        var resolved: ResolvedSound
        switch generator {
        case .sound(let name, let spot):
            guard let definition = sounds[name] else {
                let guess = didYouMean(name, among: sounds.keys.sorted())
                report(context, spot, .unknownSound(name, suggestion: guess))
                return nil
            }
            usedSounds.insert(name)
            guard let inner = resolve(definition.sound.generator, definition.sound.options, definition.context,
                                      at: definition.sound.spot)
            else { return nil }
            resolved = inner
            resolved.options = options.replacing(inner.options)
            resolved.name = name
        case .file(let path, let spot, _):
            let url: URL
            let info: AudioFileInfo
            do throws(LibraryFiles.Problem) {
                url = try files.confined(path, in: context.folder)
                info = try files.info(of: url)
            } catch {
                reportFileProblem(error, written: path, context, spot)
                return nil
            }
            resolved = ResolvedSound(
                generator: .file(url, loop: false), options: options, name: nil,
                natural: StillpointScript.frames(info.frames, from: info.rate, to: rate), isFile: true)
        default:
            guard let made = synthesised(generator, context) else { return nil }
            resolved = ResolvedSound(generator: made.0, options: options, name: nil, natural: made.1, isFile: false)
        }
        if let curve = resolved.options.glideCurve { resolved.generator = resolved.generator.gliding(curve) }
        if let phase = resolved.options.phase { resolved.generator = resolved.generator.starting(at: phase) }
        if case .file(let url, _) = resolved.generator {
            resolved.generator = .file(url, loop: resolved.options.loop)
            if resolved.options.loop { resolved.natural = nil }
        } else if resolved.options.loop {
            report(context, cueSpot, .loopNotForGenerators)
            return nil
        }
        return resolved
    }

    /// A generated sound and how long it lasts by itself (bells only).
    private func synthesised(_ generator: GeneratorSyntax, _ context: FileContext) -> (Generator, Int64?)? {
        switch generator {
        case .sine(let frequency):
            return frequencyParam(frequency, context, .frequency).map { (.sine(frequency: $0), nil) }
        case .binaural(let frequency, let beat):
            guard settings.output.channels == 2 else {
                report(context, frequency.spot, .binauralNeedsStereo)
                return nil
            }
            guard let carrier = frequencyParam(frequency, context, .frequency),
                let beatParam = frequencyParam(beat, context, .beat),
                earsInRange(frequency, beat, context)
            else { return nil }
            return (.binaural(frequency: carrier, beat: beatParam), nil)
        case .isochronic(let frequency, let pulse):
            guard let carrier = frequencyParam(frequency, context, .frequency),
                let pulseParam = frequencyParam(pulse, context, .pulse)
            else { return nil }
            return (.isochronic(frequency: carrier, pulse: pulseParam), nil)
        case .noise(let colour):
            return (.noise(colour), nil)
        case .spinningNoise(let colour, let rate):
            guard settings.output.channels == 2 else {
                report(context, rate.spot, .binauralNeedsStereo)
                return nil
            }
            return frequencyParam(rate, context, .pulse).map { (.spinningNoise(colour, rate: $0), nil) }
        case .bell(let frequency, let decay):
            guard let param = frequencyParam(frequency, context, .frequency) else { return nil }
            let highest = max(frequency.start, frequency.end)
            if highest * 2.76 >= nyquist || highest * 5.40 >= nyquist {
                report(context, frequency.spot, .bellPartialsAboveNyquist(nyquist: nyquist))
            }
            let seconds = decay?.seconds ?? Self.defaultBellDecay
            return (.bell(frequency: param, decay: seconds), frames(seconds))
        case .drone(let frequency):
            return frequencyParam(frequency, context, .frequency).map { (.drone(frequency: $0), nil) }
        case .file, .sound:
            return nil
        }
    }

    /// A frequency that must stay above 0 and below half the rate, at both ends of
    /// its glide. A beat may be 0 or negative (the left ear the higher, as
    /// SBaGen's `C+B` writes it): only its size is bounded.
    private func frequencyParam(
        _ value: GlideValue, _ context: FileContext, _ what: ScriptProblem.FrequencyRole
    ) -> Param? {
        var valid = true
        let signed = what == .beat
        for (hertz, spot) in [(value.start, value.spot), (value.end, value.endSpot)]
        where !((signed || hertz > 0) && abs(hertz) < nyquist) {
            report(context, spot, .frequencyOutOfRange(what, nyquist: nyquist, found: hertz))
            valid = false
        }
        return valid ? param(value) : nil
    }

    /// Each ear of a binaural sound (frequency ∓ beat/2) stays inside (0, rate/2)
    /// at the start, where either glide ends, and after both.
    private func earsInRange(_ frequency: GlideValue, _ beat: GlideValue, _ context: FileContext) -> Bool {
        func at(_ glide: GlideValue, _ time: Double) -> Double {
            guard glide.over > 0 else { return glide.end }
            let progress = min(1, time / glide.over)
            return glide.start * pow(glide.end / glide.start, progress)
        }
        for time in [0, frequency.over, beat.over] {
            let carrier = time == 0 ? frequency.start : at(frequency, time)
            let spread = abs(time == 0 ? beat.start : at(beat, time)) / 2
            if carrier - spread <= 0 {
                report(context, frequency.spot, .leftEarTooLow(carrier - spread))
                return false
            }
            if carrier + spread >= nyquist {
                report(context, frequency.spot, .rightEarTooHigh(carrier + spread, nyquist: nyquist))
                return false
            }
        }
        return true
    }
}
