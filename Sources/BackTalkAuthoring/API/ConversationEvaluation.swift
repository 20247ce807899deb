/// How the engine fares on whole conversations, each message labelled with
/// what a careful assistant that remembers the conversation would answer.
public struct ConversationReport: Sendable, Hashable, Codable {
    /// One message of a conversation and the reply it got.
    public struct Turn: Sendable, Hashable, Codable {
        /// The 1-based line of the message (`> message`) in the file.
        public var line: Int
        /// What the person wrote.
        public var message: String
        /// The acceptable labels: entry ids, or `smalltalk`, `out_of_scope`, `unknown`, `emergency`.
        public var expected: [String]
        /// The reply's intent.
        public var got: String
        /// What the message was taken to be.
        public var understanding: Understanding.Kind
        /// Whether the reply's intent is one of the acceptable labels.
        public var isRight: Bool
    }

    /// One conversation.
    public struct Result: Sendable, Hashable, Codable {
        /// The conversation's id, from its `## ID | persona` line.
        public var id: String
        /// Who is writing, from its `## ID | persona` line.
        public var persona: String
        /// The 1-based line of its `## ID | persona` line in the file.
        public var line: Int
        /// Its messages, in order.
        public var turns: [Turn]
        /// Whether every turn got a fitting reply.
        public var isRight: Bool { turns.allSatisfy(\.isRight) }
    }

    /// The conversations, in file order.
    public var results: [Result] = []

    /// A report over `results`, for combining several files.
    public init(results: [Result] = []) {
        self.results = results
    }

    /// Every turn of every conversation.
    public var turns: [Turn] { results.flatMap(\.turns) }
    /// Share of turns that got a fitting reply.
    public var turnAccuracy: Double {
        turns.isEmpty ? 0 : Double(turns.filter(\.isRight).count) / Double(turns.count)
    }
    /// Share of conversations right from start to end.
    public var conversationAccuracy: Double {
        results.isEmpty ? 0 : Double(results.filter(\.isRight).count) / Double(results.count)
    }
}

extension Engine {
    /// Runs every conversation of a file, each in a fresh `Conversation`.
    ///
    /// A conversation starts with `## ID | persona`; each message is a line
    /// `> message` followed by a line `= label`, the label an entry id, several
    /// joined with `|`, or one of `smalltalk`, `out_of_scope`, `unknown` (on the
    /// subject, but nothing answers it) and `emergency`. Other lines are ignored.
    public func evaluateConversations(_ text: String, file: String) throws(EvaluationSetError) -> ConversationReport {
        try runConversationSet(text, file: file)
    }
}
