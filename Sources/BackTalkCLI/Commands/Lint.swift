import ArgumentParser
import BackTalk
import BackTalkAuthoring
import Foundation

/// `backtalk lint`: check a knowledge base before it ships.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a knowledge base: YAML, fields, ids, and that each entry's examples reach it.",
        discussion: "Problems are printed as FILE:LINE: message. Exits with status 1 if there are any."
    )

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        let name = engineOptions.intentsDirectory ?? "the built-in knowledge base"
        let files: [KnowledgeFile]
        do throws(KnowledgeBaseError) {
            if let directory = engineOptions.intentsDirectory {
                files = try KnowledgeBase.files(in: URL(fileURLWithPath: directory))
            } else {
                files = KnowledgeBase.bundledFiles
            }
        } catch {
            throw CLIError.knowledgeBase(error)
        }
        let diagnostics = KnowledgeBase.lint(files: files)
        let output = Output()
        for diagnostic in diagnostics { try output.line(diagnostic.description) }
        if diagnostics.isEmpty {
            try output.line("\(name): \(files.count) files, no problems")
        } else {
            try output.line("\(name): \(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s")")
            throw ExitCode.failure
        }
    }
}
