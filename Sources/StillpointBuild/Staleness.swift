/// Decides whether a track's output still matches what it is made from.
enum Staleness {
    /// The reasons `now` (what the track would be made from today) differs from
    /// `before` (what its output was made from); empty when it is up to date.
    /// `script` is the track's own dependency key; `clipNames` names the clips
    /// among the dependency keys. `outputIdentity` is the output file's identity
    /// now, compared with the one recorded when it was written.
    static func reasons(
        now: TrackRecord, before: TrackRecord?, outputExists: Bool, script: String,
        clipNames: [String: String], outputIdentity: FileIdentity? = nil
    ) -> [StaleReason] {
        guard let before else { return [.newTrack] }
        var reasons: [StaleReason] = []
        if !outputExists {
            reasons.append(.outputMissing)
        } else if let recorded = before.outputIdentity, !sameVersion(recorded, outputIdentity) {
            reasons.append(.outputChanged)
        }
        if now.rendererVersion != before.rendererVersion {
            reasons.append(.rendererChanged(from: before.rendererVersion, to: now.rendererVersion))
        }
        if now.fingerprint != before.fingerprint { reasons.append(.settingsChanged) }
        func named(_ key: String) -> String {
            clipNames[key].map { "clip `\($0)`" } ?? "`\(key)`"
        }
        let keys = now.dependencies.keys.sorted { ($0 == script ? 0 : 1, $0) < ($1 == script ? 0 : 1, $1) }
        for key in keys {
            switch before.dependencies[key] {
            case nil:
                reasons.append(.nowUses(named(key)))
            case now.dependencies[key]:
                break
            case _?:
                if key == script {
                    reasons.append(.scriptChanged)
                } else if let clip = clipNames[key] {
                    reasons.append(.clipChanged(clip))
                } else {
                    reasons.append(.fileChanged(key))
                }
            }
        }
        for key in before.dependencies.keys.sorted() where now.dependencies[key] == nil {
            reasons.append(.noLongerUses("`\(key)`"))
        }
        return reasons
    }

    /// Whether the output is still the file the build wrote: the same size and
    /// modification time. Not the inode, so an output folder copied or restored
    /// with its times kept (`cp -a`, `rsync -a`) is not all rendered again.
    private static func sameVersion(_ recorded: FileIdentity, _ now: FileIdentity?) -> Bool {
        guard let now else { return false }
        return (recorded.size, recorded.modifiedSeconds, recorded.modifiedNanoseconds)
            == (now.size, now.modifiedSeconds, now.modifiedNanoseconds)
    }
}
