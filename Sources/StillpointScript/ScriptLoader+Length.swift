import Foundation

/// Choosing a script's length: how much each ranged pause stretches, and where
/// `at end -D` lands.
///
/// The length a layout gives cannot be written down before the walk (a range
/// may sit in a `repeat`, before an `at 14:00`, or under a longer `play`), so
/// the script is walked again: once with every range at its shortest (the
/// measure), once more per guess at the extra time, and once with the length
/// decided. A plain script without ranges, `at end` or a length is walked once,
/// as before. For the usual script the first guess (target − shortest) is
/// exact; otherwise a search over the extra time finds it, since the length
/// never falls as the extra grows.
extension ScriptLoader {
    func fitted(options: ResolveOptions, _ pass: (Layout) -> (Resolver, Timeline?)) -> (Resolver, Timeline?) {
        let measure = pass(Layout())
        let (resolver, timeline) = measure
        guard let timeline else { return measure }
        let settings = resolver.settings
        if settings.length != nil, !settings.versions.isEmpty, let location = settings.versionsLocation {
            resolver.add(Diagnostic(at: location, .lengthAndVersions))
            return (resolver, nil)
        }
        // `--length` (or the version the build asks for) wins over `length:`; with
        // neither, a script with versions resolves as its first.
        let asked = options.length.map { seconds in
            (seconds: seconds, location: settings.versions.first { $0.seconds == seconds }?.location) }
            ?? settings.versions.first.map { ($0.seconds, $0.location) }
            ?? settings.length.map { ($0.seconds, $0.location) }
        let ranges = resolver.ranges
        guard !ranges.isEmpty || resolver.placesBeforeEnd || asked != nil else { return measure }

        let shortest = timeline.length
        let total = ranges.reduce(0, +)
        func length(extra: Int64) -> Int64? {
            extra == 0 ? shortest : pass(Layout(shares: Layout.shares(of: extra, among: ranges))).1?.length
        }
        var longestFound: Int64??
        func longest() -> Int64? {
            if longestFound == nil { longestFound = length(extra: total) }
            return longestFound ?? nil
        }
        let rate = Double(timeline.rate)
        func unreachable(_ seconds: Double, at location: SourceLocation?) {
            resolver.add(Diagnostic(
                .error, at: location,
                ScriptProblem.lengthUnreachable(
                    target: seconds, shortest: Double(shortest) / rate, longest: Double(longest() ?? shortest) / rate)))
        }
        // Resolving one version, the others are checked too, so that `check` and
        // `timeline` report a version the build could not make.
        if options.length == nil {
            for version in settings.versions.dropFirst() {
                let target = Int64((version.seconds * rate).rounded())
                if target < shortest || target > longest() ?? shortest { unreachable(version.seconds, at: version.location) }
            }
        }
        var extra: Int64 = 0
        var decided = shortest
        if let asked {
            let target = Int64((asked.seconds * rate).rounded())
            guard let found = Self.extra(reaching: target, shortest: shortest, total: total, length: { length(extra: $0) }) else {
                unreachable(asked.seconds, at: asked.location)
                return (resolver, nil)
            }
            (extra, decided) = (found, target)
        }
        guard !resolver.diagnostics.contains(where: \.isError) else { return (resolver, nil) }
        let (final, resolved) = pass(Layout(shares: Layout.shares(of: extra, among: ranges), length: decided))
        guard var resolved else { return (final, nil) }
        if !ranges.isEmpty, let longest = longest() { resolved.lengthRange = shortest...longest }
        if let asked, options.length != nil || !settings.versions.isEmpty {
            let version = TrackVersion(seconds: asked.seconds)
            resolved.version = version
            resolved.tags.title = version.title(final.settings.versionTitle, base: resolved.tags.title ?? "")
        }
        return (final, resolved)
    }

    /// The extra frames that make the script last exactly `target`, or nil when
    /// no share of the ranges does.
    private static func extra(
        reaching target: Int64, shortest: Int64, total: Int64, length: (Int64) -> Int64?
    ) -> Int64? {
        guard target >= shortest else { return nil }
        guard target > shortest else { return 0 }
        let guess = min(target - shortest, total)
        guard let reached = length(guess) else { return nil }
        if reached == target { return guess }
        // The smallest extra whose length reaches the target; it must be exact.
        var low: Int64 = 0, high = total
        while low < high {
            let middle = low + (high - low) / 2
            if (length(middle) ?? target) >= target { high = middle } else { low = middle + 1 }
        }
        return length(low) == target ? low : nil
    }
}
