// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "JobMatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jobmatch", targets: ["jobmatch"]),
        .executable(name: "jobmatchd", targets: ["jobmatchd"]),
        .library(name: "JobMatchCore", targets: ["JobMatchCore"]),
        .library(name: "JobMatchStore", targets: ["JobMatchStore"]),
        .library(name: "JobMatchWorkflows", targets: ["JobMatchWorkflows"]),
        .library(name: "JobMatchServer", targets: ["JobMatchServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // OpenBLAS's CBLAS interface, from Debian's libopenblas-dev.
        .systemLibrary(
            name: "CBLAS",
            path: "Sources/CBLAS",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // The compact (int8) job matrix's kernels: AVX-512 VNNI, AVX2 and portable variants chosen at run time.
        .target(name: "CJobMatchKernels", path: "Sources/CJobMatchKernels"),
        // The pure core: domain model, validation, features, rules, scoring. No I/O.
        .target(
            name: "JobMatchCore",
            dependencies: [
                "CBLAS",
                "CJobMatchKernels",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The synthetic Chongqing labour market: a deterministic generator of data sets. No I/O.
        .target(
            name: "JobMatchMarket",
            dependencies: ["JobMatchCore"],
            swiftSettings: swiftSettings
        ),
        // SQLite storage (GRDB), the interchange files, models on disk.
        .target(
            name: "JobMatchStore",
            dependencies: [
                "JobMatchCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Application workflows the CLI and the daemon share: the nightly batch, the model in force, one-off matching.
        .target(
            name: "JobMatchWorkflows",
            dependencies: ["JobMatchCore", "JobMatchStore"],
            swiftSettings: swiftSettings
        ),
        // The caseworker HTTP API (Hummingbird).
        .target(
            name: "JobMatchServer",
            dependencies: [
                "JobMatchCore",
                "JobMatchStore",
                "JobMatchWorkflows",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // The caseworker's console: static HTML, CSS and JavaScript modules served at `/`.
            resources: [.copy("Console")],
            swiftSettings: swiftSettings
        ),
        // The `jobmatch` subcommands, as a library so tests can run them.
        .target(
            name: "JobMatchCLI",
            dependencies: [
                "JobMatchCore",
                "JobMatchMarket",
                "JobMatchStore",
                "JobMatchWorkflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "jobmatch",
            dependencies: ["JobMatchCLI"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "jobmatchd",
            dependencies: [
                "JobMatchServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobMatchCoreTests",
            dependencies: ["JobMatchCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobMatchMarketTests",
            dependencies: ["JobMatchMarket", "JobMatchCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobMatchStoreTests",
            dependencies: ["JobMatchStore", "JobMatchCore", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobMatchServerTests",
            dependencies: [
                "JobMatchServer",
                "JobMatchCLI",
                "JobMatchCore",
                "JobMatchStore",
                "JobMatchWorkflows",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobMatchWorkflowsTests",
            dependencies: ["JobMatchWorkflows", "JobMatchMarket", "JobMatchStore", "JobMatchCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobMatchCLITests",
            dependencies: ["JobMatchCLI", "JobMatchStore", "JobMatchCore", "JobMatchWorkflows"],
            swiftSettings: swiftSettings
        ),
    ]
)
