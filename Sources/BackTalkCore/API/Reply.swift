/// What the assistant says in answer to one message.
public struct Reply: Sendable, Hashable {
    /// The reply, as plain text: no markup and no terminal codes.
    public var text: String
    /// The entry answered (its id), or one of ``Reply/Intent``'s special values.
    public var intent: Intent
    /// How sure the matcher is, in 0...1.
    public var confidence: Double
    /// The triage level this reply announces or concludes, if any.
    public var triage: TriageLevel?
    /// Whether the assistant asked a question and waits for the answer.
    public var expectsAnswer: Bool
    /// Questions the person could ask next.
    public var suggestions: [String]
    /// Where the information comes from.
    public var sources: [String]
    /// The id of the follow-up question waiting for an answer, if any.
    public var pendingQuestion: String?
    /// The id of the triage outcome this reply concludes with, if any.
    public var outcome: String?
    /// The broad topic of the entry answered (its own id for a broad one), if any.
    public var topic: String?
    /// What the message was taken to be, and what was used from the conversation.
    public var understanding: Understanding
    /// Whose wording of the entry was given, when the conversation knows the person is pregnant,
    /// breastfeeding, a child or older and the entry has a wording for them.
    public var audience: KnowledgeEntry.Audience?
    /// For a reply about a warning sign: the entry that tells more about it (the one
    /// follow-ups such as "who do I call?" lean on), if the knowledge base has one.
    public var about: String?
    /// A triage reply's notice and its question or outcome, kept apart.
    ///
    /// Set only for a triage reply, so that an answer to the person's question can go
    /// between them. Not part of the reply's value.
    var triageParts: TriageParts?

    /// A triage reply's text in its parts.
    struct TriageParts: Sendable, Hashable {
        /// What the rule says first (its level, plainly), if anything.
        var lead: String?
        /// The question asked, or the outcome said.
        var body: String
    }

    /// Creates a reply.
    public init(
        text: String, intent: Intent, confidence: Double, triage: TriageLevel? = nil, expectsAnswer: Bool = false,
        suggestions: [String] = [], sources: [String] = [], pendingQuestion: String? = nil, outcome: String? = nil,
        topic: String? = nil, understanding: Understanding = Understanding(kind: .question)
    ) {
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.triage = triage
        self.expectsAnswer = expectsAnswer
        self.suggestions = suggestions
        self.sources = sources
        self.pendingQuestion = pendingQuestion
        self.outcome = outcome
        self.topic = topic
        self.understanding = understanding
    }

}

extension Reply: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, intent, confidence, triage, expectsAnswer, suggestions, sources, pendingQuestion, outcome, topic, understanding,
            audience, about
    }

    /// Decodes a reply written by ``encode(to:)``; a missing `understanding`
    /// reads as a question.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try container.decode(String.self, forKey: .text),
            intent: try container.decode(Intent.self, forKey: .intent),
            confidence: try container.decode(Double.self, forKey: .confidence),
            triage: try container.decodeIfPresent(TriageLevel.self, forKey: .triage),
            expectsAnswer: try container.decode(Bool.self, forKey: .expectsAnswer),
            suggestions: try container.decode([String].self, forKey: .suggestions),
            sources: try container.decode([String].self, forKey: .sources),
            pendingQuestion: try container.decodeIfPresent(String.self, forKey: .pendingQuestion),
            outcome: try container.decodeIfPresent(String.self, forKey: .outcome),
            topic: try container.decodeIfPresent(String.self, forKey: .topic),
            understanding: try container.decodeIfPresent(Understanding.self, forKey: .understanding) ?? Understanding(kind: .question)
        )
        audience = try container.decodeIfPresent(KnowledgeEntry.Audience.self, forKey: .audience)
        about = try container.decodeIfPresent(String.self, forKey: .about)
    }

    /// Writes every key, with `null` for an absent triage level, question, outcome or topic,
    /// so that a script can rely on the keys being there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(intent, forKey: .intent)
        try container.encode((confidence * 1000).rounded() / 1000, forKey: .confidence)
        try container.encode(triage, forKey: .triage)
        try container.encode(expectsAnswer, forKey: .expectsAnswer)
        try container.encode(suggestions, forKey: .suggestions)
        try container.encode(sources, forKey: .sources)
        try container.encode(pendingQuestion, forKey: .pendingQuestion)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(topic, forKey: .topic)
        try container.encode(understanding, forKey: .understanding)
        try container.encode(audience, forKey: .audience)
        try container.encode(about, forKey: .about)
    }
}
