/// Everything the engine remembers between messages of one conversation.
///
/// A value: save it anywhere (it is `Codable`) and hand it back with the next
/// message, so that a server can keep thousands of conversations without
/// keeping engines.
public struct Conversation: Sendable, Hashable, Codable {
    /// How many messages have been answered.
    public internal(set) var turns: Int = 0
    /// The entry answered last, if any.
    public internal(set) var lastIntent: String?
    /// Entries offered in a "which did you mean?" reply, awaiting the choice.
    var pendingChoice: [String]?
    /// Red flags reported and the follow-up under way.
    public internal(set) var triage = TriageState()

    /// A new, empty conversation.
    public init() {}
}
