/// The red-flag rules and the follow-up flow, checked against each other.
struct Triage: Sendable {
    let rules: RedFlagRules
    let flow: TriageFlow
    let detector: RedFlagDetector

    /// Joins the two files, reporting references that lead nowhere and cycles,
    /// which would stop a conversation from ever reaching an outcome.
    static func assemble(rules: RedFlagRules, flow: TriageFlow) -> (Triage?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ path: String, _ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(file: path, line: line, message: message))
        }
        let ruleIDs = Set(rules.rules.map(\.id))
        for rule in rules.rules {
            if let id = rule.outcome {
                if let outcome = flow.outcomes[id] {
                    if outcome.level != rule.level {
                        report(rules.path, rule.line, "rule `\(rule.id)`: outcome `\(id)` is \(outcome.level.rawValue), but the rule is \(rule.level?.rawValue ?? "without a level")")
                    }
                } else {
                    report(rules.path, rule.line, "rule `\(rule.id)`: outcome `\(id)` is not in \(flow.path)")
                }
            }
            if let name = rule.flow, flow.flows[name] == nil {
                report(rules.path, rule.line, "rule `\(rule.id)`: flow `\(name)` is not in \(flow.path)")
            }
            if let id = rule.question {
                if let question = flow.questions[id] {
                    if !question.covers.contains(rule.id) {
                        report(rules.path, rule.line, "rule `\(rule.id)`: question `\(id)` does not list `\(rule.id)` under `covers`")
                    }
                } else {
                    report(rules.path, rule.line, "rule `\(rule.id)`: question `\(id)` is not in \(flow.path)")
                }
            } else if rule.level != nil {
                report(rules.path, rule.line, "rule `\(rule.id)`: needs a `question` to ask when the person is unsure")
            }
        }
        for id in flow.questionOrder {
            let question = flow.questions[id]!
            for covered in question.covers where !ruleIDs.contains(covered) {
                report(flow.path, question.line, "question `\(id)`: `covers` names `\(covered)`, which is not a rule in \(rules.path)")
            }
        }
        if let cycle = TriageGraph(flow: flow).cycle() {
            report(flow.path, flow.questions[cycle[0]]?.line, "the questions loop: \(cycle.joined(separator: " -> "))")
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (Triage(rules: rules, flow: flow, detector: RedFlagDetector(rules: rules)), [])
    }
}
