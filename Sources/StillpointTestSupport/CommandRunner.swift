import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished command left behind: its exit status and everything it printed.
public struct CommandResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Whether the process ended by a signal (SIGKILL in the interruption tests)
    /// rather than by exiting.
    public var killed: Bool

    public var description: String {
        "exit \(status)\(killed ? " (killed)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// A command started and not yet waited for, so a test can kill it mid-way or run
/// another beside it.
public final class RunningCommand: @unchecked Sendable {
    // @unchecked: `process` is only touched through Process's own thread-safe calls,
    // and the output files are read once, after the process has ended.
    private let process: Process
    private let outputs: (stdout: URL, stderr: URL)
    private let ended: Task<Void, Never>

    private init(process: Process, outputs: (stdout: URL, stderr: URL)) throws {
        self.process = process
        self.outputs = outputs
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in continuation.finish() }
        ended = Task { for await _ in stream {} }
        try process.run()
    }

    /// Starts `executable arguments…` in `folder` with no input and its output
    /// captured to files, so a command that prints a lot never blocks on a full pipe.
    static func launch(_ executable: URL, _ arguments: [String], in folder: URL,
                       environment: [String: String]) throws -> RunningCommand {
        let capture = try AudioFixtures.temporaryFolder("stillpoint-output")
        let outputs = (stdout: capture.appendingPathComponent("stdout"), stderr: capture.appendingPathComponent("stderr"))
        for file in [outputs.stdout, outputs.stderr] {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputs.stdout)
        process.standardError = try FileHandle(forWritingTo: outputs.stderr)
        return try RunningCommand(process: process, outputs: outputs)
    }

    public var processIdentifier: Int32 { process.processIdentifier }

    public var isRunning: Bool { process.isRunning }

    /// What the command has printed to standard error so far, while it runs
    /// (for a long-running command such as `watch`).
    public var stderrSoFar: String { (try? String(contentsOf: outputs.stderr, encoding: .utf8)) ?? "" }

    /// Sends `signal` (SIGINT for Ctrl-C, SIGTERM), as a terminal or a service manager would.
    public func send(_ signal: Int32) {
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, signal)
        #else
        _ = Darwin.kill(process.processIdentifier, signal)
        #endif
    }

    /// Ends the command at once, as a power cut or `kill -9` would.
    public func kill() {
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        #else
        _ = Darwin.kill(process.processIdentifier, SIGKILL)
        #endif
    }

    /// Waits for the command to end and collects what it printed.
    public func result() async -> CommandResult {
        await ended.value
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        let result = CommandResult(
            status: process.terminationStatus,
            stdout: read(outputs.stdout),
            stderr: read(outputs.stderr),
            killed: process.terminationReason == .uncaughtSignal)
        try? FileManager.default.removeItem(at: outputs.stdout.deletingLastPathComponent())
        return result
    }
}

/// A class only so that `Bundle(for:)` can find the bundle these helpers are linked into.
private final class BundleMarker {}

/// Runs the built `stillpoint` binary as a practitioner would: in a folder of
/// their own, with standard output and error captured (to files, so a command
/// that prints a lot never blocks on a full pipe) and standard error not a
/// terminal, so no colour and no progress line.
public enum StillpointCommand {
    /// The `stillpoint` built with these tests, or `STILLPOINT_BIN` when set.
    ///
    /// SwiftPM puts the tool and the test bundle in one products folder, so the
    /// binary is looked for beside the bundle (as swift-argument-parser's own
    /// snapshot tests do), never at a fixed `.build/debug`: `swift test -c release`
    /// and `--scratch-path` then test the tool they built.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["STILLPOINT_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return productsFolder.appendingPathComponent("stillpoint")
    }

    /// The folder SwiftPM built the test bundle into: the parent of the `.xctest`
    /// bundle (a folder on macOS, the test executable itself on Linux).
    public static let productsFolder: URL = {
        let candidates = [Bundle(for: BundleMarker.self).bundleURL, Bundle.main.executableURL, Bundle.main.bundleURL]
        for candidate in candidates.compactMap({ $0 }) {
            var url = candidate.resolvingSymlinksInPath()
            while url.path != "/" {
                if url.pathExtension == "xctest" { return url.deletingLastPathComponent() }
                url.deleteLastPathComponent()
            }
        }
        return Bundle.main.bundleURL
    }()

    /// The folder holding Package.swift (this file is Sources/StillpointTestSupport/…),
    /// for tests that read the package's own files: the sample library, the docs.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts `stillpoint arguments…` in `folder`. The environment is the test's
    /// own, with a colour-capable `TERM` and no `NO_COLOR`, so that only standard
    /// error not being a terminal keeps colour out; `changes` are set over it
    /// (such as a `PATH` without some tool).
    public static func start(_ arguments: [String], in folder: URL, changes: [String: String] = [:]) throws -> RunningCommand {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw MissingTool(description: "no stillpoint at \(binary.path); `swift build --build-tests` builds it beside the tests")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment["TERM"] = "xterm-256color"
        // Help is wrapped at the width these give; without them it is 80 columns off a terminal.
        environment["COLUMNS"] = nil
        environment["LINES"] = nil
        environment.merge(changes) { $1 }
        return try RunningCommand.launch(binary, arguments, in: folder, environment: environment)
    }

    /// Runs `stillpoint arguments…` in `folder` to its end.
    public static func run(_ arguments: [String], in folder: URL, changes: [String: String] = [:]) async throws -> CommandResult {
        try await start(arguments, in: folder, changes: changes).result()
    }
}

/// A program a test needs is not there.
public struct MissingTool: Error, CustomStringConvertible {
    public var description: String
}

/// ESC, which starts every terminal colour code: output off a terminal has none.
public let escape: Character = "\u{1B}"
