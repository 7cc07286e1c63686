import Foundation

/// Runs an independent program the tests check output with (ffprobe, ffmpeg, sox, python3,
/// rsync), found on `PATH`, to its end. Output goes to files, so a program that
/// prints a lot never blocks on a full pipe.
public enum ExternalTool {
    public static func run(_ program: String, _ arguments: [String], in folder: URL? = nil,
                           environment: [String: String] = [:]) throws -> CommandResult {
        let capture = try AudioFixtures.temporaryFolder("stillpoint-tool")
        defer { try? FileManager.default.removeItem(at: capture) }
        let out = capture.appendingPathComponent("stdout"), err = capture.appendingPathComponent("stderr")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self),
            killed: process.terminationReason == .uncaughtSignal)
    }

    /// Runs a program that prints one JSON document and decodes it.
    public static func json(_ program: String, _ arguments: [String]) throws -> Any {
        let result = try run(program, arguments)
        guard result.status == 0 else { throw ToolFailure(description: "\(program) \(arguments.joined(separator: " ")): \(result)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    public struct ToolFailure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }
}
