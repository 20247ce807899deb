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
    /// Replies that come from the triage rather than an entry.
    static let triageIntents: Set<Reply.Intent> = [.emergency, .triageQuestion, .triageOutcome]
    /// Labels of questions about seriousness, which the triage answers for a person's own symptoms.
    static let triageLabels: Set<String> = ["red_flags", "when_to_see_doctor"]

    /// Answers every row of a labelled file, each in a fresh conversation.
    ///
    /// The file has one row per line, `INTENT<TAB>QUESTION`, with `|` between
    /// acceptable intents; `out_of_scope` labels a question that should be turned
    /// away. Blank lines and lines starting with `#` are skipped.
    public func evaluate(tsv text: String, file: String) throws(EvaluationSetError) -> EvaluationReport {
        var rows: [LabelledQuestion] = []
        var diagnostics: [Diagnostic] = []
        let known = Set(knowledgeBase.entries.map(\.id) + [Reply.Intent.outOfScope.rawValue])
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[1].trimmingWhitespace().isEmpty,
                case let labels = fields[0].split(separator: "|").map({ $0.trimmingWhitespace() }), !labels.isEmpty
            else {
                diagnostics.append(Diagnostic(file: file, line: offset + 1, message: "expected INTENT<TAB>QUESTION"))
                continue
            }
            if let unknown = labels.first(where: { !known.contains($0) }) {
                diagnostics.append(Diagnostic(file: file, line: offset + 1, message: "unknown intent `\(unknown)`"))
                continue
            }
            rows.append(LabelledQuestion(line: offset + 1, labels: labels, question: String(fields[1])))
        }
        guard diagnostics.isEmpty else { throw EvaluationSetError(diagnostics: diagnostics) }
        if rows.isEmpty {
            throw EvaluationSetError(diagnostics: [Diagnostic(file: file, line: nil, message: "no labelled questions")])
        }

        let (report, outcomes) = evaluate(rows)
        var scored = report
        scored.confusion = ConfusionReport(outcomes: outcomes, labels: scoredLabels)
        return scored
    }

    /// The entry ids and `out_of_scope`: the intents a confusion report scores.
    var scoredLabels: Set<String> { Set(knowledgeBase.entries.map(\.id) + [Reply.Intent.outOfScope.rawValue]) }

    /// Answers every question, each as the first message of a conversation; the
    /// report leaves the confusion report to the caller, which may pool several.
    func evaluate(_ rows: [LabelledQuestion]) -> (EvaluationReport, [ConfusionReport.Outcome]) {
        var report = EvaluationReport()
        var outcomes: [ConfusionReport.Outcome] = []
        for row in rows {
            var conversation = Conversation()
            let reply = reply(to: row.question, in: &conversation)
            let offered = conversation.pendingChoice ?? []
            let outOfScope = row.labels == [Reply.Intent.outOfScope.rawValue]
            var correct = accepts(row.labels, reply: reply, offered: offered)
            // "I have nothing on that" turns a question away as surely as "that's not my subject".
            if outOfScope && reply.intent == Reply.Intent.notCovered { correct = true }
            // "Should I see someone?" about one's own symptoms is answered by the
            // triage: its questions and levels are the right reply to those labels.
            let triaged = Self.triageIntents.contains(reply.intent) && row.labels.contains(where: Self.triageLabels.contains)
            if triaged { correct = true }
            if reply.intent == Reply.Intent.clarify && !outOfScope { report.clarified += 1 }
            if outOfScope {
                report.outOfScope += 1
                if correct { report.outOfScopeRejected += 1 }
            } else {
                report.inScope += 1
                if correct { report.inScopeCorrect += 1 }
            }
            if correct {
                let satisfied =
                    row.labels.first { accepts([$0], reply: reply, offered: offered) }
                    ?? (triaged ? row.labels.first(where: Self.triageLabels.contains) : nil)
                let label = satisfied ?? row.labels.first ?? ""
                outcomes.append(.init(expected: label, got: label))
            } else {
                report.misses.append(
                    .init(
                        file: row.file, line: row.line, question: row.question, expected: row.labels,
                        got: reply.intent.rawValue, confidence: reply.confidence, understanding: reply.understanding))
                outcomes.append(.init(expected: row.labels.first ?? "", got: reply.intent.rawValue))
            }
        }
        return (report, outcomes)
    }
}

/// One question of a labelled set: the acceptable labels, and where it is.
struct LabelledQuestion: Sendable {
    /// The file it is in, when it is not the file evaluated.
    var file: String?
    var line: Int
    var labels: [String]
    var question: String

    init(file: String? = nil, line: Int, labels: [String], question: String) {
        self.file = file
        self.line = line
        self.labels = labels
        self.question = question
    }
}
