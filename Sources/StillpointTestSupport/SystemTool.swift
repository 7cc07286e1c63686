import Foundation

/// Runs a system tool (`sha256sum`, `mount`) to its end, for tests that check the
/// project against an independent program or set up a file system to fail on.
public enum SystemTool {
    /// The exit status and standard output of `tool arguments…` (found on `PATH`);
    /// standard error is discarded. Status 127 when the tool cannot be started.
    public static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (127, "") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
