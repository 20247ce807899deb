/// Accuracy of the engine on a labelled set of questions.
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// A question the engine answered with an intent it was not labelled with.
    public struct Miss: Sendable, Hashable, Codable {
        /// The file the question is in, when it is not the file evaluated (cross-validation).
        public var file: String?
        /// The 1-based line of the question in its file.
        public var line: Int
        /// The question, as written in the file.
        public var question: String
        /// The intents it was labelled with, any of which would have been right.
        public var expected: [String]
        /// The intent it was answered with.
        public var got: String
        /// How sure the matcher was of that answer, in 0...1.
        public var confidence: Double
        /// The reply's trace: what the question was taken to be, and why it got what it got.
        ///
        /// Nil only in a report written before traces were kept.
        public var understanding: Understanding?
    }

    /// Rows whose label is a knowledge entry.
    public var inScope = 0
    /// In-scope rows answered with a labelled entry (or a "which did you mean?" offering one).
    public var inScopeCorrect = 0
    /// In-scope rows answered by asking which of two entries was meant.
    public var clarified = 0
    /// Rows labelled `out_of_scope`.
    public var outOfScope = 0
    /// Out-of-scope rows that got the out-of-scope reply.
    public var outOfScopeRejected = 0
    /// The rows answered wrongly, in file order.
    public var misses: [Miss] = []
    /// Each entry's precision, recall and F1, and the entries taken for one another.
    public var confusion = ConfusionReport()

    /// Top-1 accuracy on in-scope rows, in 0...1.
    public var accuracy: Double { inScope == 0 ? 0 : Double(inScopeCorrect) / Double(inScope) }
    /// Share of out-of-scope rows rejected, in 0...1.
    public var rejectionRate: Double { outOfScope == 0 ? 0 : Double(outOfScopeRejected) / Double(outOfScope) }
}

/// Why a labelled file could not be evaluated.
public struct EvaluationSetError: Error, Sendable, CustomStringConvertible {
    /// Every malformed line, by file and line.
    public var diagnostics: [Diagnostic]
    /// The diagnostics, one `FILE:LINE: message` a line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Engine {
    /// Answers every row of a labelled file, each in a fresh conversation.
    ///
    /// The file has one row per line, `INTENT<TAB>QUESTION`, with `|` between
    /// acceptable intents; `out_of_scope` labels a question that should be turned
    /// away. Blank lines and lines starting with `#` are skipped.
    public func evaluate(tsv text: String, file: String) throws(EvaluationSetError) -> EvaluationReport {
        try runQuestionSet(tsv: text, file: file)
    }
}
