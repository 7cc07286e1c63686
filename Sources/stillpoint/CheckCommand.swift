import ArgumentParser
import Foundation
import StillpointScript

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and resolve scripts and report every problem.",
        discussion: """
            A folder stands for every script in it (include-only parts are checked through the scripts that include them). Every recording is decoded to its end, so damaged audio is found here rather than in a render.

            With --format json, the problems go to standard output as one JSON document, for editors' problem panes.
            """)

    /// How the problems are shown: for a person, or for an editor.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Scripts or folders of scripts.")
    var paths: [String] = ["scripts-library"]

    @Flag(help: "Accept missing clips (as a draft render would).")
    var draft = false

    @Option(help: "text (the default, on standard error) or json (on standard output).")
    var format: Format = .text

    func run() throws {
        var scripts = 0
        var found: [Diagnostic] = []
        for path in paths {
            for script in try Loading.scripts(at: path) {
                let result = Loading.load(script, options: .init(draft: draft, verifyAudio: true))
                if format == .text { Terminal.report(result.diagnostics) }
                scripts += 1
                found += result.diagnostics
            }
        }
        let errors = found.count { $0.isError }, warnings = found.count - errors
        switch format {
        case .json:
            print("{\n  \"scripts\": \(scripts), \"errors\": \(errors), \"warnings\": \(warnings),\n  \"diagnostics\": ["
                + found.map { "\n    " + $0.json() }.joined(separator: ",") + (found.isEmpty ? "]\n}" : "\n  ]\n}"))
        case .text:
            let problems = errors + warnings == 0
                ? "no problems"
                : [errors > 0 ? Terminal.count(errors, "error") : nil, warnings > 0 ? Terminal.count(warnings, "warning") : nil]
                    .compactMap { $0 }.joined(separator: ", ")
            Terminal.say("checked \(Terminal.count(scripts, "script")): \(problems)")
        }
        if errors > 0 { throw ExitCode.failure }
    }
}
