import Foundation
import FuzzSupport
import StillpointAudio
import StillpointScript

/// libFuzzer target: the input is a recording, saved under each extension a
/// clip may have (libsndfile sniffs most formats, but MP3 and raw streams go by
/// the name) and taken through every path a clip takes: the resolver's header
/// and verification, trimming, and the renderer's decode, resample and
/// levelling (`ClipStore`). Each may refuse the file; none may crash, and a
/// clip it accepts must hold finite samples. See scripts/fuzz.sh.
enum Scratch {
    static let folder = Fuzz.scratchFolder("clip")
}

Fuzz.run { bytes, count in
    let input = Fuzz.data(bytes, count)
    let catalogue = AudioFileCatalogue()
    for ext in ["wav", "flac", "ogg", "mp3"] {
        let file = Scratch.folder.appendingPathComponent("clip.\(ext)")
        Fuzz.write(input, to: file)
        guard let info = try? catalogue.info(of: file) else { continue }
        _ = try? catalogue.verify(file)
        _ = try? catalogue.audibleRange(of: file, within: 0 ..< info.frames)
        let store = ClipStore(rate: 48_000, channels: 2, voiceLevel: -18)
        if let audio = try? store.clip(ClipSource(file: file, trim: true)),
            audio.channels.contains(where: { $0.contains { !$0.isFinite } })
        {
            Fuzz.fail("a clip decoded to samples that are not numbers", input)
        }
    }
    return 0
}
