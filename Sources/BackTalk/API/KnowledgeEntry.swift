/// One answer the assistant can give, and how people ask for it.
public struct KnowledgeEntry: Sendable, Hashable, Codable, Identifiable {
    /// Whether an entry carries health information or is conversation.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Health information: 60 to 200 words, with sources.
        case topic
        /// Greetings, thanks and the like.
        case smalltalk
    }

    /// A stable identifier such as `heat_cold`.
    public var id: String
    /// A short title, also offered as a follow-up suggestion.
    public var title: String
    /// Whether this is a topic or small talk.
    public var kind: Kind
    /// The reply text, in plain language.
    public var answer: String
    /// Questions that should reach this entry.
    public var examples: [String]
    /// Words or phrases that point strongly to this entry.
    public var keywords: [String]
    /// Entries offered as follow-up suggestions.
    public var related: [String]
    /// Seed articles and clinical authorities the answer draws on.
    public var sources: [String]

    /// Creates an entry.
    public init(
        id: String, title: String, kind: Kind = .topic, answer: String,
        examples: [String], keywords: [String] = [], related: [String] = [], sources: [String] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.answer = answer
        self.examples = examples
        self.keywords = keywords
        self.related = related
        self.sources = sources
    }
}
