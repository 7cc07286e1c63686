import Foundation

/// Ctrl-C (SIGINT) and SIGTERM for `watch`: the tool stops with 130 or 143, as a
/// shell expects, and leaves no temporary file of a render behind.
///
/// A render writes a hidden temporary file beside its track (`AtomicOutput`,
/// named with this process's id) and renames it into place when complete. A
/// signal that comes while no render runs ends the tool at once. One that comes
/// during a render is noted, and the render's own thread ends the tool the next
/// time it reports progress (while its temporary file exists, and before any
/// rename), after removing this process's temporary files; a render that ends
/// first ends the tool as it returns. So a temporary file is never created after
/// the clean-up, and a track is only ever the old one or a complete new one.
final class Interruption: @unchecked Sendable {
    // @unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var folder: URL?
    private var rendering = false
    private var pending: Int32?
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in self.received(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs a render that writes into `folder`, holding any signal until it is safe.
    func rendering(into folder: URL, _ body: () -> Void) {
        lock.withLock {
            self.folder = folder
            rendering = true
        }
        body()
        lock.withLock {
            rendering = false
            if let pending { finish(pending) }
        }
    }

    /// Called from the render's progress: ends the tool if a signal came.
    func stopIfAsked() {
        lock.withLock {
            if let pending { finish(pending) }
        }
    }

    private func received(_ number: Int32) {
        lock.withLock {
            if rendering { pending = number } else { finish(number) }
        }
    }

    /// Removes this process's temporary files and exits; called with `lock` held,
    /// so no other thread of the tool gets further.
    private func finish(_ number: Int32) -> Never {
        if let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let mine = ".tmp-\(ProcessInfo.processInfo.processIdentifier)-"
            for name in names where name.hasPrefix(".") && name.contains(mine) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        Terminal.endProgress()
        Terminal.say("stopped")
        _exit(128 + number)
    }
}
