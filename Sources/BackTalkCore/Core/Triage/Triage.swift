import Yams

/// The red-flag triage: the vocabulary, the rules and the flow, checked against each other.
struct Triage: Sendable {
    let lexicon: TriageLexicon
    /// A variable only so that reading the compiled form can hand the rules their examples.
    var rules: TriageRules
    let flow: TriageFlow
    let reader: MessageReader
    /// Findings whose mention in a general question earns an offer of the check.
    let offerFindings: Set<String>
    /// Findings the one question alongside an answer asks about.
    let screenFindings: Set<Int>

    /// The finding that says a person has back pain: someone describing theirs
    /// is asked what people leave out.
    static let backPain = "back_pain"

    /// The files of `triage/`, by name.
    static let fileNames = ["context.yaml", "findings.yaml", "flow.yaml", "rules.yaml"]

    /// Reads the four files, in the order they depend on each other: the
    /// context words, the findings (with those the questions report), the
    /// flow, then the rules over them.
    static func load(_ roots: [String: (root: Node, path: String)], tokenizer: Tokenizer) -> (Triage?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let contextFile = roots["context.yaml"], let findingsFile = roots["findings.yaml"],
            let flowFile = roots["flow.yaml"], let rulesFile = roots["rules.yaml"]
        else { return (nil, []) }
        var reader = YAMLReader(file: contextFile.path)
        let context = TriageParser.parseContext(contextFile.root, tokenizer: tokenizer, reader: &reader)
        diagnostics += reader.diagnostics
        guard let context else { return (nil, diagnostics) }

        reader = YAMLReader(file: findingsFile.path)
        let lexicon = TriageParser.parseFindings(
            findingsFile.root, context: context,
            extraFindings: TriageParser.askedFindings(flowFile.root), tokenizer: tokenizer, reader: &reader)
        diagnostics += reader.diagnostics
        guard let lexicon else { return (nil, diagnostics) }

        reader = YAMLReader(file: flowFile.path)
        let flow = TriageParser.parseFlow(flowFile.root, lexicon: lexicon, tokenizer: tokenizer, reader: &reader)
        diagnostics += reader.diagnostics
        reader = YAMLReader(file: rulesFile.path)
        let rules = TriageParser.parseRules(rulesFile.root, lexicon: lexicon, reader: &reader)
        diagnostics += reader.diagnostics
        guard let flow, let rules, diagnostics.isEmpty else { return (nil, diagnostics) }
        return assemble(lexicon: lexicon, rules: rules, flow: flow, clauseWords: tokenizer.lexicon.clauseWords)
    }

    /// Joins the files, reporting references that lead nowhere.
    static func assemble(
        lexicon: TriageLexicon, rules: TriageRules, flow: TriageFlow, clauseWords: Set<String>
    ) -> (Triage?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(file: rules.path, line: line, message: message))
        }
        for rule in rules.rules {
            for (id, level, what) in [(rule.outcome, rule.level, "outcome"), (rule.unsureOutcome, rule.unsureLevel, "unsure outcome")] {
                guard let id else { continue }
                if let outcome = flow.outcomes[id] {
                    if outcome.level != level {
                        report(
                            rule.line,
                            "rule `\(rule.id)`: \(what) `\(id)` is \(outcome.level.rawValue), but the rule says \(level?.rawValue ?? "no level")"
                        )
                    }
                } else {
                    report(rule.line, "rule `\(rule.id)`: \(what) `\(id)` is not in \(flow.path)")
                }
            }
            if let name = rule.check, flow.checks[name] == nil {
                report(rule.line, "rule `\(rule.id)`: check `\(name)` is not in \(flow.path)")
            }
            if let id = rule.question, flow.questions[id] == nil {
                report(rule.line, "rule `\(rule.id)`: question `\(id)` is not in \(flow.path)")
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        var offer = Set(lexicon.findings.filter(\.offer).map(\.id))
        for rule in rules.rules where (rule.level ?? .selfCare) >= .urgent {
            for line in rule.when where line.count > 0 {
                for case .finding(let finding) in line where lexicon.findings[finding].id != backPain {
                    offer.insert(lexicon.findings[finding].id)
                }
            }
        }
        var screen = Set<Int>()
        for id in flow.checks[flow.screenCheck]?.questions ?? [] {
            if let question = flow.questions[id] { screen.formUnion(question.covers + [question.asks]) }
        }
        let reader = MessageReader(lexicon: lexicon, clauseWords: clauseWords)
        return (Triage(lexicon: lexicon, rules: rules, flow: flow, reader: reader, offerFindings: offer, screenFindings: screen), [])
    }
}
