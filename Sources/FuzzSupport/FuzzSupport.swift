internal import CFuzzDriver
import Foundation
import StillpointScript

/// What every libFuzzer target of `scripts/fuzz.sh` shares: a scratch library
/// made once per process, the fake clip catalogue, and the invariants a
/// resolve must keep. The targets are built only when `STILLPOINT_FUZZ=1`
/// (see Package.swift), so none of this is in the tool or the tests.
public enum Fuzz {
    /// Hands the process to libFuzzer, which calls `body` with each input. The
    /// body is given the input as `Data`; its return is ignored.
    public static func run(_ body: @escaping @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }

    /// The bytes libFuzzer passed, as `Data` (a null pointer for the empty input).
    public static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        bytes.map { Data(bytes: $0, count: count) } ?? Data()
    }

    /// Stops the process so libFuzzer records the input as a crash. A broken
    /// invariant is a defect as real as a trap.
    public static func fail(_ why: String, _ input: Data) -> Never {
        FileHandle.standardError.write(Data("fuzz invariant broken: \(why)\n".utf8))
        abort()
    }

    /// A fresh folder under the system's temporary folder, for this process alone.
    public static func scratchFolder(_ name: String) -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("stillpoint-fuzz-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of the sample library's text (scripts, parts, `library.defaults`)
    /// with an empty file for each recording, so the fuzzed script's includes,
    /// clips and sound files resolve as they do in the real library; the
    /// recordings' lengths come from `FakeCatalogue`. The sample library is
    /// `STILLPOINT_FUZZ_LIBRARY` (fuzz.sh sets it to scripts-library/); without
    /// it, a few clips of the fake catalogue's own.
    public static func library(_ name: String, defaults: Bool) -> URL {
        let root = scratchFolder(name)
        let fm = FileManager.default
        if let sample = ProcessInfo.processInfo.environment["STILLPOINT_FUZZ_LIBRARY"],
            let walk = fm.enumerator(atPath: sample)
        {
            while let relative = walk.nextObject() as? String {
                let source = URL(fileURLWithPath: sample).appendingPathComponent(relative)
                let target = root.appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                guard fm.fileExists(atPath: source.path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    try? fm.createDirectory(at: target, withIntermediateDirectories: true)
                } else if relative.hasSuffix(".session") || (defaults && relative == ScriptLoader.defaultsFileName) {
                    try? fm.copyItem(at: source, to: target)
                } else if clipExtensions.contains(source.pathExtension.lowercased()) {
                    _ = fm.createFile(atPath: target.path, contents: Data())
                }
            }
        }
        try? fm.createDirectory(at: root.appendingPathComponent("clips"), withIntermediateDirectories: true)
        for clip in ["welcome.flac", "breathe.wav", "rest.ogg", "close.mp3", "low.wav"] {
            _ = fm.createFile(atPath: root.appendingPathComponent("clips/\(clip)").path, contents: Data())
        }
        return root
    }

    /// Writes `data` to `file`, or stops: a scratch folder that cannot be written
    /// to is a broken machine, not a finding.
    public static func write(_ data: Data, to file: URL) {
        do { try data.write(to: file) } catch { fatalError("cannot write the fuzz input: \(error)") }
    }

    /// Resolves `script` with the fake catalogue and checks what must hold for
    /// any input: every diagnostic in `file` lies inside its text (lines from 1
    /// to one past the last, columns from 1 to four per character plus one, for
    /// tabs), the timeline is there exactly when there is no error, and every
    /// diagnostic can be printed.
    public static func resolveAndCheck(_ script: URL, root: URL, text: Data, file: String, input: Data) {
        check(ScriptLoader(inspector: FakeCatalogue()).load(script, libraryRoot: root), text: text, file: file, input: input)
    }

    /// The invariants of `resolveAndCheck` for a result loaded another way (an
    /// SBaGen schedule through its importer).
    public static func check(_ result: LoadResult, text: Data, file: String, input: Data) {
        let source = String(decoding: text, as: UTF8.self)
        let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        for diagnostic in result.diagnostics {
            guard let location = diagnostic.location, location.file.hasSuffix(file) else { continue }
            guard location.line >= 1, location.line <= lines.count + 1 else {
                fail("\(location) is outside the \(lines.count) lines", input)
            }
            let width = location.line <= lines.count ? lines[location.line - 1].unicodeScalars.count : 0
            guard location.column >= 1, location.column <= 4 * width + 2 else {
                fail("\(location) is outside its line of \(width) characters", input)
            }
        }
        if (result.timeline == nil) != result.hasErrors {
            fail("timeline \(result.timeline == nil ? "missing" : "present") with hasErrors \(result.hasErrors)", input)
        }
        _ = DiagnosticFormatter().format(result.diagnostics)
        if let timeline = result.timeline, timeline.length <= 0 {
            fail("a timeline of \(timeline.length) frames", input)
        }
    }
}

/// Recordings as a table of lengths, made from their names: the resolver's
/// arithmetic sees varied lengths and rates (a 44.1 kHz mono clip among 48 kHz
/// stereo ones) without decoding a file.
public struct FakeCatalogue: AudioFileInspector {
    public init() {}

    public func info(of file: URL) throws -> AudioFileInfo {
        let name = file.deletingPathExtension().lastPathComponent
        let seed = name.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
        let rate = seed % 3 == 0 ? 44_100 : 48_000
        return AudioFileInfo(frames: Int64(rate / 2 + (seed % 9) * rate / 2), rate: rate, channels: seed % 4 == 0 ? 1 : 2)
    }

    /// The middle of `range`, as if the first and last tenth were silence.
    public func audibleRange(of file: URL, within range: Range<Int64>) throws -> Range<Int64> {
        let cut = Int64(range.count / 10)
        return range.lowerBound + cut ..< range.upperBound - cut
    }
}
