/// The steps the matcher took for the text of one message it matched: part of a
/// reply's ``Understanding``.
public struct MatchExplanation: Sendable, Hashable, Codable {
    /// One scored entry.
    public struct Candidate: Sendable, Hashable, Codable {
        /// The entry's id.
        public var intent: String
        /// The combined score the candidates are ranked by.
        public var score: Double
        /// Best idf-weighted cosine similarity to one of the entry's examples.
        public var similarity: Double
        /// Share of the message's word weight found in the entry.
        public var coverage: Double
        /// Whether a keyword of the entry appears whole.
        public var keyword: Bool
        /// The learnt model's probability for the entry.
        public var probability: Double
    }

    /// A word changed by typo correction.
    public struct Correction: Sendable, Hashable, Codable {
        /// The word as written.
        public var from: String
        /// The knowledge base's word it was read as.
        public var to: String
    }

    /// A phrase read as a vocabulary concept.
    public struct Synonym: Sendable, Hashable, Codable {
        /// The phrase as found in the message.
        public var phrase: String
        /// The concept it stands for, such as `#spasm`.
        public var concept: String
    }

    /// The words after normalisation (case, punctuation, contractions).
    public var tokens: [String]
    /// The words typo correction changed.
    public var corrections: [Correction]
    /// The phrases read as vocabulary concepts.
    public var synonyms: [Synonym]
    /// The stems and concepts the entries were scored on: the part of the message
    /// that matched best, less its pruned words, with the conversation's words for a follow-up.
    public var terms: [String]
    /// Whether the message names the subject (back, spasm…).
    public var anchored: Bool
    /// What the matcher chose: an entry id, `clarify` or `out_of_scope`.
    public var decision: String
    /// The best five candidates.
    public var candidates: [Candidate]

    /// How many candidates are kept, best first.
    static let candidateCount = 5

    /// The explanation of `result`, naming entries as `entries` does.
    ///
    /// Copies, never formats.
    init(_ result: MatchResult, entries: [KnowledgeEntry]) {
        tokens = result.analyzed.tokens.map(\.word)
        corrections = result.analyzed.corrections.map { Correction(from: $0.from, to: $0.to) }
        synonyms = result.analyzed.concepts.map { Synonym(phrase: $0.phrase, concept: $0.concept) }
        terms = result.analyzed.terms.filter { result.segment?.contains($0.sentence) ?? true }.map(\.key)
        anchored = result.anchored
        switch result.decision {
        case .answer(let entry): decision = entries[entry].id
        case .clarify: decision = Reply.Intent.clarify.rawValue
        case .outOfScope: decision = Reply.Intent.outOfScope.rawValue
        }
        candidates = result.candidates.prefix(Self.candidateCount).map {
            Candidate(
                intent: entries[$0.entry].id, score: $0.score, similarity: $0.similarity,
                coverage: $0.coverage, keyword: $0.keywordHit, probability: $0.probability)
        }
    }
}
