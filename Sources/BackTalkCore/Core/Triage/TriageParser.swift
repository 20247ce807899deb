import Yams

/// Reads the four files of `triage/`, reporting every problem with its file and line.
///
/// - `context.yaml`: the words that give a finding its context (negation,
///   doubt, history…), the words for people, numbers and durations.
/// - `findings.yaml`: the lay vocabulary of findings.
/// - `flow.yaml`: the questions, the checks, the outcomes and fixed texts.
/// - `rules.yaml`: the rules over findings, one or more per row of the red-flag table.
enum TriageParser {
    // MARK: context.yaml and findings.yaml

    /// The parts of `context.yaml` that findings.yaml needs before it can be compiled.
    struct Context {
        var phrases: [(String, TriageLexicon.Label)] = []
        var people: [TriageLexicon.Person] = []
        var fillers: Set<String> = []
        var listWords: Set<String> = []
        var questionStarts: Set<String> = []
        var negationReach = 5
        var numberWords: [String: Int] = [:]
        var timeUnits: [String: Int] = [:]
        var ageWords: Set<String> = []
        var nonAgeUnits: Set<String> = []
        var pregnancy: [String] = []
        var vagueNumbers: Set<String> = []
        var predicates: Set<String> = []
        var objectWords: Set<String> = []
        var pregnancySigns: Set<String> = []
        var readingWords = ReadingWords()
    }

