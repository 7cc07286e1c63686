import Foundation
import StillpointTestSupport
import Testing

/// docs/architecture.md against the package as it is: its target table names
/// exactly the targets of Package.swift, each row's "may import" names exactly
/// what Package.swift lets that target depend on, and the sources import nothing
/// else. Adding, renaming or wiring a target without the page fails here.
///
/// Package.swift is read as text (a regex over its `.target(name:` calls), not
/// through `swift package dump-package`: that would wait for the lock on
/// `.build/` that the running `swift test` holds.
@Suite struct ArchitectureDocTests {
    private static let root = StillpointCommand.packageRoot

    /// One target of Package.swift: its name, kind and the names it depends on
    /// (targets and products).
    struct Target {
        var name: String
        var kind: String
        var dependencies: Set<String>
    }

    static let targets: [Target] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)) ?? ""
        let declaration = /\.(systemLibrary|target|executableTarget|testTarget)\(\s*name:\s*"([^"]+)"/
        let matches = text.matches(of: declaration)
        return matches.enumerated().map { index, match in
            // A target's arguments run to the next declaration (or the end of the list).
            let end = index + 1 < matches.count ? matches[index + 1].range.lowerBound : text.endIndex
            let arguments = text[match.range.upperBound ..< end]
            var dependencies: Set<String> = []
            if let list = arguments.firstMatch(of: /dependencies:\s*\[([^\]]*)\]/) {
                let quoted = String(list.1).replacing(/\.product\(\s*name:\s*"([^"]+)"[^)]*\)/) { "\"\($0.1)\"" }
                dependencies = Set(quoted.matches(of: /"([^"]+)"/).map { String($0.1) })
            }
            return Target(name: String(match.2), kind: String(match.1), dependencies: dependencies)
        }
    }()

    /// The rows of the page's target table: the target names of the first cell
    /// (in backticks) and the text of the "may import" cell.
    static let rows: [(names: [String], imports: String)] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)) ?? ""
        let lines = text.components(separatedBy: "\n")
        guard let heading = lines.firstIndex(where: { $0.hasPrefix("## Targets") }) else { return [] }
        let table = lines[(heading + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        return table.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let names = cells[1].matches(of: /`([^`]+)`/).map { String($0.1) }
            return (names, cells.count > 4 ? cells[4] : "")
        }
    }()

    @Test func packageSwiftIsReadAsExpected() {
        // A guard for the regex: if Package.swift changes shape, the other tests would pass vacuously.
        #expect(Self.targets.count >= 15)
        #expect(Self.targets.contains { $0.name == "StillpointAudio" && $0.dependencies.contains("CSndFile") })
        #expect(Self.targets.contains { $0.name == "StillpointBuild" && $0.dependencies.contains("Crypto") })
        #expect(Self.rows.count >= 10)
    }

    @Test func theTableNamesEveryTargetAndNoOther() {
        let documented = Self.rows.flatMap(\.names)
        #expect(documented.sorted() == Self.targets.map(\.name).sorted())
        #expect(Set(documented).count == documented.count, "a target in two rows")
    }

    /// For every row of one library or executable, the modules named under "may
    /// import" are exactly its dependencies in Package.swift (targets and products).
    @Test func mayImportMatchesTheDependencies() {
        let known = Set(Self.targets.map(\.name)).union(Self.targets.flatMap(\.dependencies))
        let byName = Dictionary(uniqueKeysWithValues: Self.targets.map { ($0.name, $0) })
        for row in Self.rows where row.names.count == 1 {
            guard let target = byName[row.names[0]], target.kind != "testTarget" else { continue }
            let named = Set(row.imports.matches(of: /[A-Za-z][A-Za-z0-9]*/).map { String($0.0) }).intersection(known)
            #expect(named == target.dependencies, "\(target.name)")
        }
    }

    /// What the sources import: nothing of the project or of a package that
    /// Package.swift does not list for their target, and C modules only in
    /// StillpointAudio, StillpointTakes (the recogniser and the FFT) and the fuzz
    /// drivers' FuzzSupport, with `internal import`.
    @Test func sourcesImportOnlyTheirDependencies() throws {
        let system: Set<String> = ["Foundation", "FoundationXML", "Dispatch", "Glibc", "Darwin", "Testing"]
        let known = Set(Self.targets.map(\.name)).union(Self.targets.flatMap(\.dependencies))
        for target in Self.targets where target.kind == "target" || target.kind == "executableTarget" {
            let folder = Self.root.appendingPathComponent("Sources/\(target.name)")
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                // Only import lines reach the regex (it is slow in a debug build).
                for line in text.components(separatedBy: "\n") where line.contains("import ") {
                    guard let match = line.wholeMatch(of: /(@testable |internal |public )?import ([A-Za-z0-9_]+)/) else { continue }
                    let module = String(match.2)
                    #expect(system.contains(module) || (known.contains(module) && target.dependencies.contains(module)),
                            "Sources/\(target.name)/\(file) imports \(module)")
                    if Self.targets.contains(where: { $0.name == module && $0.kind == "systemLibrary" }) {
                        #expect(["StillpointAudio", "StillpointTakes", "FuzzSupport"].contains(target.name) && match.1 == "internal ", "Sources/\(target.name)/\(file): \(line)")
                    }
                }
            }
        }
    }
}
