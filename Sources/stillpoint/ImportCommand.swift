import ArgumentParser
import Foundation
import StillpointSBaGen
import StillpointScript

/// `stillpoint import FILE.sbg`: writes the session an SBaGen schedule stands
/// for, the same text `check`, `timeline` and `render` use when given the
/// schedule itself.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write an SBaGen schedule (.sbg) as an equivalent .session.",
        discussion: "The session goes beside the schedule, with the extension .session, unless -o names a file (- for standard output). An existing file is never replaced without --force.")

    @Argument(help: "The SBaGen schedule.")
    var schedule: String

    @Option(name: .shortAndLong, help: "The .session to write, or - for standard output.")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let source = Loading.url(schedule)
        guard FileManager.default.fileExists(atPath: source.path) else { throw CommandError.noSuchPath(schedule) }
        let destination = output == "-" ? nil
            : Loading.url(output ?? source.deletingPathExtension().appendingPathExtension("session").relativePath)
        let imported = SBaGenImport.importSchedule(
            source, sessionFolder: destination?.deletingLastPathComponent() ?? source.deletingLastPathComponent())
        Terminal.report(imported.diagnostics)
        if imported.hasErrors { throw ExitCode.failure }
        guard let destination else {
            print(imported.session.text, terminator: "")
            return
        }
        if FileManager.default.fileExists(atPath: destination.path), !force {
            throw ImportError.exists(destination.relativePath)
        }
        try Data(imported.session.text.utf8).write(to: destination, options: .atomic)
        Terminal.say("wrote \(destination.relativePath)")
    }
}

/// The failures of `import` itself.
enum ImportError: DiagnosticMessage, DiagnosticConvertible {
    case exists(String)

    var message: String {
        switch self {
        case .exists(let path): "\(path) already exists"
        }
    }

    var hints: [Hint] {
        switch self {
        case .exists: [.text("add --force to replace it, or name another file with -o")]
        }
    }
}
