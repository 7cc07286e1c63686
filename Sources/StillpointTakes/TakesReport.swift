import Foundation

/// One phrase to look for in the takes.
public struct WantedPhrase: Sendable, Equatable {
    public var clip: String
    public var text: String?
    /// The clips folder the script that says it really uses.
    public var folder: URL
    /// Whether it is looked for and cut. The script's other phrases are still
    /// heard, so that a reading of one of them is not taken for a wanted phrase.
    public var wanted: Bool

    public init(clip: String, text: String?, folder: URL, wanted: Bool) {
        self.clip = clip
        self.text = text
        self.folder = folder
        self.wanted = wanted
    }
}

public struct TakesOptions: Sendable, Equatable {
    public var inOrder = false
    public var dryRun = false
    public var replace = false
    public var clean = true

    public init(inOrder: Bool = false, dryRun: Bool = false, replace: Bool = false, clean: Bool = true) {
        self.inOrder = inOrder
        self.dryRun = dryRun
        self.replace = replace
        self.clean = clean
    }
}

/// What `stillpoint takes` found and did: printed as a table, or as JSON with `--json`.
public struct TakesReport: Sendable, Codable, Equatable {
    public struct Found: Sendable, Codable, Equatable {
        public var phrase: String
        public var take: String
        /// Seconds in the take: where the clip was cut (lead-in and tail included).
        public var start: Double
        public var end: Double
        public var length: Double
        /// 0…1: how sure the match is.
        public var confidence: Double
        /// `recognised` (heard by the recogniser) or `in order` (placed by length and pauses).
        public var method: String
        /// The clip written (or that would be, with `--dry-run`).
        public var file: String
        /// `written`, `would write` (`--dry-run`) or `kept` (a recording is
        /// there already; `--replace` replaces it).
        public var action: String
        /// Where the old recording was moved, with `--replace`.
        public var replaced: String?
    }

    public struct Missing: Sendable, Codable, Equatable {
        public var phrase: String
        public var reason: String
    }

    public var found: [Found] = []
    public var notFound: [Missing] = []
    /// How the phrases were looked for, when it is not the usual way.
    public var notes: [String] = []
    public var dryRun = false

    public init(dryRun: Bool = false) {
        self.dryRun = dryRun
    }
}