    static func parseContext(_ root: Node, tokenizer: Tokenizer, reader: inout YAMLReader) -> Context? {
        guard let map = reader.mapping(root, "the context words") else { return nil }
        reader.rejectUnknownKeys(
            in: map,
            known: [
                "fillers", "list_words", "negation_reach", "cues", "ignore", "question_starts", "people", "age_groups",
                "numbers", "vague_numbers", "predicates", "object_words", "pregnancy_signs", "time_units", "age_words", "non_age_units",
                "durations", "pregnancy", "reading_words",
            ])
        var context = Context()
        func words(_ key: String, required: Bool = true) -> [String] {
            reader.value(key, in: map, at: root, required: required).flatMap { reader.strings($0, key) } ?? []
        }
        func tokens(_ list: [String]) -> Set<String> { Set(list.flatMap { tokenizer.tokenize($0).map(\.word) }) }
        context.fillers = tokens(words("fillers"))
        context.listWords = tokens(words("list_words"))
        context.questionStarts = tokens(words("question_starts"))
        context.ageWords = tokens(words("age_words"))
        context.nonAgeUnits = tokens(words("non_age_units"))
        context.vagueNumbers = tokens(words("vague_numbers"))
        context.predicates = tokens(words("predicates"))
        context.objectWords = tokens(words("object_words"))
        context.pregnancySigns = Set(words("pregnancy_signs"))
        context.pregnancy = words("pregnancy")
        if let node = reader.value("reading_words", in: map, at: root, required: true) {
            context.readingWords = ReadingWords.parse(node, reader: &reader)
        }
        if let node = map["negation_reach"] {
            if let value = node.int, value > 0 {
                context.negationReach = value
            } else {
                reader.report(node, "`negation_reach` should be a whole number above 0")
            }
        }
        for phrase in words("ignore") { context.phrases.append((phrase, .ignore)) }

        if let node = reader.value("cues", in: map, at: root, required: true), let cues = reader.mapping(node, "`cues`") {
            reader.rejectUnknownKeys(in: cues, known: Set(TriageLexicon.Cue.allCases.map(\.rawValue)))
            for cue in TriageLexicon.Cue.allCases {
                guard
                    let list = reader.value(cue.rawValue, in: cues, at: node, required: true).flatMap({ reader.strings($0, cue.rawValue) })
                else { continue }
                for phrase in list { context.phrases.append((phrase, .cue(cue))) }
            }
        }

        if let node = reader.value("people", in: map, at: root, required: true), let people = reader.mapping(node, "`people`") {
            reader.rejectUnknownKeys(in: people, known: ["writer", "generic", "he", "she", "they", "others"])
            let simple: [(String, TriageLexicon.Label)] = [
                ("writer", .writer), ("generic", .generic), ("he", .pronoun(.male)), ("she", .pronoun(.female)),
                ("they", .pronoun(.unknown)),
            ]
            for (key, label) in simple {
                for phrase in reader.value(key, in: people, at: node, required: true).flatMap({ reader.strings($0, key) }) ?? [] {
                    context.phrases.append((phrase, label))
                }
            }
            if let othersNode = reader.value("others", in: people, at: node, required: true),
                let others = reader.mapping(othersNode, "`others`")
            {
                for (key, value) in others {
                    guard let id = reader.string(key, "person"), let fields = reader.mapping(value, "person `\(id)`") else { continue }
                    reader.rejectUnknownKeys(in: fields, known: ["gender", "group", "words"])
                    var gender = TriageLexicon.Person.Gender.unknown
                    if let g = fields["gender"].flatMap({ reader.string($0, "gender") }) {
                        if let parsed = TriageLexicon.Person.Gender(rawValue: g) {
                            gender = parsed
                        } else {
                            reader.report(fields["gender"], "person `\(id)`: `gender` should be male, female or unknown")
                        }
                    }
                    var group: AgeGroup?
                    if let g = fields["group"].flatMap({ reader.string($0, "group") }) {
                        group = AgeGroup(rawValue: g)
                        if group == nil {
                            reader.report(
                                fields["group"],
                                "person `\(id)`: unknown age group `\(g)` (expected \(AgeGroup.allCases.map(\.rawValue).joined(separator: ", ")))"
                            )
                        }
                    }
                    let index = context.people.count
                    context.people.append(.init(id: id, gender: gender, group: group))
                    for phrase in reader.value("words", in: fields, at: key, required: true).flatMap({ reader.strings($0, "words") }) ?? []
                    {
                        context.phrases.append((phrase, .person(index)))
                    }
                }
            }
        }
        if let node = reader.value("age_groups", in: map, at: root, required: true), let groups = reader.mapping(node, "`age_groups`") {
            for (key, value) in groups {
                guard let name = reader.string(key, "age group") else { continue }
                guard let group = AgeGroup(rawValue: name) else {
                    reader.report(key, "unknown age group `\(name)`")
                    continue
                }
                for phrase in reader.strings(value, name) ?? [] { context.phrases.append((phrase, .ageGroup(group))) }
            }
        }
        func numbers(_ key: String, _ what: String) -> [String: Int] {
            var table: [String: Int] = [:]
            guard let node = reader.value(key, in: map, at: root, required: true), let entries = reader.mapping(node, "`\(key)`") else {
                return table
            }
            for (name, value) in entries {
                guard let phrase = reader.string(name, what) else { continue }
                guard let number = value.int, number >= 0 else {
                    reader.report(value, "`\(phrase)` should be a whole number")
                    continue
                }
                table[phrase] = number
            }
            return table
        }
        for (phrase, value) in numbers("numbers", "number word") {
            for token in tokenizer.tokenize(phrase).suffix(1) { context.numberWords[token.word] = value }
        }
        context.timeUnits = numbers("time_units", "time unit")
        // Sorted: in hash order, two loads of the same files would list the phrases differently.
        for (phrase, days) in numbers("durations", "duration").sorted(by: { $0.key < $1.key }) {
            context.phrases.append((phrase, .duration(days)))
        }
        return context
    }

