import Yams

/// Reads `triage/red_flags.yaml` and `triage/flow.yaml`, reporting every
/// problem with its file and line.
enum TriageParser {
    static let ruleFields: Set<String> = [
        "id", "clinical", "level", "outcome", "flow", "question", "with", "when", "notice", "examples", "not",
    ]
    static let questionFields: Set<String> = ["covers", "ask", "rephrase", "text_from", "yes", "no", "not_sure"]

    // MARK: red_flags.yaml

    static func parseRules(_ file: KnowledgeFile, reader: inout YAMLReader) -> RedFlagRules? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the red-flag rules") else { return nil }
        reader.rejectUnknownKeys(in: map, known: ["window", "fillers", "ignore", "negation", "uncertainty", "clinical", "signs", "rules"])

        var window = 12
        if let node = map["window"] {
            if let value = node.int, value > 0 { window = value } else { reader.report(node, "`window` should be a whole number above 0") }
        }
        func phrases(_ key: String) -> [String] {
            reader.value(key, in: map, at: root, required: true).flatMap { reader.strings($0, key) } ?? []
        }
        let fillers = Set(phrases("fillers").flatMap { Tokenizer.tokenize($0).map(\.word) })
        let negation = phrases("negation").map(PhrasePattern.init)
        let ignored = (map["ignore"].flatMap { reader.strings($0, "ignore") } ?? []).map(PhrasePattern.init)
        let uncertainty = phrases("uncertainty").map(PhrasePattern.init)

        var clinical: [(String, String, Int?)] = []
        if let node = reader.value("clinical", in: map, at: root, required: true), let rows = reader.mapping(node, "`clinical`") {
            for (key, value) in rows {
                guard let id = reader.string(key, "red flag id"), let text = reader.string(value, id) else { continue }
                clinical.append((id, text, key.mark?.line))
            }
        }

        var signs: [RedFlagRules.Sign] = []
        var signIndex: [String: Int] = [:]
        if let node = reader.value("signs", in: map, at: root, required: true), let list = reader.mapping(node, "`signs`") {
            for (key, value) in list {
                guard let name = reader.string(key, "sign name"), let texts = reader.strings(value, name) else { continue }
                if texts.isEmpty { reader.report(value, "sign `\(name)` has no phrases") }
                for text in texts where PhrasePattern(text).words.isEmpty {
                    reader.report(value, "sign `\(name)`: \"\(text)\" has no words")
                }
                signIndex[name] = signs.count
                signs.append(.init(name: name, phrases: texts.map(PhrasePattern.init).filter { !$0.words.isEmpty }))
            }
        }

