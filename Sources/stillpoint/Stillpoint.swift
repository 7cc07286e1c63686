import ArgumentParser

@main
struct Stillpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stillpoint",
        abstract: "Render guided-relaxation tracks from .session scripts.")
}
