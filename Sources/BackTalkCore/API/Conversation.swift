/// Everything the engine remembers between messages of one conversation.
///
/// A value: save it anywhere (it is `Codable`) and hand it back with the next
/// message, so that a server can keep thousands of conversations without
/// keeping engines. Decoding checks every count and age, so that a saved
/// conversation from anywhere either fails to decode with a clear error or
/// replies normally.
public struct Conversation: Sendable, Hashable {
    /// How many messages have been answered.
    public internal(set) var turns: Int = 0
    /// The entry answered last, if any.
    public internal(set) var lastIntent: String?
    /// Entries offered in a "which did you mean?" reply, awaiting the choice.
    package var pendingChoice: [String]?
    /// Red flags reported and the follow-up under way.
    public internal(set) var triage = TriageState()
    /// What the conversation is about, for reading follow-ups.
    var context = DialogueContext()

    /// A new, empty conversation.
    public init() {}

    /// The most turns a conversation may claim: far beyond any real one, far below overflow.
    static let maximumTurns = 1_000_000_000
}

extension Conversation: Codable {
    private enum CodingKeys: String, CodingKey {
        case turns, lastIntent, pendingChoice, triage, context
    }

    /// Decodes a saved conversation, checking every count and age.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a count out of range, an age
    ///   no one has, or more people, findings or context than a conversation keeps.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        turns = try container.decode(Int.self, forKey: .turns)
        lastIntent = try container.decodeIfPresent(String.self, forKey: .lastIntent)
        pendingChoice = try container.decodeIfPresent([String].self, forKey: .pendingChoice)
        triage = try container.decode(TriageState.self, forKey: .triage)
        context = try container.decodeIfPresent(DialogueContext.self, forKey: .context) ?? DialogueContext()
        guard (0...Self.maximumTurns).contains(turns) else {
            throw DecodingError.dataCorruptedError(
                forKey: .turns, in: container,
                debugDescription: "turns must be 0 to \(Self.maximumTurns), not \(turns)")
        }
        if let problem = triage.problem {
            throw DecodingError.dataCorruptedError(forKey: .triage, in: container, debugDescription: problem)
        }
        if context.terms.count > DialogueContext.maximumTerms || context.visited.count > DialogueContext.maximumVisited {
            throw DecodingError.dataCorruptedError(
                forKey: .context, in: container,
                debugDescription:
                    "context keeps at most \(DialogueContext.maximumTerms) terms and \(DialogueContext.maximumVisited) visited entries")
        }
    }

    /// Encodes everything the conversation remembers, for ``init(from:)`` to resume it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(turns, forKey: .turns)
        try container.encodeIfPresent(lastIntent, forKey: .lastIntent)
        try container.encodeIfPresent(pendingChoice, forKey: .pendingChoice)
        try container.encode(triage, forKey: .triage)
        try container.encode(context, forKey: .context)
    }
}

extension Conversation {
    /// Makes a conversation saved elsewhere fit this knowledge base: names of
    /// entries and questions it does not have are forgotten, not trusted.
    mutating func fit(to knowledgeBase: KnowledgeBase) {
        turns = min(turns, Self.maximumTurns - 1)
        if let id = lastIntent, knowledgeBase.entry(id: id) == nil { lastIntent = nil }
        if let choice = pendingChoice, choice.count != 2 || choice.contains(where: { knowledgeBase.entry(id: $0) == nil }) {
            pendingChoice = nil
        }
        triage.fit(to: knowledgeBase.triage.flow)
        if let id = context.entry, knowledgeBase.entry(id: id) == nil { context = DialogueContext() }
        context.visited.removeAll { knowledgeBase.entry(id: $0) == nil }
    }
}
