import StillpointScript

extension SBaGenProblem: DiagnosticMessage {
    /// Warnings leave the schedule playable, with what they name sounding different.
    public var severity: Diagnostic.Severity {
        switch self {
        case .notCarried, .scheduleTooLong, .curveFile, .optionIgnored: .warning
        default: .error
        }
    }

    public var message: String { wording.message }
    public var hints: [Hint] { wording.hints }

    /// Every problem's words, in one switch: docs/sbagen.md explains each choice.
    private var wording: (message: String, hints: [Hint]) {
        switch self {
        case .unreadableLine(let text):
            ("this line is not a tone-set, a block, a time line or an option: `\(text)`",
             [.text("a tone-set reads `name: 200+10/20 pink/30`; a time line `0:10 name`")])
        case .badToneSpec(let spec):
            ("`\(spec)` is not a tone SBaGen knows",
             [.text("tones read like 200+10/20, 200/20, pink/30, bell+800/20, spin:300+4/40, mix/80 or -")])
        case .badTime(let text):
            ("`\(text)` is not a time", [.text("write times as hh:mm, hh:mm:ss, NOW, +hh:mm or NOW+hh:mm")])
        case .undefinedName(let name, let guess):
            ("no tone-set or block is called `\(name)`", guess.map { [.didYouMean($0)] } ?? [])
        case .definedTwice(let name): ("`\(name)` is defined twice", [])
        case .unclosedBlock(let name): ("the block `\(name)` has no closing `}`", [.text("end the block with a line holding }")])
        case .blockInsideBlock: ("a block cannot define another tone-set or block", [])
        case .unknownOption(let option):
            ("unknown option `\(option)`", [.text("Stillpoint reads -S, -E, -T, -L, -m, -p, -r, -F, -V, -A and ignores the player's own options")])
        case .optionNeedsValue(let option): ("`\(option)` needs a value after it", [])
        case .unknownProgram(let name):
            ("unknown program `\(name)`", [.choices("programs", ["drop", "slide", "sigmoid", "curve"])])
        case .badProgramSpec(let spec): ("`\(spec)` is not a setting of this program", [.text("see SBaGen's manual, section 2.6")])
        case .nothingScheduled: ("the schedule plays nothing: it has no time lines and no -p program", [])
        case .mixWithoutFile:
            ("`mix/` plays the mix-in file, but the schedule names none", [.text("add `-m FILE` to the schedule")])
        case .mixFileNotFound(let name):
            ("the mix-in file `\(name)` is not beside the schedule, nor in an `assets` folder beside it or above it", [])
        case .mixFileOutsideLibrary(let name):
            ("the mix-in file `\(name)` is outside the schedule's folder; a track plays only files inside its library",
             [.text("copy it beside the schedule, or into an `assets` folder beside it, and name it `-m \(name.split(separator: "/").last.map(String.init) ?? name)`")])
        case .cannotReadSchedule: ("cannot read this schedule", [])
        case .noSuchSchedule: ("no such schedule", [])
        case .notCarried(let what, let instead): ("\(what) not carried: \(instead)", [])
        case .scheduleTooLong(let hours):
            ("the schedule runs past \(hours) hours, the longest track; it is cut there", [])
        case .curveFile:
            ("a curve file (.sbgf) is a program for `-p curve`, not a schedule; its curves not carried: it imports as silence", [])
        case .optionIgnored(let option, let why): ("`\(option)` ignored: \(why)", [])
        }
    }
}