    static func parseFindings(
        _ root: Node, context: Context, extraFindings: [String], tokenizer: Tokenizer,
        reader: inout YAMLReader
    ) -> TriageLexicon? {
        guard let map = reader.mapping(root, "the findings") else { return nil }
        reader.rejectUnknownKeys(in: map, known: ["window", "terms", "findings"])
        var window = 8
        if let node = map["window"] {
            if let value = node.int, value > 0 { window = value } else { reader.report(node, "`window` should be a whole number above 0") }
        }
        var terms: [String] = []
        var termIndex: [String: Int] = [:]
        var phrases = PhraseSet<TriageLexicon.Label>(fillers: context.fillers, maximumGap: 2)
        func addTerm(_ name: String, _ texts: [String], at node: Node) {
            if termIndex[name] != nil {
                reader.report(node, "`\(name)` is defined twice")
                return
            }
            termIndex[name] = terms.count
            for text in texts {
                let pattern = PhrasePattern(text, tokenizer: tokenizer)
                if pattern.words.isEmpty {
                    reader.report(node, "`\(name)`: \"\(text)\" has no words")
                    continue
                }
                phrases.add(pattern, label: .term(terms.count))
            }
            terms.append(name)
        }
        if let node = reader.value("terms", in: map, at: root, required: true), let list = reader.mapping(node, "`terms`") {
            for (key, value) in list {
                guard let name = reader.string(key, "term name"), let texts = reader.strings(value, name) else { continue }
                if texts.isEmpty { reader.report(value, "term `\(name)` has no phrases") }
                addTerm(name, texts, at: key)
            }
        }
        var findings: [TriageLexicon.Finding] = []
        var pending: [(index: Int, lines: [[String]], node: Node)] = []
        if let node = reader.value("findings", in: map, at: root, required: true), let list = reader.mapping(node, "`findings`") {
            for (key, value) in list {
                guard let id = reader.string(key, "finding id"), let fields = reader.mapping(value, "finding `\(id)`") else { continue }
                reader.rejectUnknownKeys(
                    in: fields, known: ["label", "kind", "new", "offer", "personal", "female", "window", "phrases", "when"])
                let label = fields["label"].flatMap { reader.string($0, "label") } ?? id
                var kind = TriageLexicon.Finding.Kind.symptom
                if let node = fields["kind"], let name = reader.string(node, "kind") {
                    if let parsed = TriageLexicon.Finding.Kind(rawValue: name) {
                        kind = parsed
                    } else {
                        reader.report(node, "finding `\(id)`: `kind` should be symptom, history or transient")
                    }
                }
                var needsNew = false
                if let node = fields["new"] {
                    if let flag = node.bool {
                        needsNew = flag
                    } else {
                        reader.report(node, "finding `\(id)`: `new` should be true or false")
                    }
                }
                var offer = false
                var personal = false
                var female = false
                if let node = fields["female"] {
                    if let flag = node.bool {
                        female = flag
                    } else {
                        reader.report(node, "finding `\(id)`: `female` should be true or false")
                    }
                }
                if let node = fields["offer"] {
                    if let flag = node.bool {
                        offer = flag
                    } else {
                        reader.report(node, "finding `\(id)`: `offer` should be true or false")
                    }
                }
                if let node = fields["personal"] {
                    if let flag = node.bool {
                        personal = flag
                    } else {
                        reader.report(node, "finding `\(id)`: `personal` should be true or false")
                    }
                }
                var findingWindow: Int?
                if let node = fields["window"] {
                    if let value = node.int, value > 0 {
                        findingWindow = value
                    } else {
                        reader.report(node, "finding `\(id)`: `window` should be a whole number above 0")
                    }
                }
                var lines: [[String]] = []
                if let node = fields["phrases"], let texts = reader.strings(node, "phrases") {
                    addTerm(id, texts, at: node)
                    lines.append([id])
                }
                if let node = fields["when"] {
                    if case .sequence(let items) = node, !items.isEmpty {
                        for item in items { if let names = reader.strings(item, "when") { lines.append(names) } }
                    } else {
                        reader.report(node, "finding `\(id)`: `when` should be a list of lists of term names")
                    }
                }
                if lines.isEmpty { reader.report(key, "finding `\(id)` needs `phrases` or `when`") }
                if findings.contains(where: { $0.id == id }) { reader.report(key, "duplicate finding `\(id)`") }
                pending.append((findings.count, lines, key))
                findings.append(
                    .init(
                        id: id, label: label, kind: kind, alternatives: [], needsNew: needsNew, offer: offer,
                        window: findingWindow ?? window, personal: personal, female: female, line: key.mark?.line))
            }
        }
        for (index, lines, node) in pending {
            for names in lines {
                var alternative: [Int] = []
                for name in names {
                    if let term = termIndex[name] {
                        alternative.append(term)
                    } else {
                        reader.report(node, "finding `\(findings[index].id)`: unknown term `\(name)`")
                    }
                }
                if alternative.count == names.count && !alternative.isEmpty { findings[index].alternatives.append(alternative) }
            }
        }
        // Findings that only a question's answer reports ("yes" to "any numbness down there?").
        for id in extraFindings where !findings.contains(where: { $0.id == id }) {
            findings.append(.init(id: id, label: id, kind: .symptom, alternatives: [], needsNew: false, window: window, line: nil))
        }
        for (phrase, label) in context.phrases {
            let pattern = PhrasePattern(phrase, tokenizer: tokenizer)
            if pattern.words.isEmpty {
                reader.report(line: nil, "\"\(phrase)\" has no words")
                continue
            }
            phrases.add(pattern, label: label)
        }
        var pregnancyTerms: [Int] = []
        for name in context.pregnancy {
            if let term = termIndex[name] {
                pregnancyTerms.append(term)
            } else {
                reader.report(line: nil, "`pregnancy` in context.yaml names `\(name)`, which is not a term or finding")
            }
        }
        var lexicon = TriageLexicon(
            terms: terms, findings: findings, people: context.people, phrases: phrases, questionStarts: context.questionStarts,
            listWords: context.listWords, negationReach: context.negationReach, numberWords: context.numberWords,
            timeUnits: context.timeUnits, ageWords: context.ageWords, nonAgeUnits: context.nonAgeUnits,
            pregnancyTerms: pregnancyTerms, path: reader.file)
        lexicon.vagueNumbers = context.vagueNumbers
        lexicon.predicates = context.predicates
        lexicon.objectWords = context.objectWords
        lexicon.pregnancySigns = context.pregnancySigns
        lexicon.readingWords = context.readingWords
        for id in context.pregnancySigns where lexicon.finding(id) == nil && !extraFindings.contains(id) {
            reader.report(line: nil, "`pregnancy_signs` in context.yaml names `\(id)`, which is not a finding")
        }
        return lexicon
    }

