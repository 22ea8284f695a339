// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "hailuo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hailuo", targets: ["hailuo"]),
        .library(name: "HailuoEngine", targets: ["HailuoEngine"]),
        .library(name: "HailuoSimulator", targets: ["HailuoSimulator"]),
        .library(name: "TUIKit", targets: ["TUIKit"]),
        .executable(name: "hailuo-bench", targets: ["hailuo-bench"]),
        .executable(name: "hailuo-fuzz", targets: ["hailuo-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "HailuoCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto")
            ]
        ),
        // Builders for tests, the benchmarks and the fuzzer: synthetic images, jobs, temporary folders.
        .target(name: "HailuoTestSupport", dependencies: ["HailuoCore"]),
        .target(
            name: "HailuoEngine",
            dependencies: [
                "HailuoCore",
                "HailuoWorkers",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "HailuoSimulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "TUIKit"),
        // Swift concurrency's global executor on a few plain threads that sleep while hailuo is idle.
        .target(name: "HailuoWorkers"),
        // ncursesw from Debian's libncurses-dev. No pkgConfig: SwiftPM would drop its -D flags with a
        // warning; shim.h sets them instead and module.modulemap links the libraries.
        .systemLibrary(name: "CNCursesW"),
        .target(name: "CursesBackend", dependencies: ["CNCursesW", "TUIKit"]),
        // The screen's model, update and view: pure, testable without a terminal or an engine.
        .target(name: "HailuoTUI", dependencies: ["TUIKit", "HailuoCore"]),
        // PNG/JPEG decoding through libpng and libjpeg-turbo (their -dev packages are on every machine).
        .target(name: "CImageDecoding", linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg")]),
        // libchafa through dlopen at run time: present when Debian's libchafa0 is installed, never needed to build.
        .target(name: "CChafa", linkerSettings: [.linkedLibrary("dl")]),
        // Pictures: images to cell art, frames and facts from clips (ffmpeg/ffprobe as child processes).
        .target(name: "HailuoPreview", dependencies: ["HailuoCore", "TUIKit", "CImageDecoding", "CChafa"]),
        // The screen's runtime: the ncurses loop, the commands run against an engine protocol.
        .target(
            name: "HailuoTUIRuntime",
            dependencies: ["HailuoTUI", "CursesBackend", "TUIKit", "HailuoCore", "HailuoPreview", "HailuoWorkers"]),
        .executableTarget(
            name: "hailuo",
            dependencies: [
                "HailuoCore",
                "HailuoEngine",
                "HailuoSimulator",
                "HailuoTUI",
                "HailuoTUIRuntime",
                "HailuoPreview",
                "HailuoWorkers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark table of docs/PERFORMANCE.md (`swift run -c release hailuo-bench`).
        .executableTarget(
            name: "hailuo-bench",
            dependencies: [
                "HailuoCore", "HailuoEngine", "HailuoSimulator", "HailuoTUI", "TUIKit", "HailuoTestSupport", "HailuoPreview",
                "HailuoWorkers", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Seeded random-input runs over the decoders and the editor; tests run a short pass.
        .target(name: "HailuoFuzzing", dependencies: ["HailuoCore", "HailuoTestSupport", "TUIKit", "HailuoPreview"]),
        .executableTarget(
            name: "hailuo-fuzz",
            dependencies: [
                "HailuoFuzzing", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HailuoFuzzingTests", dependencies: ["HailuoFuzzing"]),
        .testTarget(name: "HailuoCoreTests", dependencies: ["HailuoCore", "HailuoTestSupport"]),
        .testTarget(
            name: "HailuoEngineTests",
            dependencies: [
                "HailuoEngine", "HailuoCore", "HailuoTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "HailuoSimulatorTests", dependencies: ["HailuoSimulator"]),
        .testTarget(name: "TUIKitTests", dependencies: ["TUIKit"]),
        .testTarget(name: "HailuoWorkersTests", dependencies: ["HailuoWorkers"]),
        .testTarget(
            name: "HailuoPreviewTests",
            dependencies: ["HailuoPreview", "HailuoCore", "TUIKit", "HailuoTestSupport", "HailuoSimulator"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TUIKit"]),
        .testTarget(
            name: "HailuoTUITests",
            dependencies: ["HailuoTUI", "TUIKit", "HailuoCore", "HailuoTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "HailuoTUIRuntimeTests",
            dependencies: [
                "HailuoTUIRuntime", "HailuoTUI", "TUIKit", "HailuoCore", "CursesBackend", "HailuoTestSupport", "HailuoPreview",
            ]
        ),
        .testTarget(
            name: "HailuoIntegrationTests",
            dependencies: [
                "HailuoCore", "HailuoEngine", "HailuoSimulator", "HailuoTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
