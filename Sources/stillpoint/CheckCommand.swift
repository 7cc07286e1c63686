import ArgumentParser
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and resolve scripts and report every problem.",
        discussion: "A folder stands for every script in it (include-only parts are checked through the scripts that include them).")

    @Argument(help: "Scripts or folders of scripts.")
    var paths: [String] = ["scripts-library"]

    @Flag(help: "Accept missing clips (as a draft render would).")
    var draft = false

    func run() throws {
        var scripts = 0, errors = 0, warnings = 0
        for path in paths {
            for script in try Loading.scripts(at: path) {
                let result = Loading.load(script, options: .init(draft: draft))
                Terminal.report(result.diagnostics)
                scripts += 1
                errors += result.diagnostics.count { $0.isError }
                warnings += result.diagnostics.count { !$0.isError }
            }
        }
        let problems = errors + warnings == 0
            ? "no problems"
            : [errors > 0 ? Terminal.count(errors, "error") : nil, warnings > 0 ? Terminal.count(warnings, "warning") : nil]
                .compactMap { $0 }.joined(separator: ", ")
        Terminal.say("checked \(Terminal.count(scripts, "script")): \(problems)")
        if errors > 0 { throw ExitCode.failure }
    }
}
