/// How the matcher fares on the knowledge base's own examples when each is
/// answered by a knowledge base that never saw it: stratified K-fold cross-validation.
public struct CrossValidationReport: Sendable, Hashable, Codable {
    /// One fold: how many examples it held out, and how many of them were answered right.
    public struct Fold: Sendable, Hashable, Codable {
        /// How many examples the fold held out.
        public var heldOut: Int
        /// How many of those were answered right.
        public var right: Int
    }

    /// The folds, in order.
    public var folds: [Fold] = []
    /// The seed of the split: the same seed and examples give the same folds.
    public var seed: UInt64 = 0
    /// Every held-out example of every fold, each asked as a first message.
    ///
    /// A miss names the file and line of its example.
    public var evaluation = EvaluationReport()
}

/// Why cross-validation could not run.
public struct CrossValidationError: Error, Sendable, CustomStringConvertible {
    /// What was wrong with the request, in one sentence.
    public var description: String
}

extension KnowledgeBase {
    /// The seed of ``crossValidate(folds:seed:progress:)`` unless another is given.
    public static let crossValidationSeed: UInt64 = 0x5EED_F01D

    /// Stratified K-fold cross-validation over the examples: each entry's, and the
    /// out-of-scope examples as one more class.
    ///
    /// Every class's examples are shuffled (with `seed`) and dealt to the folds in
    /// turn, so that a class with at least `folds` examples has some in every fold.
    /// For each fold, the entries keep only the other folds' examples, the matcher
    /// learns its weights from those, and each held-out example is asked as the
    /// first message of a conversation. Deterministic; `progress` is told after
    /// each fold how many are done.
    ///
    /// - Throws: ``CrossValidationError`` if `folds` is below 2 or above the number of examples.
    public func crossValidate(
        folds: Int, seed: UInt64 = crossValidationSeed,
        progress: (_ done: Int, _ folds: Int) -> Void = { _, _ in }
    )
        throws(CrossValidationError) -> CrossValidationReport
    {
        try runCrossValidation(folds: folds, seed: seed, progress: progress)
    }
}
