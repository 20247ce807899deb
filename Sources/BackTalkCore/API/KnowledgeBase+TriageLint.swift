extension KnowledgeBase {
    /// The ids of the follow-up questions, in file order.
    public var triageQuestions: [String] { triage.flow.questionOrder }
    /// The ids of the triage outcomes, in file order.
    public var triageOutcomes: [String] { triage.flow.outcomeOrder }
    /// The ids of the triage rules, in file order.
    public var triageRules: [String] { triage.rules.rules.map(\.id) }
    /// The rows of the clinical red-flag table the rules implement, in file order.
    public var clinicalRows: [String] { triage.rules.clinical.map(\.id) }

    /// The level an outcome concludes with, if `id` is an outcome.
    public func triageLevel(ofOutcome id: String) -> TriageLevel? { triage.flow.outcomes[id]?.level }

    /// The most questions one check may ask: more, and people give up.
    public static let maximumCheckQuestions = 6

    /// Problems with the triage that do not stop it loading but would make a
    /// conversation unsafe: a row of the red-flag table no rule implements, a
    /// rule that misses its own examples or fires on a counter-example, a
    /// question no one asks, a check too long, an outcome no one reaches, a
    /// rewording that reverses yes and no, or a safety net that softens a 999 sign.
    func triageLint() -> [Diagnostic] {
        let rules = triage.rules
        let flow = triage.flow
        var diagnostics: [Diagnostic] = []
        func report(_ path: String, _ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(file: path, line: line, message: message))
        }

        // Every red flag is implemented by a rule, and every rule by its examples.
        for row in rules.clinical where !rules.rules.contains(where: { $0.clinical == row.id }) {
            report(rules.path, row.line, "red flag `\(row.id)` is implemented by no rule")
        }
        for rule in rules.rules {
            if let id = rule.entry, entry(id: id) == nil {
                report(rules.path, rule.line, "rule `\(rule.id)`: `entry` names `\(id)`, which is not an entry")
            }
            // A rule that only answers to questions ("yes" to "any chest pain?") has nothing to write.
            let answersOnly = rule.when.joined().allSatisfy { condition in
                if case .finding(let finding) = condition { return triage.lexicon.findings[finding].alternatives.isEmpty }
                return false
            }
            if rule.examples.isEmpty && !answersOnly { report(rules.path, rule.line, "rule `\(rule.id)` has no examples") }
            for example in rule.examples where !firedRules(after: example).contains(rule.id) {
                report(rules.path, rule.line, "rule `\(rule.id)`: example \"\(example)\" does not reach it")
            }
            for example in rule.counterExamples where firedRules(after: example).contains(rule.id) {
                report(rules.path, rule.line, "rule `\(rule.id)`: \"\(example)\" is listed under `not` but reaches it")
            }
            if rule.level == .emergency, rule.question != nil, rule.unsureLevel == nil {
                report(rules.path, rule.line, "rule `\(rule.id)`: say under `unsure` what a \"not sure\" to its question leads to")
            }
            if let unsure = rule.unsureLevel, let level = rule.level, unsure < .urgent, level == .emergency {
                report(rules.path, rule.line, "rule `\(rule.id)`: \"not sure\" about an emergency sign should reach at least urgent")
            }
        }

        // Questions: asked by something, short checks, and "yes" always means the sign.
        var used = Set(flow.checks.values.flatMap(\.questions))
        used.formUnion(rules.rules.compactMap(\.question))
        for id in flow.questionOrder where !used.contains(id) {
            report(flow.path, flow.questions[id]?.line, "question `\(id)` is never asked: no check or rule names it")
        }
        for check in flow.checks.values.sorted(by: { $0.name < $1.name }) {
            let longest = longestPath(through: check.questions[...], person: TriagePerson(), asked: 0)
            if longest > Self.maximumCheckQuestions {
                report(
                    flow.path, check.line,
                    "check `\(check.name)` can ask \(longest) questions; at most \(Self.maximumCheckQuestions) keep people answering")
            }
        }
        for id in flow.questionOrder {
            guard let question = flow.questions[id] else { continue }
            for wording in [question.ask] + question.rephrasings where Self.reversesYesAndNo(wording) {
                report(flow.path, question.line, "question `\(id)`: \"\(wording)\" makes \"yes\" mean the sign is absent")
            }
        }

        // Outcomes: reached, and every level reachable.
        var reached = Set(rules.rules.compactMap(\.outcome) + rules.rules.compactMap(\.unsureOutcome) + ["self_care"])
        reached.formUnion(flow.levels.values.map(\.outcome))
        for id in flow.outcomeOrder where !reached.contains(id) {
            report(flow.path, flow.outcomes[id]?.line, "outcome `\(id)` is never reached")
        }
        let levels = Set(reached.compactMap { flow.outcomes[$0]?.level })
        for level in TriageLevel.allCases where !levels.contains(level) {
            report(flow.path, nil, "no outcome concludes at the level `\(level.rawValue)`")
        }
        for id in flow.outcomeOrder {
            guard let outcome = flow.outcomes[id] else { continue }
            if let softening = Self.softeningPhrase(in: outcome.text) {
                report(
                    flow.path, outcome.line,
                    "outcome `\(id)`: \"\(softening)\" softens a warning sign; say what to do: \"call 999, 911 or 112 at once\"")
            }
        }
        for entry in entries {
            guard let softening = Self.softeningPhrase(in: entry.answer), let (path, lines) = entryFiles[entry.id] else { continue }
            report(path, lines["answer"], "\"\(softening)\" softens a warning sign; say what to do: \"call 999, 911 or 112 at once\"")
        }
        return diagnostics
    }

    /// The most questions `questions` can ask, over every combination of answers.
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
    func firedRules(after message: String) -> Set<String> {
        var state = TriageState()
        let analyzed = matcher.index.analyzer.analyze(message)
        let responder = TriageResponder(triage: triage)
        let reading = triage.reader.read(analyzed, experiencers: state.experiencers)
        _ = responder.decide(analyzed, reading: reading, state: &state)
        return Set(responder.evaluate(state).map { triage.rules.rules[$0.rule].id })
    }

    /// Whether a wording asks for "yes" when the sign is absent ("If not, answer yes").
    static func reversesYesAndNo(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("if not, answer yes") || lower.contains("if not answer yes") || lower.contains("answer yes if not")
    }

    /// A phrase that sends someone with a warning sign back later instead of
    /// to help now, in a sentence that names a warning sign.
    static func softeningPhrase(in text: String) -> String? {
        let sentences = text.lowercased().split(whereSeparator: { ".!?\n".contains($0) })
        for sentence in sentences {
            guard let phrase = ["come back", "get help sooner", "seek help sooner", "see a doctor sooner"].first(where: sentence.contains)
            else { continue }
            if ["numb", "bladder", "bowel", "pee", "weak", "chest", "fever", "999", "warning", "tingl", "breath", "faint"].contains(
                where: sentence.contains)
            {
                return phrase
            }
        }
        return nil
    }
}
