import Foundation

/// A chapter as ffprobe reads it: a reader that shares no code with Stillpoint's
/// own, so a chapter both agree on is really in the file.
public struct ProbedChapter: Equatable, Sendable, CustomStringConvertible {
    public var title: String
    /// Start and end in whole milliseconds.
    public var start: Int
    public var end: Int

    public init(_ title: String, start: Int, end: Int) {
        self.title = title
        self.start = start
        self.end = end
    }

    public var description: String { "\(title) \(start)–\(end) ms" }
}

public enum FFprobe {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The chapters of `file`, from `ffprobe -show_chapters`.
    public static func chapters(of file: URL) async throws -> [ProbedChapter] {
        let result = try await ExternalTool.run(
            "ffprobe", ["-v", "error", "-print_format", "json", "-show_chapters", file.path])
        let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        guard result.status == 0, result.stderr.isEmpty, let chapters = object?["chapters"] as? [[String: Any]] else {
            throw Failure(description: "ffprobe cannot read the chapters of \(file.path): \(result)")
        }
        let milliseconds = { (seconds: Any?) in (seconds as? String).flatMap(Double.init).map { Int(($0 * 1000).rounded()) } ?? -1 }
        return chapters.map { chapter in
            ProbedChapter(
                (chapter["tags"] as? [String: Any])?["title"] as? String ?? "",
                start: milliseconds(chapter["start_time"]), end: milliseconds(chapter["end_time"]))
        }
    }
}
