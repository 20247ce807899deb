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

    @Flag(help: "Print each reply as one line of JSON, its trace under `understanding`.")
    var json = false

    @Flag(
        help:
            "Show the reply's trace: what the question was taken to be, warning signs, pruned words, the matcher's tokens, corrections, synonyms and scores, and the decision."
    )
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
            // The trace is in every JSON reply, under `understanding`.
            return try output.json(reply)
        }
        if explain { try output.explanation(reply.understanding) }
        try output.plain(reply, suggestionsIntro: engine.knowledgeBase.interfaceTexts.suggestionsIntro)
    }
}
