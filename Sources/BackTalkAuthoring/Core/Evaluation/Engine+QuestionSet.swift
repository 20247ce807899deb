// The logic behind `Engine.evaluate(tsv:file:)`: reading a labelled question file and answering it.

extension Engine {
    func runQuestionSet(tsv text: String, file: String) throws(EvaluationSetError) -> EvaluationReport {
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
    /// Replies that come from the triage rather than an entry.
    static let triageIntents: Set<Reply.Intent> = [.emergency, .triageQuestion, .triageOutcome]
    /// Labels of questions about seriousness, which the triage answers for a person's own symptoms.
    static let triageLabels: Set<String> = ["red_flags", "when_to_see_doctor"]

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
