extension KnowledgeEntry {
    /// People for whom an answer's facts differ.
    public enum Audience: String, Sendable, Hashable, Codable, CaseIterable {
        /// Someone who is pregnant.
        case pregnant
        /// Someone who is breastfeeding.
        case breastfeeding
        /// A child or teenager, under about 16.
        case child
        /// Someone about 65 or over.
        case older
    }

    /// The answer as it should read for one audience.
    public struct Variant: Sendable, Hashable, Codable {
        /// Who this wording is for.
        public var audience: Audience
        /// The reply for them, direct answer first.
        public var answer: String
        /// The rest for them, if any; otherwise the entry's own `more`.
        public var more: String?

        /// Creates a variant.
        public init(audience: Audience, answer: String, more: String? = nil) {
            self.audience = audience
            self.answer = answer
            self.more = more
        }
    }

    /// The variant for the first of `audiences` that has one, in the order given.
    public func variant(for audiences: [Audience]) -> Variant? {
        for audience in audiences {
            if let variant = variants.first(where: { $0.audience == audience }) { return variant }
        }
        return nil
    }
}
