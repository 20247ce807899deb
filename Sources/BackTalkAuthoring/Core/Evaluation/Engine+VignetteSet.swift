// The logic behind `Engine.evaluateVignettes(tsv:file:)`.

extension Engine {
    func runVignetteSet(tsv text: String, file: String) throws(EvaluationSetError) -> VignetteReport {
        var report = VignetteReport()
        var diagnostics: [Diagnostic] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard fields.count >= 4, let gold = TriageLevel(rawValue: fields[2]) else {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: offset + 1,
                        message: "expected ID<TAB>GROUP<TAB>LEVEL<TAB>MESSAGE, with LEVEL one of emergency, urgent, see_doctor, self_care"))
                continue
            }
            let messages = fields[3...].filter { !$0.isEmpty }
            var conversation = Conversation()
            var replies: [Reply] = []
            for message in messages { replies.append(reply(to: message, in: &conversation)) }
            var answered = 0
            while let last = replies.last, last.expectsAnswer, last.pendingQuestion != nil, answered < Self.vignetteAnswerLimit {
                replies.append(reply(to: "no", in: &conversation))
                answered += 1
            }
            let reached = replies.compactMap(\.triage).max() ?? .selfCare
            report.results.append(
                .init(
                    line: offset + 1, id: fields[0], group: fields[1], gold: gold, reached: reached,
                    emergencyEarly: replies.prefix(messages.count + 1).contains { $0.triage == .emergency }, messages: Array(messages),
                    outcome: replies.last(where: { $0.outcome != nil })?.outcome))
        }
        guard diagnostics.isEmpty else { throw EvaluationSetError(diagnostics: diagnostics) }
        if report.results.isEmpty {
            throw EvaluationSetError(diagnostics: [Diagnostic(file: file, line: nil, message: "no vignettes")])
        }
        return report
    }
    /// How many unanswered safety questions a vignette answers "no" to before giving up.
    static let vignetteAnswerLimit = 12

}
