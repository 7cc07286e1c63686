import Foundation
import StillpointTestSupport
import Testing

/// `--help` of the tool and of each command, exactly as printed off a terminal
/// (80 columns), against Goldens/help/: a changed option or wording shows up as a
/// diff to read, not as a surprise to a practitioner.
struct HelpTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens/help")

    /// The tool itself (`[]`) and every command.
    static let commands: [[String]] = [
        [], ["check"], ["timeline"], ["render"], ["watch"], ["build"], ["publish"], ["clips"], ["takes"], ["new"], ["import"],
    ]

    @Test(arguments: commands)
    func helpMatchesItsGolden(_ command: [String]) async throws {
        let result = try await StillpointCommand.run(command + ["--help"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        Golden.check(result.stdout, against: Self.goldens.appendingPathComponent("\(command.first ?? "stillpoint").txt"))
    }

    /// Every command the tool lists has a snapshot here, so a new one cannot go unseen.
    @Test func everyListedCommandIsSnapshotted() async throws {
        let result = try await StillpointCommand.run(["--help"], in: FileManager.default.temporaryDirectory)
        let listed = result.stdout.components(separatedBy: "SUBCOMMANDS:\n").last?
            .components(separatedBy: "\n\n").first?
            .split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { return nil }
                return String(word)
            } ?? []
        #expect(listed == Self.commands.compactMap(\.first), "\(result.stdout)")
    }
}
