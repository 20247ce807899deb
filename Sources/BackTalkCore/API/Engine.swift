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
/// ``Conversation`` per person. Each ``Reply`` carries its own trace, its
/// ``Reply/understanding``; to log or count replies, give the engine an ``Observer``.
public struct Engine: Sendable {
    /// Called with every reply the engine makes, after it is made: for logging and metrics.
    ///
    /// It runs on the thread that asked for the reply, so it should be quick; it
    /// cannot change the reply. The reply's ``Reply/understanding`` is its trace.
    public typealias Observer = @Sendable (Reply) -> Void

    /// The knowledge the engine answers from.
    public let knowledgeBase: KnowledgeBase
    /// Called with every reply, if set.
    public var observer: Observer?

    /// An engine for another knowledge base, with an observer of its replies if given.
    public init(knowledgeBase: KnowledgeBase, observer: Observer? = nil) {
        self.knowledgeBase = knowledgeBase
        self.observer = observer
    }

    /// Answers `message` and updates `conversation`.
    public func reply(to message: String, in conversation: inout Conversation) -> Reply {
        let reply = Responder(knowledgeBase: knowledgeBase).reply(to: message, in: &conversation)
        observer?(reply)
        return reply
    }
}
