extension Understanding {
    /// What a reply did, as the last step of its trace.
    ///
    /// Always the reply's own ``Reply/intent``, ``Reply/triage``,
    /// ``Reply/pendingQuestion`` and ``Reply/outcome``: a trace shown alone
    /// (logged by an ``Engine/Observer``, say) still tells what was said.
    public struct Decision: Sendable, Hashable, Codable {
        /// The entry answered, or one of ``Reply/Intent``'s special values; empty until the reply is made.
        public var intent: Reply.Intent
        /// The triage level the reply announces or concludes, if any.
        public var triage: TriageLevel?
        /// The id of the follow-up question asked, if any.
        public var question: String?
        /// The id of the triage outcome concluded, if any.
        public var outcome: String?

        /// Creates a decision.
        public init(intent: Reply.Intent = "", triage: TriageLevel? = nil, question: String? = nil, outcome: String? = nil) {
            self.intent = intent
            self.triage = triage
            self.question = question
            self.outcome = outcome
        }

        private enum CodingKeys: String, CodingKey { case intent, triage, question, outcome }

        /// Writes every key, with `null` for what the reply did not do, as ``Reply`` does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(intent, forKey: .intent)
            try container.encode(triage, forKey: .triage)
            try container.encode(question, forKey: .question)
            try container.encode(outcome, forKey: .outcome)
        }

        /// The decision `reply` carries out.
        init(of reply: Reply) {
            self.init(intent: reply.intent, triage: reply.triage, question: reply.pendingQuestion, outcome: reply.outcome)
        }
    }
}
