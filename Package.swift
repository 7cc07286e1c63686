// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Targets follow ../shared/design/architecture.md: one module per arrow of the data
/// flow (script → timeline → audio → files), C kept behind the system-library
/// targets, and only `StillpointAudio` importing them (`internal import`, so no C
/// type shows in its API). `StillpointDSP` is the pure signal processing
/// (generators, envelopes, K-weighting, loudness profile, limiter, quantiser, loop
/// seams): no C, no script types, testable and benchmarkable on its own.
/// `StillpointFiles` owns the system calls on files (atomic replace, the build
/// lock, reading for hashes). `StillpointTakes` (cutting clips out of one recorded
/// take) imports the speech recogniser and the FFT its cleaning needs, also
/// `internal import`. docs/architecture.md describes each target and what
/// it may import; `ArchitectureDocTests` checks it against this file.
let package = Package(
    name: "Stillpoint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stillpoint", targets: ["stillpoint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSndFile", pkgConfig: "sndfile",
            providers: [.apt(["libsndfile1-dev"]), .brew(["libsndfile"])]),
        .systemLibrary(
            name: "CFLAC", pkgConfig: "flac",
            providers: [.apt(["libflac-dev"]), .brew(["flac"])]),
        .systemLibrary(
            name: "CEBUR128", pkgConfig: "libebur128",
            providers: [.apt(["libebur128-dev"]), .brew(["libebur128"])]),
        .systemLibrary(
            name: "CSoxr", pkgConfig: "soxr",
            providers: [.apt(["libsoxr-dev"]), .brew(["libsoxr"])]),
        .systemLibrary(
            name: "COgg", pkgConfig: "ogg",
            providers: [.apt(["libogg-dev"]), .brew(["libogg"])]),
        .systemLibrary(
            name: "CPocketSphinx", pkgConfig: "pocketsphinx",
            providers: [.apt(["libpocketsphinx-dev", "pocketsphinx-en-us"]), .brew(["cmu-pocketsphinx"])]),
        .systemLibrary(
            name: "CFFTW", pkgConfig: "fftw3f",
            providers: [.apt(["libfftw3-dev"]), .brew(["fftw"])]),

        .target(name: "StillpointScript"),
        .target(name: "StillpointFiles", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        // -Ounchecked (no overflow or bounds traps) only where it pays: measured on a
        // 30-minute B60 render to WAV (`bench/run.sh --session 30`), median user CPU
        // over 4–5 interleaved runs on the shared 2-core machine: 3.74 s with it on
        // both targets, 3.73 s on StillpointDSP alone, 4.02 s on StillpointAudio
        // alone, 4.03 s on neither. The sample loops of the DSP gain about 7 %; the
        // render and IO gain nothing measurable, so they keep their checks.
        .target(
            name: "StillpointDSP",
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        .target(
            name: "StillpointAudio",
            dependencies: ["StillpointScript", "StillpointDSP", "StillpointFiles",
                           .product(name: "SystemPackage", package: "swift-system"),
                           "CSndFile", "CFLAC", "CEBUR128", "CSoxr", "COgg"]),
        .target(
            name: "StillpointBuild",
            dependencies: ["StillpointScript", "StillpointFiles", .product(name: "SystemPackage", package: "swift-system"),
                           .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "StillpointPublish",
            dependencies: ["StillpointScript", "StillpointAudio", "StillpointBuild", "StillpointFiles",
                           .product(name: "SystemPackage", package: "swift-system")]),
        // The timeline drawn as SVG (`timeline --svg`); it asks the mixer's own envelopes how loud a bed is.
        .target(name: "StillpointPicture", dependencies: ["StillpointScript", "StillpointAudio", "StillpointDSP"]),
        // Named, cleaned clips cut out of one recorded take (`stillpoint takes`).
        .target(
            name: "StillpointTakes",
            dependencies: ["StillpointScript", "StillpointAudio", "StillpointFiles", "CPocketSphinx", "CFFTW",
                           .product(name: "SystemPackage", package: "swift-system")]),
        // No -Ounchecked here: the recogniser (C) is about 97 % of a takes run's
        // CPU (bench/takes.sh), so unchecked Swift could not pay.
        // SBaGen schedules (`stillpoint import`, a `.sbg` given to check, timeline or render).
        .target(name: "StillpointSBaGen", dependencies: ["StillpointScript"]),
        .executableTarget(
            name: "stillpoint",
            dependencies: [
                "StillpointScript", "StillpointAudio", "StillpointBuild", "StillpointPublish", "StillpointPicture",
                "StillpointTakes", "StillpointFiles", "StillpointSBaGen",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // `stillpoint new`'s starting scripts, kept as real .session files (so
            // they read and diff as scripts) and compiled into the binary, so an
            // installed `stillpoint` needs no resource folder beside it.
            resources: [.embedInCode("Templates")]),
        .target(name: "StillpointTestSupport"),

        .testTarget(
            name: "StillpointScriptTests",
            dependencies: ["StillpointScript", "StillpointTestSupport"],
            exclude: ["Goldens"]),
        .testTarget(
            name: "StillpointDSPTests",
            dependencies: ["StillpointDSP", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointAudioTests",
            dependencies: ["StillpointAudio", "StillpointDSP", "StillpointScript", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointBuildTests",
            dependencies: ["StillpointBuild", "StillpointAudio", "StillpointScript", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointPublishTests",
            dependencies: ["StillpointPublish", "StillpointAudio", "StillpointScript", "StillpointBuild", "StillpointTestSupport"],
            exclude: ["Browser"]),
        .testTarget(
            name: "StillpointFilesTests",
            dependencies: ["StillpointFiles", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointPictureTests",
            dependencies: ["StillpointPicture", "StillpointScript", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointTakesTests",
            dependencies: ["StillpointTakes", "StillpointAudio", "StillpointScript", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointSBaGenTests",
            dependencies: ["StillpointSBaGen", "StillpointScript", "StillpointAudio", "StillpointDSP", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointCLITests",
            dependencies: ["StillpointTestSupport"],
            exclude: ["Goldens", "Browser"]),
    ]
)

/// The libFuzzer targets of `scripts/fuzz.sh`, declared only when it asks
/// (`STILLPOINT_FUZZ=1`), so `swift build` and `swift test` never see them: each
/// hands its `main` to libFuzzer (`LLVMFuzzerRunDriver`, declared by CFuzzDriver)
/// and links only with the `-sanitize=fuzzer` that fuzz.sh passes. A new target
/// is a folder `Sources/Fuzz<Name>/main.swift` and one entry here.
if ProcessInfo.processInfo.environment["STILLPOINT_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzScript", []),
        ("FuzzDefaults", []),
        ("FuzzBuildRecord", ["StillpointBuild"]),
        ("FuzzClip", ["StillpointAudio"]),
        ("FuzzSBaGen", ["StillpointSBaGen"]),
    ]
    package.targets.append(.systemLibrary(name: "CFuzzDriver"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CFuzzDriver", "StillpointScript"]))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: target.name, dependencies: ["FuzzSupport", "StillpointScript"] + target.dependencies))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
