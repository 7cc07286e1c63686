import StillpointScript

/// Everything that can be wrong with an SBaGen schedule, or that Stillpoint
/// cannot carry from it, typed: the import collects them as `Diagnostic`s located
/// in the `.sbg` (never in the session text made from it), and
/// `SBaGenProblem+Wording.swift` words them all in one switch.
public enum SBaGenProblem: Sendable, Equatable {
    // Lines that cannot be read.
    case unreadableLine(String)
    case badToneSpec(String)
    case badTime(String)
    case undefinedName(String, suggestion: String?)
    case definedTwice(String)
    case unclosedBlock(String)
    case blockInsideBlock
    case unknownOption(String)
    case optionNeedsValue(String)
    case unknownProgram(String)
    case badProgramSpec(String)
    case nothingScheduled
    case mixWithoutFile
    case mixFileNotFound(String)
    /// `-m` naming an absolute path or one that climbs out with `..`.
    case mixFileOutsideLibrary(String)
    case cannotReadSchedule
    case noSuchSchedule

    // What Stillpoint plays differently (warnings).
    /// A feature that is left out, or played another way: `what` names it,
    /// `instead` says what the listener hears.
    case notCarried(String, instead: String)
    case scheduleTooLong(hours: Int)
    case curveFile
    case optionIgnored(String, why: String)
}
