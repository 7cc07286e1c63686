import Dispatch
import Foundation
import StillpointFiles

/// Ctrl-C (SIGINT) and SIGTERM during `render`, `build`, `publish`, `watch` or
/// `takes`: the temporary files being written are removed and the tool exits 130
/// or 143, as a shell expects. Finished tracks, the earlier version of the track being written and
/// the build record are untouched, since each is replaced only by a rename of a
/// complete file; a track being rendered is simply not recorded, so the next
/// build does it.
///
/// Every writer of a temporary file registers it with `TemporaryFiles` (the file
/// layer's `AtomicReplacement` does so itself), so the handler removes exactly
/// this process's unfinished files and nothing a concurrent run is writing.
enum Interruption {
    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            // The default action is replaced by the source's handler, which runs on
            // a queue of its own while the main thread renders.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll()
                FileHandle.standardError.write(Data("\ninterrupted; unfinished files removed\n".utf8))
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