    // MARK: rules.yaml

    static let ruleFields: Set<String> = [
        "id", "clinical", "level", "when", "unless", "outcome", "unsure", "notice", "check", "question", "anyone", "examples", "not",
        "entry",
    ]

    static func parseRules(_ root: Node, lexicon: TriageLexicon, reader: inout YAMLReader) -> TriageRules? {
        guard let map = reader.mapping(root, "the rules") else { return nil }
        reader.rejectUnknownKeys(in: map, known: ["clinical", "rules"])
        var clinical: [(String, String, Int?)] = []
        if let node = reader.value("clinical", in: map, at: root, required: true), let rows = reader.mapping(node, "`clinical`") {
            for (key, value) in rows {
                guard let id = reader.string(key, "red flag id"), let text = reader.string(value, id) else { continue }
                clinical.append((id, text, key.mark?.line))
            }
        }
        var rules: [TriageRules.Rule] = []
        if let node = reader.value("rules", in: map, at: root, required: true) {
            guard case .sequence(let items) = node else {
                reader.report(node, "`rules` should be a list")
                return nil
            }
            for item in items {
                if let rule = parseRule(item, lexicon: lexicon, reader: &reader) { rules.append(rule) }
            }
        }
        var seen = Set<String>()
        for rule in rules where !seen.insert(rule.id).inserted { reader.report(line: rule.line, "duplicate rule id `\(rule.id)`") }
        let rows = Set(clinical.map(\.0))
        for rule in rules {
            if let row = rule.clinical, !rows.contains(row) {
                reader.report(line: rule.line, "rule `\(rule.id)`: `clinical` names `\(row)`, which is not listed under `clinical`")
            }
        }
        return TriageRules(rules: rules, clinical: clinical, path: reader.file)
    }

