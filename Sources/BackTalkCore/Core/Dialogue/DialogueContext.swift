/// What the conversation is about, for reading the next message: the entry
/// answered last, whether its details were given, and the words of the
/// question that led there (for "what about…?" and "is it safe?").
struct DialogueContext: Sendable, Hashable, Codable {
    /// The entry answered last.
    var entry: String?
    /// Whether the last entry's `more` has been given.
    var gaveMore = false
    /// Term keys of the last question that reached an entry: its subject words.
    var terms: [String] = []
    /// Entries answered in this conversation, most recent last (at most a few).
    var visited: [String] = []

    static let maximumTerms = 24
    static let maximumVisited = 12

    /// Makes `entry` what follow-ups lean on without its having been said (a warning sign's entry).
    mutating func lean(on entry: String, terms: [String]) {
        self.entry = entry
        gaveMore = false
        if !terms.isEmpty { self.terms = Array(terms.prefix(Self.maximumTerms)) }
    }

    /// Whether `entry` was the last answer given (not only leant on).
    func gave(_ entry: String) -> Bool { visited.last == entry && self.entry == entry }

    /// Whether asking about `entry` again should get its details: it was the last answer, and they are still to come.
    func detailsNext(_ entry: KnowledgeEntry) -> Bool { entry.more != nil && !gaveMore && gave(entry.id) }

    mutating func answered(_ entry: String, terms: [String]) {
        self.entry = entry
        gaveMore = false
        if !terms.isEmpty { self.terms = Array(terms.prefix(Self.maximumTerms)) }
        visited.removeAll { $0 == entry }
        visited.append(entry)
        if visited.count > Self.maximumVisited { visited.removeFirst(visited.count - Self.maximumVisited) }
    }
}
