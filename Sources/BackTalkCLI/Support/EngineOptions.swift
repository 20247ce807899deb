import ArgumentParser
import BackTalk
import BackTalkAuthoring
import Foundation

/// `--intents DIR`: answer from another knowledge base, for authors.
struct EngineOptions: ParsableArguments {
    @Option(
        name: .customLong("intents"),
        help: ArgumentHelp("Load the knowledge base from this folder instead of the built-in one.", valueName: "dir"))
    var intentsDirectory: String?

    /// The knowledge base chosen, or an error that lists its problems.
    func knowledgeBase() throws -> KnowledgeBase {
        do throws(KnowledgeBaseError) {
            if let intentsDirectory {
                return try KnowledgeBase(directory: URL(fileURLWithPath: intentsDirectory))
            }
            return try KnowledgeBase.bundled()
        } catch {
            throw CLIError.knowledgeBase(error)
        }
    }

    func engine() throws -> Engine {
        Engine(knowledgeBase: try knowledgeBase())
    }
}

/// Errors the tool reports on standard error before exiting with status 1.
enum CLIError: Error, CustomStringConvertible {
    case knowledgeBase(KnowledgeBaseError)
    case message(String)

    var description: String {
        switch self {
        case .knowledgeBase(let error):
            let lines = error.diagnostics.map { TerminalText.sanitized($0.description) }
            if lines.count == 1 { return "cannot load the knowledge base: \(lines[0])" }
            return "cannot load the knowledge base:\n" + lines.joined(separator: "\n")
                + "\n\(lines.count) problems; run `backtalk lint --intents DIR` after fixing them"
        case .message(let text):
            return TerminalText.sanitized(text)
        }
    }
}

extension CLIError: CustomNSError {
    var errorUserInfo: [String: Any] { [NSLocalizedDescriptionKey: description] }
}
