// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for BackTalk, kept out of the root package so that neither its
// users nor `swift build` / `swift test` ever build them. Build and run them from
// the repository root with `make fuzz` (see README.md here for the build command).
//
// Each target defines `LLVMFuzzerTestOneInput` and starts libFuzzer from its own
// `main` with `LLVMFuzzerRunDriver`: SwiftPM gives every executable a `main`
// (`--defsym main=<module>_main`), so libFuzzer's own `main` cannot be used, and
// SwiftPM's `--sanitize=fuzzer`, which drops that, also compiles the root
// package's build tool as a library, which breaks it.
//
// What each target does with its input is `FuzzHarness`, a link to
// `Tests/TestFixtures/FuzzHarness.swift`: the test suite replays `Corpus/` through
// the same code, without a fuzzer.
let package = Package(
    name: "BackTalkFuzz",
    dependencies: [
        .package(name: "BackTalk", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver to Swift.
        .target(name: "CLibFuzzer"),
        .target(
            name: "FuzzHarness",
            dependencies: [
                "CLibFuzzer", .product(name: "BackTalk", package: "BackTalk"),
                .product(name: "BackTalkAuthoring", package: "BackTalk"),
            ]
        ),
        // A reply to any message in any saved state.
        .executableTarget(
            name: "fuzz-reply",
            dependencies: ["FuzzHarness", .product(name: "BackTalk", package: "BackTalk")],
            path: "Sources/FuzzReply"
        ),
        // Loading a knowledge base from fuzzed YAML files.
        .executableTarget(
            name: "fuzz-knowledge-base",
            dependencies: ["FuzzHarness"],
            path: "Sources/FuzzKnowledgeBase"
        ),
    ]
)
