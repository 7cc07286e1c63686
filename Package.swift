// swift-tools-version: 6.1
import PackageDescription

/// Targets follow ../shared/design/architecture.md: one module per arrow of the data
/// flow (script → timeline → audio → files), C kept behind the four system-library
/// targets, and only `StillpointAudio` importing them.
let package = Package(
    name: "Stillpoint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stillpoint", targets: ["stillpoint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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

        .target(name: "StillpointScript"),
        .target(
            name: "StillpointAudio",
            dependencies: ["StillpointScript", "CSndFile", "CFLAC", "CEBUR128", "CSoxr"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        .target(name: "StillpointBuild", dependencies: ["StillpointScript", "StillpointAudio"]),
        .target(name: "StillpointSBaGen", dependencies: ["StillpointScript"]),
        .executableTarget(
            name: "stillpoint",
            dependencies: [
                "StillpointScript", "StillpointAudio", "StillpointBuild", "StillpointSBaGen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "StillpointTestSupport"),

        .testTarget(
            name: "StillpointScriptTests",
            dependencies: ["StillpointScript", "StillpointTestSupport"],
            exclude: ["Goldens"]),
        .testTarget(
            name: "StillpointAudioTests",
            dependencies: ["StillpointAudio", "StillpointScript", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointBuildTests",
            dependencies: ["StillpointBuild", "StillpointAudio", "StillpointScript", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointSBaGenTests",
            dependencies: ["StillpointSBaGen", "StillpointScript", "StillpointAudio", "StillpointTestSupport"]),
        .testTarget(
            name: "StillpointCLITests",
            dependencies: ["StillpointTestSupport"],
            exclude: ["Goldens"]),
    ]
)
