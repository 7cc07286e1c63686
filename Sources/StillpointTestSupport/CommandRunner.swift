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

    init(process: Process, outputs: (stdout: URL, stderr: URL)) throws {
        self.process = process
        self.outputs = outputs
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in continuation.finish() }
        ended = Task { for await _ in stream {} }
        try process.run()
    }

    public var processIdentifier: Int32 { process.processIdentifier }

    public var isRunning: Bool { process.isRunning }

    /// Ends the command at once, as a power cut or `kill -9` would.
    public func kill() {
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        #else
        _ = Darwin.kill(process.processIdentifier, SIGKILL)
        #endif
    }

    /// Sends `signal` (SIGINT as Ctrl-C does, SIGTERM as a logout or `kill` does),
    /// letting the command clean up as it would for a practitioner.
    public func send(_ signal: Int32) {
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, signal)
        #else
        _ = Darwin.kill(process.processIdentifier, signal)
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

/// Runs the built `stillpoint` binary as a practitioner would: in a folder of
/// their own, with standard output and error captured (to files, so a command
/// that prints a lot never blocks on a full pipe) and standard error not a
/// terminal, so no colour and no progress line.
public enum StillpointCommand {
    /// `<package root>/.build/debug/stillpoint`, or `STILLPOINT_BIN` when set.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["STILLPOINT_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".build/debug/stillpoint")
    }

    /// The folder holding Package.swift (this file is Sources/StillpointTestSupport/…).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts `stillpoint arguments…` in `folder`. The environment is the test's
    /// own, with a colour-capable `TERM` and no `NO_COLOR`, so that only standard
    /// error not being a terminal keeps colour out.
    public static func start(_ arguments: [String], in folder: URL) throws -> RunningCommand {
        let capture = try AudioFixtures.temporaryFolder("stillpoint-output")
        let outputs = (stdout: capture.appendingPathComponent("stdout"), stderr: capture.appendingPathComponent("stderr"))
        for file in [outputs.stdout, outputs.stderr] {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputs.stdout)
        process.standardError = try FileHandle(forWritingTo: outputs.stderr)
        return try RunningCommand(process: process, outputs: outputs)
    }

    /// Runs `stillpoint arguments…` in `folder` to its end.
    public static func run(_ arguments: [String], in folder: URL) async throws -> CommandResult {
        try await start(arguments, in: folder).result()
    }
}
