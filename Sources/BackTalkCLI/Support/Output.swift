import BackTalk
import Foundation

/// Writes to standard output, flushing each line so that a script reading a
/// pipe sees every reply as soon as it is made.
struct Output {
    func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((TerminalText.sanitized(text) + "\n").utf8))
    }

    /// Text that is already safe to print: sanitized, with only the styles this tool added.
    func raw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One reply as a single JSON line.
    func json<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // JSON escapes control characters itself, so the line is safe as it is.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// A reply as a person reads it: the answer, then the suggestions.
    func plain(_ reply: Reply, suggestionsIntro: String = "You could also ask:") {
        line(reply.text)
        if !reply.suggestions.isEmpty && reply.intent != Reply.Intent.clarify {
            line()
            line(suggestionsIntro)
            for suggestion in reply.suggestions { line("  - \(suggestion)") }
        }
    }

    func explanation(_ explanation: MatchExplanation) {
        for row in ExplanationFormatter.lines(explanation) { line(row) }
        line()
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(("backtalk: " + TerminalText.sanitized(text) + "\n").utf8))
}
