// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "BackTalk",
    products: [
        // The dialogue engine, with its knowledge base built in. Never links readline.
        .library(name: "BackTalk", targets: ["BackTalk"]),
        // Tools for writing a knowledge base: loading one from a folder, lint, evaluation,
        // coverage and transcripts. Re-exports the engine.
        .library(name: "BackTalkAuthoring", targets: ["BackTalkAuthoring"]),
        // Transcript assertions for swift-testing, with a record mode.
        .library(name: "BackTalkTesting", targets: ["BackTalkTesting"]),
        // The terminal client.
        .executable(name: "backtalk", targets: ["BackTalkCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // `swift package generate-documentation` (DocC); adds no code to any product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: Library

        // The engine itself: knowledge, matching, triage, dialogue. What authoring tools
        // need of its internals is `package`, never `public`.
        .target(name: "BackTalkCore", dependencies: ["Yams"]),
        // The engine with the knowledge base of Intents/ compiled in.
        .target(
            name: "BackTalk",
            dependencies: ["BackTalkCore"],
            plugins: ["EmbedIntents"]
        ),
        // Loading from a folder, lint, triage lint, evaluation, coverage and transcripts.
        .target(name: "BackTalkAuthoring", dependencies: ["BackTalkCore"]),

        // MARK: Embedding Intents/ into the library

        // Reads Intents/ with the engine's own loader and learns the matcher's weights at build time.
        .executableTarget(name: "IntentsEmbedder", dependencies: ["BackTalkCore"]),
        .plugin(
            name: "EmbedIntents",
            capability: .buildTool(),
            dependencies: ["IntentsEmbedder"]
        ),

        // MARK: Command-line tool

        // GNU readline (GPL-3), for the executable's line editing only. No pkgConfig:
        // readline.pc's -D_XOPEN_SOURCE would change how Glibc is imported.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .executableTarget(
            name: "BackTalkCLI",
            dependencies: [
                "BackTalk",
                "BackTalkAuthoring",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Examples

        .executableTarget(
            name: "EmbeddingExample",
            dependencies: ["BackTalk"],
            path: "Examples/EmbeddingExample"
        ),

        // MARK: Tests

        .target(name: "BackTalkTesting", dependencies: ["BackTalk", "BackTalkAuthoring"]),
        .target(name: "TestFixtures", dependencies: ["BackTalk", "BackTalkAuthoring"], path: "Tests/TestFixtures"),
        .testTarget(name: "KnowledgeTests", dependencies: ["BackTalk", "BackTalkAuthoring", "TestFixtures"]),
        .testTarget(name: "MatchingTests", dependencies: ["BackTalk", "BackTalkAuthoring", "TestFixtures"]),
        .testTarget(
            name: "DialogueTests",
            dependencies: [
                "BackTalk", "BackTalkAuthoring", "TestFixtures", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "TriageTests", dependencies: ["BackTalk", "BackTalkAuthoring", "TestFixtures"]),
        .testTarget(name: "CLITests", dependencies: ["BackTalk", "BackTalkAuthoring", "TestFixtures"]),
        .testTarget(name: "TranscriptTests", dependencies: ["BackTalk", "BackTalkAuthoring", "BackTalkTesting"]),
        .testTarget(name: "REPLTests", dependencies: ["BackTalkCLI", "TestFixtures"]),
    ]
)
