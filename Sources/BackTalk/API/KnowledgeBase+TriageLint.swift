extension KnowledgeBase {
    /// The ids of the follow-up questions, in file order.
    public var triageQuestions: [String] { triage.flow.questionOrder }
    /// The ids of the triage outcomes, in file order.
    public var triageOutcomes: [String] { triage.flow.outcomeOrder }

    /// The level an outcome concludes with, if `id` is an outcome.
    public func triageLevel(ofOutcome id: String) -> TriageLevel? { triage.flow.outcomes[id]?.level }

    /// Problems with the red-flag rules and the flow that do not stop them
    /// loading but would make a conversation unsafe: a red flag of CLINICAL.md
    /// no rule detects, a rule that misses its own examples, a question no one
    /// reaches, a level no path ends at, a flow that ends below the flag that
    /// started it, or a "not sure" that leads lower than a "no".
    func triageLint() -> [Diagnostic] {
        let rules = triage.rules, flow = triage.flow
        var diagnostics: [Diagnostic] = []
        func report(_ path: String, _ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(file: path, line: line, message: message))
        }

        // Every red flag is detected by a rule, and every rule by its examples.
        for row in rules.clinical where !rules.rules.contains(where: { $0.clinical == row.id }) {
            report(rules.path, row.line, "red flag `\(row.id)` is detected by no rule")
        }
        let analyzer = matcher.index.analyzer
        func status(of rule: String, in example: String) -> FlagStatus? {
            let text = analyzer.analyze(example)
            return triage.detector.detect(words: text.words, tokens: text.tokens, known: [:]).statuses[rule]
        }
        for rule in rules.rules {
            if rule.examples.isEmpty { report(rules.path, rule.line, "rule `\(rule.id)` has no examples") }
            for example in rule.examples {
                let status = status(of: rule.id, in: example)
                if status != .present {
                    report(rules.path, rule.line, "rule `\(rule.id)`: example \"\(example)\" is not detected (\(status?.rawValue ?? "not mentioned"))")
                }
            }
            for example in rule.counterExamples {
                if status(of: rule.id, in: example) == .present {
                    report(rules.path, rule.line, "rule `\(rule.id)`: \"\(example)\" is listed under `not` but is detected")
                }
            }
        }

        // The graph: reachable, complete, and never lower than it should be.
        let graph = TriageGraph(flow: flow)
        var starts = flow.flows.values.map(\.start)
        starts += rules.rules.compactMap(\.question)
        var reachedQuestions = Set<String>()
        var reachedOutcomes = Set(rules.rules.compactMap(\.outcome))
        for start in starts {
            let reached = graph.reachable(from: start)
            reachedQuestions.formUnion(reached.questions)
            reachedOutcomes.formUnion(reached.outcomes)
        }
        for id in flow.questionOrder where !reachedQuestions.contains(id) {
            report(flow.path, flow.questions[id]?.line, "question `\(id)` is never asked: no flow or rule leads to it")
        }
        for id in flow.outcomeOrder where !reachedOutcomes.contains(id) && !flow.levels.values.contains(where: { $0.outcome == id }) {
            report(flow.path, flow.outcomes[id]?.line, "outcome `\(id)` is never reached")
        }
        let levels = Set(reachedOutcomes.compactMap { flow.outcomes[$0]?.level })
        for level in TriageLevel.allCases where !levels.contains(level) {
            report(flow.path, nil, "no path ends at the level `\(level.rawValue)`")
        }
        var memo: [String: TriageLevel] = [:]
        for rule in rules.rules {
            guard let level = rule.level, let name = rule.flow, let start = flow.flows[name]?.start else { continue }
            let lowest = graph.lowestLevel(from: .question(start), memo: &memo)
            if lowest < level {
                report(rules.path, rule.line, "rule `\(rule.id)` is \(level.rawValue), but its flow `\(name)` can end at \(lowest.rawValue)")
            }
        }
        for id in flow.questionOrder {
            guard let question = flow.questions[id] else { continue }
            let unsure = graph.lowestLevel(from: question.notSure, memo: &memo)
            let no = graph.lowestLevel(from: question.no, memo: &memo)
            if unsure < no {
                report(flow.path, question.line, "question `\(id)`: \"not sure\" can end at \(unsure.rawValue), lower than \"no\" (\(no.rawValue))")
            }
        }
        return diagnostics
    }
}
