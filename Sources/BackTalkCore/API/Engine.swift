/// The BackTalk dialogue engine: answers messages within a conversation.
///
/// ```swift
/// let engine = try Engine()
/// var conversation = Conversation()
/// let reply = engine.reply(to: "what causes back spasms?", in: &conversation)
/// print(reply.text)
/// ```
///
/// The engine is an immutable value: share one across threads and keep a
/// ``Conversation`` per person.
public struct Engine: Sendable {
    /// The knowledge the engine answers from.
    public let knowledgeBase: KnowledgeBase

    /// An engine for another knowledge base.
    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// Answers `message` and updates `conversation`.
    public func reply(to message: String, in conversation: inout Conversation) -> Reply {
        Responder(knowledgeBase: knowledgeBase).reply(to: message, in: &conversation)
    }

    /// Why `message` matches what it does: the steps of the matcher, for `--explain` and `/why`.
    public func explain(_ message: String) -> MatchExplanation {
        let result = knowledgeBase.matcher.match(message)
        var explanation = MatchExplanation(result, knowledgeBase: knowledgeBase)
        explanation.findings = knowledgeBase.triage.reader.read(result.analyzed, experiencers: .init()).mentions
        return explanation
    }
}
