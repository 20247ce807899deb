/// Whether specific questions get replies that contain what was asked.
///
/// Each question comes with patterns for the facts its first reply must
/// contain ("how much ibuprofen in a day?" must say 1,200 mg).
public struct FactReport: Sendable, Hashable, Codable {
    /// One question and what its reply lacked.
    public struct Result: Sendable, Hashable, Codable {
        /// The 1-based line of the question in its file.
        public var line: Int
        /// The question's id.
        public var id: String
        /// The question, as written in the file.
        public var question: String
        /// The entry (or reply kind) that answered.
        public var got: String
        /// The patterns the reply did not match.
        public var missing: [String]
        /// Whether the reply matched every pattern.
        public var isRight: Bool { missing.isEmpty }
    }

    /// Every question, in file order.
    public var results: [Result] = []

    /// A report over `results`, for combining several files.
    public init(results: [Result] = []) {
        self.results = results
    }

    /// Share of questions whose reply contains every fact asked for.
    public var accuracy: Double {
        results.isEmpty ? 0 : Double(results.filter(\.isRight).count) / Double(results.count)
    }
}

extension Engine {
    /// Asks every question of a file, each as the first message of a conversation,
    /// and checks its reply against the question's patterns.
    ///
    /// Each line is `ID<TAB>QUESTION<TAB>PATTERN[<TAB>PATTERN…]`: every pattern
    /// (a regular expression, matched ignoring case) must be found in the reply.
    public func evaluateFacts(tsv text: String, file: String) throws(EvaluationSetError) -> FactReport {
        try runFactSet(tsv: text, file: file)
    }
}
