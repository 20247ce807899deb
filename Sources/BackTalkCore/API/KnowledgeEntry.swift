/// One answer the assistant can give, and how people ask for it.
public struct KnowledgeEntry: Sendable, Hashable, Codable, Identifiable {
    /// Whether an entry carries health information or is conversation.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Health information, with sources.
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
    /// The broad topic this entry belongs to: one of the broad entries, or its own id if it is one.
    public var topic: String
    /// The reply: the direct answer first, then the essentials, in plain language.
    public var answer: String
    /// The rest, given when the person asks for more; `nil` if the answer says it all.
    public var more: String?
    /// Other wordings of the answer for people whose facts differ: pregnancy, children, older people.
    public var variants: [Variant]
    /// Questions that should reach this entry.
    ///
    /// Only authoring reads them (replies use the index built from them): in the bundled
    /// knowledge base they are read from its compiled form the first time they are asked for.
    public var examples: [String] {
        get { exampleList.strings }
        set { exampleList = ExampleList(newValue) }
    }
    /// The examples, wherever they are.
    var exampleList: ExampleList
    /// Words or phrases that point strongly to this entry.
    public var keywords: [String]
    /// Entries offered as follow-up suggestions.
    public var related: [String]
    /// Seed articles and clinical authorities the answer draws on.
    public var sources: [String]

    /// Creates an entry; `topic` defaults to the entry's own id (a broad topic).
    public init(
        id: String, title: String, kind: Kind = .topic, topic: String? = nil, answer: String, more: String? = nil,
        variants: [Variant] = [], examples: [String], keywords: [String] = [], related: [String] = [],
        sources: [String] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.topic = topic ?? id
        self.answer = answer
        self.more = more
        self.variants = variants
        self.exampleList = ExampleList(examples)
        self.keywords = keywords
        self.related = related
        self.sources = sources
    }

    // The examples are coded under their public name.
    private enum CodingKeys: String, CodingKey {
        case id, title, kind, topic, answer, more, variants
        case exampleList = "examples"
        case keywords, related, sources
    }

    /// Whether this entry is one of the broad topics that others belong to.
    public var isBroad: Bool { topic == id }
}
