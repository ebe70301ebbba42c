// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of the matching core (package-benchmark), kept apart so the main package has no benchmark
// dependency. Run from this folder: `swift package benchmark` (ARC metrics are not enabled: they crash).
let package = Package(
    name: "JobMatchBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "JobMatch", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // A deterministic synthetic market of any size, and the timing helpers shared by both executables.
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "JobMatchCore", package: "JobMatch")],
            path: "Sources/BenchSupport"
        ),
        // Times JobMatch and exports the same vectors for scripts/bench_faiss.py.
        .executableTarget(
            name: "match-timing",
            dependencies: ["BenchSupport", .product(name: "JobMatchCore", package: "JobMatch")],
            path: "Sources/match-timing"
        ),
        .executableTarget(
            name: "MatchingBenchmarks",
            dependencies: [
                "BenchSupport",
                .product(name: "JobMatchCore", package: "JobMatch"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MatchingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
