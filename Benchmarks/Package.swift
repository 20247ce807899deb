// swift-tools-version:6.0
import PackageDescription

// Benchmarks for BackTalk, kept out of the root package so that its users never
// build them. Run from the repository root with `make bench`, or here with
// `swift run -c release --scratch-path ../.build-bench backtalk-bench`.
let package = Package(
    name: "BackTalkBenchmarks",
    dependencies: [
        .package(name: "BackTalk", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "backtalk-bench",
            dependencies: [
                .product(name: "BackTalk", package: "BackTalk"),
                // The scale benchmark reads a synthetic knowledge base from a folder.
                .product(name: "BackTalkAuthoring", package: "BackTalk"),
            ],
            path: "Sources/BackTalkBench"
        ),
    ]
)