    private static func parseRule(_ node: Node, lexicon: TriageLexicon, reader: inout YAMLReader) -> TriageRules.Rule? {
        guard let map = reader.mapping(node, "a rule") else { return nil }
        reader.rejectUnknownKeys(in: map, known: ruleFields)
        guard let idNode = reader.value("id", in: map, at: node, required: true), let id = reader.string(idNode, "id") else { return nil }
        func text(_ key: String) -> String? { map[key].flatMap { reader.string($0, key) } }
        func list(_ key: String) -> [String] { map[key].flatMap { reader.strings($0, key) } ?? [] }
        func level(_ node: Node?, _ what: String) -> TriageLevel? {
            guard let node, let name = reader.string(node, what) else { return nil }
            let level = TriageLevel(rawValue: name)
            if level == nil {
                reader.report(node, "rule `\(id)`: unknown level `\(name)` (expected emergency, urgent, see_doctor or self_care)")
            }
            return level
        }
        func condition(_ name: String, at node: Node) -> TriageRules.Condition? {
            if name.hasPrefix("person.") {
                let key = String(name.dropFirst("person.".count))
                if let population = TriageRules.Population(rawValue: key) { return .population(population) }
                reader.report(
                    node,
                    "rule `\(id)`: unknown `\(name)` (expected person.\(TriageRules.Population.allCases.map(\.rawValue).joined(separator: ", person.")))"
                )
                return nil
            }
            if let finding = lexicon.finding(name) { return .finding(finding) }
            reader.report(node, "rule `\(id)`: unknown finding `\(name)`")
            return nil
        }
        var when: [[TriageRules.Condition]] = []
        if let whenNode = reader.value("when", in: map, at: node, required: true) {
            if case .sequence(let lines) = whenNode, !lines.isEmpty {
                for line in lines {
                    guard let names = reader.strings(line, "when") else { continue }
                    let conditions = names.compactMap { condition($0, at: line) }
                    if conditions.count == names.count && !conditions.isEmpty { when.append(conditions) }
                }
            } else {
                reader.report(whenNode, "rule `\(id)`: `when` should be a list of lists of findings")
            }
        }
        var unless: [Int] = []
        for name in list("unless") {
            if let finding = lexicon.finding(name) {
                unless.append(finding)
            } else {
                reader.report(map["unless"], "rule `\(id)`: unknown finding `\(name)`")
            }
        }
        var unsureLevel: TriageLevel?
        var unsureOutcome: String?
        if let node = map["unsure"], let fields = reader.mapping(node, "`unsure`") {
            reader.rejectUnknownKeys(in: fields, known: ["level", "outcome"])
            unsureLevel = level(reader.value("level", in: fields, at: node, required: true), "level")
            unsureOutcome = reader.value("outcome", in: fields, at: node, required: true).flatMap { reader.string($0, "outcome") }
        }
        var anyone = false
        if let node = map["anyone"] {
            if let flag = node.bool { anyone = flag } else { reader.report(node, "rule `\(id)`: `anyone` should be true or false") }
        }
        let rule = TriageRules.Rule(
            id: id, clinical: text("clinical"), level: level(map["level"], "level"), when: when, unless: unless,
            outcome: text("outcome"), unsureLevel: unsureLevel, unsureOutcome: unsureOutcome, notice: text("notice"),
            check: text("check"), question: text("question"), entry: text("entry"), anyone: anyone,
            exampleList: ExampleList(list("examples")), counterExampleList: ExampleList(list("not")), line: node.mark?.line)
        if rule.level != nil && rule.outcome == nil { reader.report(node, "rule `\(id)`: a rule with a level needs an `outcome`") }
        if let level = rule.level, level != .emergency, level != .selfCare, rule.notice == nil {
            reader.report(node, "rule `\(id)`: needs a `notice`, said before its questions")
        }
        if rule.level == nil && rule.check == nil && rule.question == nil {
            reader.report(node, "rule `\(id)`: a rule without a level needs a `check` or a `question` to start")
        }
        return rule
    }

    // MARK: flow.yaml

    static let questionFields: Set<String> = [
        "asks", "covers", "only_if", "not_if", "only_for", "not_for", "no_if", "ask", "ask_other", "rephrase",
    ]

    /// The findings that questions report, which findings.yaml need not define.
    static func askedFindings(_ root: Node) -> [String] {
        guard case .mapping(let map) = root, case .mapping(let questions)? = map["questions"] else { return [] }
        return questions.values.compactMap { value in
            guard case .mapping(let fields) = value, let asks = fields["asks"]?.string else { return nil }
            return asks.trimmingWhitespace()
        }
    }

