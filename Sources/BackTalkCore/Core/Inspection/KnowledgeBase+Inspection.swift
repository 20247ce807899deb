// What the authoring tools (the BackTalkAuthoring module) read of a loaded knowledge
// base: `package`, so that they see it and embedders do not.

extension KnowledgeBase {
    /// The dialogue cues' references to entries, with their lines, for lint.
    package var cueEntryReferences: [(id: String, line: Int?)] { cues.entryReferences }

    /// Each vocabulary concept with its phrases, in file order.
    package var conceptPhrases: [(concept: String, phrases: [String])] {
        vocabulary.concepts.map { ($0.name, $0.phrases) }
    }

    /// The stems a vocabulary phrase is matched by, to find a phrase listed under two concepts.
    package func conceptStems(of phrase: String) -> [String] {
        matcher.index.analyzer.stems(of: phrase)
    }

    /// How `message` is read as the first message of a conversation: the entry it reaches,
    /// the entries offered instead, and what kind of message it was taken to be.
    package func firstReading(of message: String) -> (entry: String?, offered: [String], kind: Understanding.Kind) {
        Responder(knowledgeBase: self).understandFirst(message)
    }

    /// The entry that answers `audience` about `topic`, from the dialogue cues.
    package func audienceEntry(topic: String, audience: KnowledgeEntry.Audience) -> String? {
        cues.audienceEntry(topic: topic, audience: audience)
    }
}
