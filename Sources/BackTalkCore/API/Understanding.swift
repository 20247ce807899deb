/// The trace of one reply: what the engine took the message to be, what it read
/// in it, what it left out or took from the conversation, what the matcher
/// scored, and what the reply did.
///
/// Every ``Reply`` carries one, built as the reply is made, so that `--explain`,
/// `/why`, evaluations and an ``Engine/Observer`` show what the reply did rather
/// than matching the text again. It holds values, not sentences: a client words
/// it when it shows it.
public struct Understanding: Sendable, Hashable {
    /// What a message is, in the conversation.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A new question, understood on its own.
        case question
        /// A question that leans on the conversation ("what about codeine?", "is it safe?").
        case followUp = "follow_up"
        /// A request for more of the last answer ("more", "why?").
        case more
        /// A person describing their own back pain or episode.
        case report
        /// Thanks, greetings, goodbyes, "ok", "lol", complaints.
        case smalltalk
        /// An answer to the question the assistant asked.
        case answer
        /// A red flag that needs saying before anything else.
        case emergency
        /// A pick between the two topics offered.
        case choice
        /// On BackTalk's subject, but nothing in the knowledge base answers it.
        case notCovered = "not_covered"
        /// About something else.
        case outOfScope = "out_of_scope"
        /// Two topics fit equally well.
        case unclear
        /// No words, or not text.
        case empty
    }

    /// What the message was taken to be.
    public var kind: Kind
    /// What was taken from the conversation to read it: `topic heat_cold`,
    /// `words ibuprofen`, `person pregnant`, `report fresh`, `level urgent`.
    public var fromContext: [String]
    /// Why, in a few words.
    public var reason: String
    /// The findings the red-flag triage read in the message, with their context
    /// (negated, hypothetical, historical, whose they are).
    public var findings: [FindingMention]
    /// The words of the message left out before matching, and why.
    public var pruned: [PrunedWord]
    /// What the matcher made of the text it matched (the message less its pruned
    /// words, with the conversation's words for a follow-up), or nil when no
    /// match decided the reply (small talk, "more", a warning sign).
    public var match: MatchExplanation?
    /// What the reply did: the intent answered, the triage level, the question asked.
    public var decision: Decision

    /// Creates an understanding.
    public init(
        kind: Kind, fromContext: [String] = [], reason: String = "", findings: [FindingMention] = [],
        pruned: [PrunedWord] = [], match: MatchExplanation? = nil, decision: Decision = Decision()
    ) {
        self.kind = kind
        self.fromContext = fromContext
        self.reason = reason
        self.findings = findings
        self.pruned = pruned
        self.match = match
        self.decision = decision
    }
}
