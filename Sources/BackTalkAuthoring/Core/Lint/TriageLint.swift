/// The checks behind ``KnowledgeBase/lint()`` on the triage: a safe conversation, not only a valid file.
struct TriageLint {
    let knowledgeBase: KnowledgeBase

    func diagnostics() -> [Diagnostic] {
        let outline = knowledgeBase.triageOutline
        var diagnostics: [Diagnostic] = []
        func report(_ path: String, _ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(file: path, line: line, message: message))
        }

        // Every red flag is implemented by a rule, and every rule by its examples.
        let rulesPath = outline.rulesPath
        for row in outline.clinical where !outline.rules.contains(where: { $0.clinical == row.id }) {
            report(rulesPath, row.line, "red flag `\(row.id)` is implemented by no rule")
        }
        for rule in outline.rules {
            if let id = rule.entry, knowledgeBase.entry(id: id) == nil {
                report(rulesPath, rule.line, "rule `\(rule.id)`: `entry` names `\(id)`, which is not an entry")
            }
            // A rule that only answers to questions ("yes" to "any chest pain?") has nothing to write.
            if rule.examples.isEmpty && !rule.answersOnly { report(rulesPath, rule.line, "rule `\(rule.id)` has no examples") }
            for example in rule.examples where !knowledgeBase.firedRules(after: example).contains(rule.id) {
                report(rulesPath, rule.line, "rule `\(rule.id)`: example \"\(example)\" does not reach it")
            }
            for example in rule.counterExamples where knowledgeBase.firedRules(after: example).contains(rule.id) {
                report(rulesPath, rule.line, "rule `\(rule.id)`: \"\(example)\" is listed under `not` but reaches it")
            }
            if rule.level == .emergency, rule.question != nil, rule.unsureLevel == nil {
                report(rulesPath, rule.line, "rule `\(rule.id)`: say under `unsure` what a \"not sure\" to its question leads to")
            }
            if let unsure = rule.unsureLevel, let level = rule.level, unsure < .urgent, level == .emergency {
                report(rulesPath, rule.line, "rule `\(rule.id)`: \"not sure\" about an emergency sign should reach at least urgent")
            }
        }

        // Questions: asked by something, short checks, and "yes" always means the sign.
        let flowPath = outline.flowPath
        var used = Set(outline.checks.flatMap(\.questions))
        used.formUnion(outline.rules.compactMap(\.question))
        for question in outline.questions where !used.contains(question.id) {
            report(flowPath, question.line, "question `\(question.id)` is never asked: no check or rule names it")
        }
        let maximum = KnowledgeBase.maximumCheckQuestions
        for check in outline.checks {
            let longest = knowledgeBase.longestPath(ofCheck: check.name)
            if longest > maximum {
                report(flowPath, check.line, "check `\(check.name)` can ask \(longest) questions; at most \(maximum) keep people answering")
            }
        }
        for question in outline.questions {
            for wording in question.wordings where Self.reversesYesAndNo(wording, phrases: outline.reversedYes) {
                report(flowPath, question.line, "question `\(question.id)`: \"\(wording)\" makes \"yes\" mean the sign is absent")
            }
        }

        // Outcomes: reached, and every level reachable.
        var reached = Set(
            outline.rules.compactMap(\.outcome) + outline.rules.compactMap(\.unsureOutcome) + [outline.defaultOutcome])
        reached.formUnion(outline.levelOutcomes)
        for outcome in outline.outcomes where !reached.contains(outcome.id) {
            report(flowPath, outcome.line, "outcome `\(outcome.id)` is never reached")
        }
        let levels = Set(outline.outcomes.filter { reached.contains($0.id) }.map(\.level))
        for level in TriageLevel.allCases where !levels.contains(level) {
            report(flowPath, nil, "no outcome concludes at the level `\(level.rawValue)`")
        }
        for outcome in outline.outcomes {
            if let softening = Self.softeningPhrase(in: outcome.text, outline) {
                report(
                    flowPath, outcome.line,
                    "outcome `\(outcome.id)`: \"\(softening)\" softens a warning sign; say what to do: \"call 999, 911 or 112 at once\"")
            }
        }
        for entry in knowledgeBase.entries {
            guard let softening = Self.softeningPhrase(in: entry.answer, outline), let (path, lines) = knowledgeBase.entryFiles[entry.id]
            else { continue }
            report(path, lines["answer"], "\"\(softening)\" softens a warning sign; say what to do: \"call 999, 911 or 112 at once\"")
        }
        return diagnostics
    }

    /// Whether a wording asks for "yes" when the sign is absent ("If not, answer yes"):
    /// whether it holds one of `phrases` (`lint.reversed_yes` in `flow.yaml`).
    static func reversesYesAndNo(_ text: String, phrases: [String]) -> Bool {
        let lower = text.lowercased()
        return phrases.contains(where: lower.contains)
    }

    /// A phrase that sends someone with a warning sign back later instead of
    /// to help now, in a sentence that names a warning sign (`lint.softening`
    /// and `lint.warning_signs` in `flow.yaml`).
    static func softeningPhrase(in text: String, _ outline: TriageOutline) -> String? {
        let sentences = text.lowercased().split(whereSeparator: { ".!?\n".contains($0) })
        for sentence in sentences {
            guard let phrase = outline.softening.first(where: sentence.contains) else { continue }
            if outline.warningSigns.contains(where: sentence.contains) { return phrase }
        }
        return nil
    }
}