    static func parseFlow(_ root: Node, lexicon: TriageLexicon, tokenizer: Tokenizer, reader: inout YAMLReader) -> TriageFlow? {
        guard let map = reader.mapping(root, "the triage flow") else { return nil }
        reader.rejectUnknownKeys(
            in: map,
            known: [
                "levels", "texts", "answers", "checks", "full_check", "screen_check", "clear_outcome", "questions", "outcomes", "lint",
            ])
        func section(_ key: String) -> Node.Mapping? {
            reader.value(key, in: map, at: root, required: true).flatMap { reader.mapping($0, "`\(key)`") }
        }

        var outcomes: [String: TriageFlow.Outcome] = [:]
        var outcomeOrder: [String] = []
        for (key, value) in section("outcomes") ?? [:] {
            guard let id = reader.string(key, "outcome id"), let fields = reader.mapping(value, "outcome `\(id)`") else { continue }
            reader.rejectUnknownKeys(in: fields, known: ["level", "text"])
            guard let levelNode = reader.value("level", in: fields, at: key, required: true), let name = reader.string(levelNode, "level"),
                let textNode = reader.value("text", in: fields, at: key, required: true), let text = reader.string(textNode, "text")
            else { continue }
            guard let level = TriageLevel(rawValue: name) else {
                reader.report(levelNode, "outcome `\(id)`: unknown level `\(name)`")
                continue
            }
            outcomes[id] = .init(id: id, level: level, text: text, line: key.mark?.line)
            outcomeOrder.append(id)
        }

        var questions: [String: TriageFlow.Question] = [:]
        var questionOrder: [String] = []
        func findings(_ fields: Node.Mapping, _ key: String, of id: String) -> [Int] {
            guard let node = fields[key], let names = reader.strings(node, key) else { return [] }
            return names.compactMap { name in
                if let index = lexicon.finding(name) { return index }
                reader.report(node, "question `\(id)`: unknown finding `\(name)`")
                return nil
            }
        }
        func populations(_ fields: Node.Mapping, _ key: String, of id: String) -> [TriageRules.Population] {
            guard let node = fields[key], let names = reader.strings(node, key) else { return [] }
            return names.compactMap { name in
                if let population = TriageRules.Population(rawValue: name) { return population }
                let known = TriageRules.Population.allCases.map(\.rawValue).joined(separator: ", ")
                reader.report(node, "question `\(id)`: unknown group `\(name)` in `\(key)` (expected one of \(known))")
                return nil
            }
        }
        for (key, value) in section("questions") ?? [:] {
            guard let id = reader.string(key, "question id"), let fields = reader.mapping(value, "question `\(id)`") else { continue }
            reader.rejectUnknownKeys(in: fields, known: questionFields)
            if outcomes[id] != nil { reader.report(key, "`\(id)` is both a question and an outcome") }
            guard let askNode = reader.value("ask", in: fields, at: key, required: true), let ask = reader.string(askNode, "ask"),
                let asksNode = reader.value("asks", in: fields, at: key, required: true), let asks = reader.string(asksNode, "asks")
            else { continue }
            let rephrase = fields["rephrase"].flatMap { reader.strings($0, "rephrase") } ?? []
            if rephrase.count < 2 {
                reader.report(key, "question `\(id)`: needs two `rephrase` wordings, for answers that were not understood")
            }
            guard let asked = lexicon.finding(asks) else {
                reader.report(asksNode, "question `\(id)`: unknown finding `\(asks)`")
                continue
            }
            questions[id] = .init(
                id: id, ask: ask, askOther: fields["ask_other"].flatMap { reader.string($0, "ask_other") }, rephrasings: rephrase,
                asks: asked, covers: findings(fields, "covers", of: id),
                onlyIf: findings(fields, "only_if", of: id), noIf: findings(fields, "no_if", of: id),
                notIf: findings(fields, "not_if", of: id),
                onlyFor: populations(fields, "only_for", of: id), notFor: populations(fields, "not_for", of: id),
                line: key.mark?.line)
            questionOrder.append(id)
        }

        var checks: [String: TriageFlow.Check] = [:]
        for (key, value) in section("checks") ?? [:] {
            guard let name = reader.string(key, "check name"), let list = reader.strings(value, name) else { continue }
            for id in list where questions[id] == nil { reader.report(value, "check `\(name)`: `\(id)` is not a question") }
            checks[name] = .init(name: name, questions: list.filter { questions[$0] != nil }, line: key.mark?.line)
        }
        func checkName(_ key: String) -> String {
            guard let node = reader.value(key, in: map, at: root, required: true), let name = reader.string(node, key) else { return "" }
            if checks[name] == nil { reader.report(node, "`\(key)` names `\(name)`, which is not a check") }
            return name
        }
        let fullCheck = checkName("full_check")
        let screenCheck = checkName("screen_check")
        var clearOutcome = ""
        if let node = reader.value("clear_outcome", in: map, at: root, required: true), let id = reader.string(node, "clear_outcome") {
            if outcomes[id] == nil { reader.report(node, "`clear_outcome` names `\(id)`, which is not an outcome") }
            clearOutcome = id
        }

        var levels: [TriageLevel: TriageFlow.LevelNote] = [:]
        for (key, value) in section("levels") ?? [:] {
            guard let name = reader.string(key, "level") else { continue }
            guard let level = TriageLevel(rawValue: name) else {
                reader.report(key, "unknown level `\(name)`")
                continue
            }
            guard let fields = reader.mapping(value, "level `\(name)`") else { continue }
            reader.rejectUnknownKeys(in: fields, known: ["outcome", "reminder"])
            guard let outcomeNode = reader.value("outcome", in: fields, at: key, required: true),
                let outcome = reader.string(outcomeNode, "outcome"),
                let reminderNode = reader.value("reminder", in: fields, at: key, required: true),
                let reminder = reader.string(reminderNode, "reminder")
            else { continue }
            if outcomes[outcome]?.level != level {
                reader.report(outcomeNode, "level `\(name)`: `\(outcome)` is not an outcome of that level")
            }
            levels[level] = .init(outcome: outcome, reminder: reminder)
        }
        for level in [TriageLevel.emergency, .urgent, .seeDoctor] where levels[level] == nil {
            reader.report(line: root.mark?.line, "`levels` needs an entry for `\(level.rawValue)`")
        }

        var texts = TriageFlow.Texts(
            unclear: "", takenAsNotSure: "", backToQuestion: "", unsure: "", left: "", offer: "", screenClear: "", noted: "", notCovered: ""
        )
        if let fields = section("texts") {
            let keys = [
                "unclear", "taken_as_not_sure", "back_to_question", "unsure", "left", "offer", "screen_clear", "noted", "not_covered",
            ]
            reader.rejectUnknownKeys(in: fields, known: Set(keys))
            func text(_ key: String) -> String {
                reader.value(key, in: fields, at: root, required: true).flatMap { reader.string($0, key) } ?? ""
            }
            texts = .init(
                unclear: text("unclear"), takenAsNotSure: text("taken_as_not_sure"), backToQuestion: text("back_to_question"),
                unsure: text("unsure"), left: text("left"), offer: text("offer"), screenClear: text("screen_clear"), noted: text("noted"),
                notCovered: text("not_covered"))
        }

        var answers = AnswerReader(leading: [], whole: [], courtesy: [])
        if let fields = section("answers") {
            let kinds: [(String, AnswerReader.Reading, Bool)] = [
                ("yes", .answer(.yes), false), ("no", .answer(.no), false), ("not_sure", .answer(.notSure), false),
                ("yes_alone", .answer(.yes), true), ("no_alone", .answer(.no), true), ("not_sure_alone", .answer(.notSure), true),
                ("stop", .stop, true), ("accept_alone", .accept, true),
            ]
            reader.rejectUnknownKeys(in: fields, known: Set(kinds.map(\.0) + ["courtesy"]))
            for (key, reading, alone) in kinds {
                let list = reader.value(key, in: fields, at: root, required: true).flatMap { reader.strings($0, key) } ?? []
                let patterns = list.map { (PhrasePattern($0, tokenizer: tokenizer), reading) }.filter { !$0.0.words.isEmpty }
                if alone { answers.whole += patterns } else { answers.leading += patterns }
            }
            let courtesy = reader.value("courtesy", in: fields, at: root, required: true).flatMap { reader.strings($0, "courtesy") } ?? []
            answers.courtesy = Set(courtesy.flatMap { tokenizer.tokenize($0).map(\.word) })
        }

        var flow = TriageFlow(
            checks: checks, questions: questions, questionOrder: questionOrder, outcomes: outcomes,
            outcomeOrder: outcomeOrder, levels: levels, texts: texts, answers: answers,
            fullCheck: fullCheck, screenCheck: screenCheck, clearOutcome: clearOutcome, path: reader.file)
        if let node = reader.value("lint", in: map, at: root, required: true) {
            flow.lint = parseLintPhrases(node, reader: &reader)
        }
        return flow
    }

    /// Reads `lint` of `flow.yaml`: lists of phrases in lower case, each reported at its line if not.
    static func parseLintPhrases(_ node: Node, reader: inout YAMLReader) -> TriageFlow.LintPhrases {
        var phrases = TriageFlow.LintPhrases()
        guard let map = reader.mapping(node, "`lint`") else { return phrases }
        reader.rejectUnknownKeys(in: map, known: Set(TriageFlow.LintPhrases.keys))
        func list(_ key: String) -> [String] {
            guard let value = reader.value(key, in: map, at: node, required: true), let items = reader.strings(value, "lint.\(key)")
            else { return [] }
            for (item, line) in zip(items, YAMLReader.itemLines(value)) where item != item.lowercased() {
                reader.report(line: line, "`lint.\(key)`: \"\(item)\" should be in lower case")
            }
            return items
        }
        phrases.reversedYes = list("reversed_yes")
        phrases.softening = list("softening")
        phrases.warningSigns = list("warning_signs")
        return phrases
    }
}
