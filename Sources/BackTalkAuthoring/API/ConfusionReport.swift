/// Where matching fails on a labelled set: each entry's precision, recall and
/// F1, and the pairs of entries most often taken for one another.
///
/// Every answered question counts once. A right answer counts for the label it
/// satisfied; a wrong one counts against the question's first label (a miss for
/// that entry) and for the intent it got (a false answer for that entry, when
/// it is one). `out_of_scope` is scored like an entry.
public struct ConfusionReport: Sendable, Hashable, Codable {
    /// One answered question: the label it counts for and what it counts as answered with.
    public struct Outcome: Sendable, Hashable, Codable {
        /// The label satisfied when right, else the question's first label.
        public var expected: String
        /// `expected` when right, else the intent of the reply.
        public var got: String

        /// An outcome; it is right when `got` is `expected`.
        public init(expected: String, got: String) {
            self.expected = expected
            self.got = got
        }

        /// Whether the question was answered with the label it counts for.
        public var isRight: Bool { expected == got }
    }

    /// The figures of one entry (or of `out_of_scope`).
    public struct Score: Sendable, Hashable, Codable {
        /// The entry's id, or `out_of_scope`.
        public var id: String
        /// Questions labelled with it.
        public var support: Int
        /// Questions answered with it.
        public var predicted: Int
        /// Questions labelled with it and answered with it.
        public var correct: Int
        /// Share of the questions answered with it that were labelled with it (0 if none was).
        public var precision: Double
        /// Share of the questions labelled with it that it answered (0 if none was labelled).
        public var recall: Double
        /// The harmonic mean of precision and recall.
        public var f1: Double

        /// Whether every question it was labelled with, or answered, was right.
        public var isPerfect: Bool { correct == support && correct == predicted }
    }

    /// Questions labelled `expected` answered with `got`.
    public struct Confusion: Sendable, Hashable, Codable {
        /// The label the questions count for.
        public var expected: String
        /// The intent they were answered with instead.
        public var got: String
        /// How many questions were.
        public var count: Int
    }

    /// Every label seen, worst F1 first (then most questions first, then by id).
    public var scores: [Score] = []
    /// Every wrong pair, most frequent first (then by expected, then by got).
    public var confusions: [Confusion] = []
    /// The mean F1 of the labels that questions had, each label weighing the same.
    public var macroF1 = 0.0
    /// The mean F1 of the labels that questions had, each weighed by its questions.
    public var weightedF1 = 0.0

    /// Scores `outcomes`.
    ///
    /// An intent that only ever answered wrongly is scored when it is one of `labels` (the entries and `out_of_scope`), so that
    /// replies that are no entry (asking which was meant, the triage) count only as misses.
    public init(outcomes: [Outcome] = [], labels: Set<String> = []) {
        var supports: [String: Int] = [:]
        var predictions: [String: Int] = [:]
        var rights: [String: Int] = [:]
        var pairs: [String: [String: Int]] = [:]
        for outcome in outcomes {
            supports[outcome.expected, default: 0] += 1
            if outcome.isRight {
                rights[outcome.expected, default: 0] += 1
                predictions[outcome.expected, default: 0] += 1
            } else {
                if labels.contains(outcome.got) { predictions[outcome.got, default: 0] += 1 }
                pairs[outcome.expected, default: [:]][outcome.got, default: 0] += 1
            }
        }
        scores = Set(supports.keys).union(predictions.keys).map { id in
            let support = supports[id] ?? 0
            let predicted = predictions[id] ?? 0
            let correct = rights[id] ?? 0
            let precision = predicted == 0 ? 0 : Double(correct) / Double(predicted)
            let recall = support == 0 ? 0 : Double(correct) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return Score(
                id: id, support: support, predicted: predicted, correct: correct,
                precision: precision, recall: recall, f1: f1)
        }.sorted { ($0.f1, -$0.support, $0.id) < ($1.f1, -$1.support, $1.id) }
        confusions = pairs.flatMap { expected, gots in
            gots.map { Confusion(expected: expected, got: $0.key, count: $0.value) }
        }.sorted { (-$0.count, $0.expected, $0.got) < (-$1.count, $1.expected, $1.got) }
        let labelled = scores.filter { $0.support > 0 }
        if !labelled.isEmpty {
            macroF1 = labelled.map(\.f1).reduce(0, +) / Double(labelled.count)
            weightedF1 = labelled.map { $0.f1 * Double($0.support) }.reduce(0, +) / Double(outcomes.count)
        }
    }
}
