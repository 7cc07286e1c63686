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
                var hints = guess.map { ["did you mean `\($0)`?"] } ?? []
                if !(name.contains(".")) { hints.append("define it above this line with `sound \(name) = …`") }
                report(.error, context, spot, "unknown sound `\(name)`", hints: hints)
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
        if case .file(let url, _) = resolved.generator {
            resolved.generator = .file(url, loop: resolved.options.loop)
            if resolved.options.loop { resolved.natural = nil }
        } else if resolved.options.loop {
            report(.error, context, cueSpot, "`loop` is for files; other generators run until they are stopped")
            return nil
        }
        return resolved
    }

    /// A generated sound and how long it lasts by itself (bells only).
    private func synthesised(_ generator: GeneratorSyntax, _ context: FileContext) -> (Generator, Int64?)? {
        switch generator {
        case .sine(let frequency):
            return frequencyParam(frequency, context, "the frequency").map { (.sine(frequency: $0), nil) }
        case .binaural(let frequency, let beat):
            guard settings.output.channels == 2 else {
                report(.error, context, frequency.spot, "binaural needs two ears, but `channels` is 1",
                       hints: ["set `channels: 2`, or use `isochronic`"])
                return nil
            }
            guard let carrier = frequencyParam(frequency, context, "the frequency"),
                let beatParam = frequencyParam(beat, context, "the beat"),
                earsInRange(frequency, beat, context)
            else { return nil }
            return (.binaural(frequency: carrier, beat: beatParam), nil)
        case .isochronic(let frequency, let pulse):
            guard let carrier = frequencyParam(frequency, context, "the frequency"),
                let pulseParam = frequencyParam(pulse, context, "the pulse rate")
            else { return nil }
            return (.isochronic(frequency: carrier, pulse: pulseParam), nil)
        case .noise(let colour):
            return (.noise(colour), nil)
        case .bell(let frequency, let decay):
            guard let param = frequencyParam(frequency, context, "the frequency") else { return nil }
            let highest = max(frequency.start, frequency.end)
            if highest * 2.76 >= nyquist || highest * 5.40 >= nyquist {
                report(.warning, context, frequency.spot,
                       "some partials of this bell are above \(format(nyquist)) Hz (half the rate) and are left out",
                       hints: ["a bell's partials are at 1, 2.76 and 5.40 times its frequency"])
            }
            let seconds = decay?.seconds ?? Self.defaultBellDecay
            return (.bell(frequency: param, decay: seconds), frames(seconds))
        case .drone(let frequency):
            return frequencyParam(frequency, context, "the frequency").map { (.drone(frequency: $0), nil) }
        case .file, .sound:
            return nil
        }
    }

    /// A frequency that must stay above 0 and below half the rate, at both ends of its glide.
    private func frequencyParam(_ value: GlideValue, _ context: FileContext, _ what: String) -> Param? {
        var valid = true
        for (hertz, spot) in [(value.start, value.spot), (value.end, value.endSpot)] where !(hertz > 0 && hertz < nyquist) {
            report(.error, context, spot,
                   "\(what) must be above 0 Hz and below \(format(nyquist)) Hz (half the rate), found \(format(hertz)) Hz")
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
            let spread = (time == 0 ? beat.start : at(beat, time)) / 2
            if carrier - spread <= 0 {
                report(.error, context, frequency.spot,
                       "the left ear's frequency (frequency − beat/2) falls to \(format(carrier - spread)) Hz; it must stay above 0 Hz")
                return false
            }
            if carrier + spread >= nyquist {
                report(.error, context, frequency.spot,
                       "the right ear's frequency (frequency + beat/2) reaches \(format(carrier + spread)) Hz; it must stay below \(format(nyquist)) Hz (half the rate)")
                return false
            }
        }
        return true
    }
}
