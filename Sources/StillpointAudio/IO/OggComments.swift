import Foundation
import StillpointScript

/// Placeholder until the Ogg comment packet rewrite exists.
enum OggComments {
    static func update(_ url: URL, chapters: [ChapterMark], tags: Tags) throws {}
    static func read(_ url: URL) throws -> [(name: String, value: String)] { [] }
}
