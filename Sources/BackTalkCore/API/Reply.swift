/// What the assistant says in answer to one message.
public struct Reply: Sendable, Hashable {
    /// The reply, as plain text: no markup and no terminal codes.
    public var text: String
    /// The entry answered, or one of ``Reply/Intent``'s special values.
    public var intent: String
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
    /// For a triage reply: its notice and its question or outcome, apart, so that an
    /// answer to the person's question can go between them. Not part of the reply's value.
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
        text: String, intent: String, confidence: Double, triage: TriageLevel? = nil, expectsAnswer: Bool = false,
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

    /// Intent names of replies that answer no knowledge entry.
    public enum Intent {
        /// The message is about something BackTalk does not cover.
        public static let outOfScope = "out_of_scope"
        /// Two entries fit equally well; the reply asks which was meant.
        public static let clarify = "clarify"
        /// The message had no words.
        public static let empty = "empty"
        /// The message could not be read as text.
        public static let unreadable = "unreadable"
        /// An emergency red flag: what to do now, before anything else.
        public static let emergency = "emergency"
        /// A follow-up question about red flags.
        public static let triageQuestion = "triage_question"
        /// The end of the follow-up: a triage level and the next step.
        public static let triageOutcome = "triage_outcome"
        /// The person left the follow-up questions.
        public static let triageStopped = "triage_stopped"
        /// An answer to the one safety question asked alongside an answer was taken.
        public static let triageNoted = "triage_noted"
        /// A person doubting advice already given ("is it really that serious?"): the level again, never reassurance.
        public static let triageReminder = "triage_reminder"
        /// On BackTalk's subject, but nothing in the knowledge base answers it.
        public static let notCovered = "not_covered"
    }
}

extension Reply: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, intent, confidence, triage, expectsAnswer, suggestions, sources, pendingQuestion, outcome, topic, understanding, audience, about
    }

    /// Decodes a reply written by ``encode(to:)``; a missing `understanding`
    /// reads as a question.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try container.decode(String.self, forKey: .text),
            intent: try container.decode(String.self, forKey: .intent),
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
