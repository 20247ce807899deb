import Foundation
import PackagePlugin

/// Compiles the YAML files under `Intents/` into the library as string literals.
///
/// Embedding (rather than shipping a resource bundle) means a program that links
/// the engine, or a copied `backtalk` binary, always has its knowledge base.
@main
struct EmbedIntents: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let intents = context.package.directoryURL.appending(path: "Intents")
        let relativePaths = (FileManager.default.subpaths(atPath: intents.path) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0 == "language/words.txt" }
            .sorted()
        let inputs = relativePaths.map { intents.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledIntents.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files from Intents/",
                executable: try context.tool(named: "IntentsEmbedder").url,
                // The file list is part of the arguments so that adding or removing
                // a file changes the command and triggers a rebuild.
                arguments: [intents.path, output.path] + relativePaths,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
