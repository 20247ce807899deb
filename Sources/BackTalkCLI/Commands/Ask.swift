import ArgumentParser
import BackTalk

/// `backtalk ask`: answer one question, or one per line of standard input.
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer a question about back spasms.",
        discussion: "With no question, reads questions from standard input, one per line, each answered on its own."
    )

    @Argument(help: "The question. Omit it to read questions from standard input.")
    var question: String?

    @Flag(help: "Print each reply as one line of JSON.")
    var json = false

    @Flag(help: "Show how the question was matched: tokens, corrections, synonyms and scores.")
    var explain = false

    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        if let question, question.allSatisfy({ $0.isWhitespace }) {
            throw ValidationError("the question is empty; ask something like: backtalk ask \"what causes back spasms?\"")
        }
    }

    func run() throws {
        let engine = try engineOptions.engine()
        if let question {
            try answer(question, engine: engine)
            return
        }
        var first = true
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            if !first && !json { try Output().line() }
            first = false
            try answer(line, engine: engine)
        }
    }

    private func answer(_ question: String, engine: Engine) throws(OutputError) {
        var conversation = Conversation()
        let reply = engine.reply(to: question, in: &conversation)
        let output = Output()
        if json {
            if explain {
                try output.json(ExplainedReply(reply: reply, explanation: engine.explain(question)))
            } else {
                try output.json(reply)
            }
            return
        }
        if explain { try output.explanation(engine.explain(question)) }
        try output.plain(reply)
    }
}

/// A JSON reply with the matcher's explanation alongside.
struct ExplainedReply: Encodable {
    var reply: Reply
    var explanation: MatchExplanation

    func encode(to encoder: any Encoder) throws {
        try reply.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(explanation, forKey: .explanation)
    }

    private enum Key: String, CodingKey { case explanation }
}
