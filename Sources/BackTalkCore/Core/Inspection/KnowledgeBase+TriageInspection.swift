// The triage of a loaded knowledge base, for triage lint (BackTalkAuthoring): its outline,
// and two probes that run the engine's own triage.

extension KnowledgeBase {
    /// The triage's rules, questions, checks and outcomes as plain values.
    package var triageOutline: TriageOutline {
        let rules = triage.rules
        let flow = triage.flow
        var outline = TriageOutline(
            rulesPath: rules.path, flowPath: flow.path,
            clinical: rules.clinical.map { .init(id: $0.id, line: $0.line) },
            rules: rules.rules.map { rule in
                .init(
                    id: rule.id, clinical: rule.clinical, entry: rule.entry, level: rule.level, outcome: rule.outcome,
                    unsureLevel: rule.unsureLevel, unsureOutcome: rule.unsureOutcome, question: rule.question,
                    examples: rule.exampleList.strings, counterExamples: rule.counterExampleList.strings,
                    answersOnly: rule.when.joined().allSatisfy { condition in
                        if case .finding(let finding) = condition { return triage.lexicon.findings[finding].alternatives.isEmpty }
                        return false
                    },
                    line: rule.line)
            },
            questions: flow.questionOrder.compactMap { id in
                flow.questions[id].map { .init(id: id, wordings: [$0.ask] + $0.rephrasings, line: $0.line) }
            },
            checks: flow.checks.values.sorted(by: { $0.name < $1.name }).map {
                .init(name: $0.name, questions: $0.questions, line: $0.line)
            },
            outcomes: flow.outcomeOrder.compactMap { id in
                flow.outcomes[id].map { .init(id: id, level: $0.level, text: $0.text, line: $0.line) }
            },
            levelOutcomes: flow.levels.values.map(\.outcome),
            defaultOutcome: flow.clearOutcome)
        outline.reversedYes = flow.lint.reversedYes
        outline.softening = flow.lint.softening
        outline.warningSigns = flow.lint.warningSigns
        return outline
    }

    /// The most questions `check` can ask, over every combination of answers.
    package func longestPath(ofCheck check: String) -> Int {
        longestPath(through: (triage.flow.checks[check]?.questions ?? [])[...], person: TriagePerson(), asked: 0)
    }

    private func longestPath(through questions: ArraySlice<String>, person: TriagePerson, asked: Int) -> Int {
        var rest = questions
        while let id = rest.popFirst() {
            guard let question = triage.flow.questions[id], question.isWorthAsking(for: person, lexicon: triage.lexicon) else { continue }
            return [Answer.yes, .no].map {
                longestPath(through: rest, person: question.recording($0, for: person, lexicon: triage.lexicon), asked: asked + 1)
            }.max() ?? asked + 1
        }
        return asked
    }

    /// The rules that hold after `message`, said in a new conversation.
    package func firedRules(after message: String) -> Set<String> {
        var state = TriageState()
        let analyzed = matcher.index.analyzer.analyze(message)
        let responder = TriageResponder(triage: triage)
        let reading = triage.reader.read(analyzed, experiencers: state.experiencers)
        _ = responder.decide(analyzed, reading: reading, state: &state)
        return Set(responder.evaluate(state).map { triage.rules.rules[$0.rule].id })
    }
}
