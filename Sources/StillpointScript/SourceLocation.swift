import Foundation

/// A spot in a source file, as a practitioner counts it: lines and columns start at 1,
/// and a column counts characters (not bytes), with a tab advancing to the next
/// multiple of 4 so that a caret printed under the line lines up.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as the user named it (relative paths stay relative).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