        var rules: [RedFlagRules.Rule] = []
        if let node = reader.value("rules", in: map, at: root, required: true) {
            guard case .sequence(let items) = node else {
                reader.report(node, "`rules` should be a list")
                return nil
            }
            for item in items {
                if let rule = parseRule(item, signIndex: signIndex, reader: &reader) { rules.append(rule) }
            }
        }
        var seen = Set<String>()
        for rule in rules where !seen.insert(rule.id).inserted {
            reader.report(line: rule.line, "duplicate rule id `\(rule.id)`")
        }
        let ids = Set(rules.map(\.id))
        let clinicalIDs = Set(clinical.map(\.0))
        for rule in rules {
            for required in rule.requires where !ids.contains(required) {
                reader.report(line: rule.line, "rule `\(rule.id)`: `with` names `\(required)`, which is not a rule")
            }
            if let row = rule.clinical, !clinicalIDs.contains(row) {
                reader.report(line: rule.line, "rule `\(rule.id)`: `clinical` names `\(row)`, which is not listed under `clinical`")
            }
        }
        return RedFlagRules(signs: signs, rules: rules, fillers: fillers, ignored: ignored, negationCues: negation, uncertaintyCues: uncertainty,
                            clinical: clinical, window: window, path: file.path)
    }

    private static func parseRule(_ node: Node, signIndex: [String: Int], reader: inout YAMLReader) -> RedFlagRules.Rule? {
        guard let map = reader.mapping(node, "a rule") else { return nil }
        reader.rejectUnknownKeys(in: map, known: ruleFields)
        guard let idNode = reader.value("id", in: map, at: node, required: true), let id = reader.string(idNode, "id") else { return nil }
        func text(_ key: String) -> String? { map[key].flatMap { reader.string($0, key) } }
        func list(_ key: String) -> [String] { map[key].flatMap { reader.strings($0, key) } ?? [] }

        var level: TriageLevel?
        if let node = map["level"], let name = reader.string(node, "level") {
            level = TriageLevel(rawValue: name)
            if level == nil { reader.report(node, "rule `\(id)`: unknown level `\(name)` (expected emergency, urgent, see_doctor or self_care)") }
        }
        var alternatives: [[Int]] = []
        if let whenNode = reader.value("when", in: map, at: node, required: true) {
            if case .sequence(let lines) = whenNode, !lines.isEmpty {
                for line in lines {
                    guard let names = reader.strings(line, "when") else { continue }
                    var indices: [Int] = []
                    for name in names {
                        if let index = signIndex[name] { indices.append(index) } else { reader.report(line, "rule `\(id)`: unknown sign `\(name)`") }
                    }
                    if indices.count == names.count && !indices.isEmpty { alternatives.append(indices) }
                }
            } else {
                reader.report(whenNode, "rule `\(id)`: `when` should be a list of lists of sign names")
            }
        }
        let rule = RedFlagRules.Rule(
            id: id, clinical: text("clinical"), level: level, alternatives: alternatives, requires: list("with"),
            outcome: text("outcome"), flow: text("flow"), question: text("question"), notice: text("notice"),
            examples: list("examples"), counterExamples: list("not"), line: node.mark?.line)
        if level == .emergency && rule.outcome == nil { reader.report(node, "rule `\(id)`: an emergency rule needs an `outcome`, said at once") }
        if level != .emergency && rule.flow == nil { reader.report(node, "rule `\(id)`: needs a `flow` to start") }
        if level != nil && level != .emergency && rule.notice == nil { reader.report(node, "rule `\(id)`: needs a `notice`, said before its questions") }
        return rule
    }

    // MARK: flow.yaml

    static func parseFlow(_ file: KnowledgeFile, reader: inout YAMLReader) -> TriageFlow? {
        guard let root = reader.root(of: file.text), let map = reader.mapping(root, "the triage flow") else { return nil }
        reader.rejectUnknownKeys(in: map, known: ["levels", "texts", "answers", "flows", "questions", "outcomes"])
        func section(_ key: String) -> Node.Mapping? {
            reader.value(key, in: map, at: root, required: true).flatMap { reader.mapping($0, "`\(key)`") }
        }

        var outcomes: [String: TriageFlow.Outcome] = [:]
        var outcomeOrder: [String] = []
        for (key, value) in section("outcomes") ?? [:] {
            guard let id = reader.string(key, "outcome id"), let fields = reader.mapping(value, "outcome `\(id)`") else { continue }
            reader.rejectUnknownKeys(in: fields, known: ["level", "text"])
            guard let levelNode = reader.value("level", in: fields, at: value, required: true),
                  let name = reader.string(levelNode, "level"),
                  let textNode = reader.value("text", in: fields, at: value, required: true),
                  let text = reader.string(textNode, "text")
            else { continue }
            guard let level = TriageLevel(rawValue: name) else {
                reader.report(levelNode, "outcome `\(id)`: unknown level `\(name)`")
                continue
            }
            outcomes[id] = .init(id: id, level: level, text: text, line: key.mark?.line)
            outcomeOrder.append(id)
        }

        var raw: [(id: String, node: Node, fields: Node.Mapping)] = []
        for (key, value) in section("questions") ?? [:] {
            guard let id = reader.string(key, "question id"), let fields = reader.mapping(value, "question `\(id)`") else { continue }
            reader.rejectUnknownKeys(in: fields, known: questionFields)
            if outcomes[id] != nil { reader.report(key, "`\(id)` is both a question and an outcome") }
            raw.append((id, key, fields))
        }
        let questionIDs = Set(raw.map(\.id))
        func target(_ fields: Node.Mapping, _ key: String, of id: String, at node: Node) -> TriageFlow.Target? {
            guard let value = reader.value(key, in: fields, at: node, required: true), let name = reader.string(value, key) else { return nil }
            if questionIDs.contains(name) { return .question(name) }
            if outcomes[name] != nil { return .outcome(name) }
            reader.report(value, "question `\(id)`: `\(key)` leads to `\(name)`, which is neither a question nor an outcome")
            return nil
        }
        var questions: [String: TriageFlow.Question] = [:]
        var wording: [String: (ask: String?, rephrase: [String], from: String?, node: Node)] = [:]
        for (id, node, fields) in raw {
            let ask = fields["ask"].flatMap { reader.string($0, "ask") }
            let rephrase = fields["rephrase"].flatMap { reader.strings($0, "rephrase") } ?? []
            let from = fields["text_from"].flatMap { reader.string($0, "text_from") }
            wording[id] = (ask, rephrase, from, node)
            let covers = fields["covers"].flatMap { reader.strings($0, "covers") } ?? []
            guard let yes = target(fields, "yes", of: id, at: node), let no = target(fields, "no", of: id, at: node),
                  let notSure = target(fields, "not_sure", of: id, at: node)
            else { continue }
            questions[id] = .init(id: id, ask: "", rephrasings: [], covers: covers, yes: yes, no: no, notSure: notSure, line: node.mark?.line)
        }
        // Wording, following `text_from` (one step: it must name a question with its own words).
        for (id, words) in wording {
            var ask = words.ask, rephrase = words.rephrase
            if let from = words.from {
                if let source = wording[from], source.from == nil, source.ask != nil {
                    ask = ask ?? source.ask
                    if rephrase.isEmpty { rephrase = source.rephrase }
                } else {
                    reader.report(words.node, "question `\(id)`: `text_from` should name a question with its own `ask`, not `\(from)`")
                }
            }
            if ask == nil && words.from == nil { reader.report(words.node, "question `\(id)`: missing field `ask` (or `text_from`)") }
            if rephrase.count < 2 && words.from == nil {
                reader.report(words.node, "question `\(id)`: needs two `rephrase` wordings, for answers that were not understood")
            }
            questions[id]?.ask = ask ?? ""
            questions[id]?.rephrasings = rephrase
        }

        var flows: [String: (String, Int?)] = [:]
        for (key, value) in section("flows") ?? [:] {
            guard let name = reader.string(key, "flow name"), let fields = reader.mapping(value, "flow `\(name)`") else { continue }
            reader.rejectUnknownKeys(in: fields, known: ["start"])
            guard let startNode = reader.value("start", in: fields, at: key, required: true), let start = reader.string(startNode, "start") else { continue }
            if questionIDs.contains(start) { flows[name] = (start, key.mark?.line) } else { reader.report(startNode, "flow `\(name)` starts at `\(start)`, which is not a question") }
        }

        var levels: [TriageLevel: TriageFlow.LevelNote] = [:]
        for (key, value) in section("levels") ?? [:] {
            guard let name = reader.string(key, "level") else { continue }
            guard let level = TriageLevel(rawValue: name) else { reader.report(key, "unknown level `\(name)`"); continue }
            guard let fields = reader.mapping(value, "level `\(name)`") else { continue }
            reader.rejectUnknownKeys(in: fields, known: ["outcome", "reminder"])
            guard let outcomeNode = reader.value("outcome", in: fields, at: key, required: true), let outcome = reader.string(outcomeNode, "outcome"),
                  let reminderNode = reader.value("reminder", in: fields, at: key, required: true), let reminder = reader.string(reminderNode, "reminder")
            else { continue }
            if outcomes[outcome]?.level != level { reader.report(outcomeNode, "level `\(name)`: `\(outcome)` is not an outcome of that level") }
            levels[level] = .init(outcome: outcome, reminder: reminder)
        }
        for level in [TriageLevel.emergency, .urgent, .seeDoctor] where levels[level] == nil {
            reader.report(line: root.mark?.line, "`levels` needs an entry for `\(level.rawValue)`")
        }

        var texts = TriageFlow.Texts(unclear: "", takenAsNotSure: "", backToQuestion: "", check: "", left: "")
        if let fields = section("texts") {
            reader.rejectUnknownKeys(in: fields, known: ["unclear", "taken_as_not_sure", "back_to_question", "check", "left"])
            func text(_ key: String) -> String { reader.value(key, in: fields, at: root, required: true).flatMap { reader.string($0, key) } ?? "" }
            texts = .init(unclear: text("unclear"), takenAsNotSure: text("taken_as_not_sure"), backToQuestion: text("back_to_question"), check: text("check"), left: text("left"))
        }

        var answerPhrases: [(PhrasePattern, AnswerReader.Reading)] = []
        if let fields = section("answers") {
            reader.rejectUnknownKeys(in: fields, known: ["yes", "no", "not_sure", "stop"])
            let readings: [(String, AnswerReader.Reading)] = [("yes", .answer(.yes)), ("no", .answer(.no)), ("not_sure", .answer(.notSure)), ("stop", .stop)]
            for (key, reading) in readings {
                let list = reader.value(key, in: fields, at: root, required: true).flatMap { reader.strings($0, key) } ?? []
                answerPhrases += list.map { (PhrasePattern($0), reading) }.filter { !$0.0.words.isEmpty }
            }
        }

        return TriageFlow(flows: flows, questions: questions, questionOrder: raw.map(\.id).filter { questions[$0] != nil },
                          outcomes: outcomes, outcomeOrder: outcomeOrder, levels: levels, texts: texts,
                          answers: AnswerReader(phrases: answerPhrases), path: file.path)
    }
}
