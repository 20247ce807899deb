/// What the engine took a message to be, and what it used from the conversation to read it.
///
/// Every ``Reply`` carries one, so that `--explain`, `/why` and evaluations show
/// what the reply did rather than matching the text again.
public struct Understanding: Sendable, Hashable, Codable {
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
    /// `words ibuprofen`, `person pregnant`, `report fresh`.
    public var fromContext: [String]
    /// Why, in a few words.
    public var reason: String

    /// Creates an understanding.
    public init(kind: Kind, fromContext: [String] = [], reason: String = "") {
        self.kind = kind
        self.fromContext = fromContext
        self.reason = reason
    }
}
