import ArgumentParser
import Foundation
import StillpointFiles
import StillpointScript
import SystemPackage

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a session from a template: writes NAME.session in this folder.",
        discussion: """
            Each template is commented to teach the format. library.defaults is written
            too when this folder is in no library yet. Nothing is ever overwritten.
            `stillpoint new --list` shows the templates.
            """)

    @Argument(help: "The new script's name, such as evening-rest (written as evening-rest.session).")
    var name: String?

    @Option(help: ArgumentHelp("The template to start from (see --list).", valueName: "template"))
    var template = "settle"

    @Flag(help: "List the templates.")
    var list = false

    /// The templates, in the order `--list` shows them. Each is a real script in
    /// Sources/stillpoint/Templates, compiled into the binary; its first comment
    /// line says what it is for.
    static let templates: [(name: String, text: [UInt8])] = [
        ("settle", PackageResources.settle_session),
        ("body-scan", PackageResources.body_scan_session),
        ("breathing", PackageResources.breathing_session),
        ("sleep", PackageResources.sleep_session),
        ("empty", PackageResources.empty_session),
    ]

    func validate() throws {
        if list { return }
        guard let name else { throw ValidationError("give the new script's name, such as `stillpoint new evening-rest`") }
        _ = try Self.fileName(name)
        guard Self.templates.contains(where: { $0.name == template }) else {
            throw ValidationError("there is no template `\(template)`; the templates are "
                + Self.templates.map(\.name).joined(separator: ", "))
        }
    }

    func run() throws {
        if list {
            for template in Self.templates {
                print(template.name.padding(toLength: 11, withPad: " ", startingAt: 0) + Self.purpose(template.text))
            }
            return
        }
        guard let name, let chosen = Self.templates.first(where: { $0.name == template }) else { return }
        let file = try Self.fileName(name)
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let script = folder.appendingPathComponent(file)
        // Writing library.defaults into a folder inside a library would make it a
        // library of its own and change where its scripts find their clips.
        let inLibrary = ScriptLoader.libraryRoot(for: script).standardizedFileURL.path != folder.standardizedFileURL.path
            || FileManager.default.fileExists(atPath: folder.appendingPathComponent(ScriptLoader.defaultsFileName).path)
        try Self.create(file, Self.titled(chosen.text, name: name))
        Terminal.say("wrote \(file) (template \(chosen.name))")
        if !inLibrary {
            try Self.create(ScriptLoader.defaultsFileName, Data(PackageResources.library_defaults))
            Terminal.say("wrote \(ScriptLoader.defaultsFileName)")
        }
        Terminal.say("next: stillpoint check --draft \(file), then stillpoint render --draft \(file)")
    }

    /// `NAME.session` for a plain name; a name with a folder in it, one starting
    /// with a dot, or one with control characters is refused, so the script lands
    /// in this folder and nowhere else.
    static func fileName(_ name: String) throws -> String {
        let stem = name.hasSuffix(".session") ? String(name.dropLast(".session".count)) : name
        guard !stem.isEmpty, !stem.contains("/"), !stem.contains("\\"), !stem.hasPrefix("."),
              !stem.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw ValidationError("`\(name)` is not a name for a script in this folder: use letters, digits and hyphens, "
                + "without / or a leading dot (such as evening-rest)")
        }
        return stem + ".session"
    }

    /// The template with its `title:` set from the name: `evening-rest` → `Evening Rest`.
    static func titled(_ template: [UInt8], name: String) -> Data {
        let stem = name.hasSuffix(".session") ? String(name.dropLast(".session".count)) : name
        let title = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let lines = String(decoding: template, as: UTF8.self).components(separatedBy: "\n").map { line in
            line.hasPrefix("title:") ? "title: " + quoted : line
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// The first comment line of a template, without its `# `.
    static func purpose(_ template: [UInt8]) -> String {
        let first = String(decoding: template, as: UTF8.self).prefix { $0 != "\n" }
        return String(first.drop { $0 == "#" || $0 == " " })
    }

    /// Creates `file` in the current folder only if nothing is there, whole or
    /// not at all (the file layer links a finished temporary file into place, so
    /// neither a race nor a symbolic link in its place can make it overwrite).
    static func create(_ file: String, _ contents: Data) throws {
        do {
            try AtomicReplacement.create(contents, at: FilePath(file))
        } catch where error.errno == .fileExists {
            throw CommandError.alreadyThere(file)
        }
    }
}
