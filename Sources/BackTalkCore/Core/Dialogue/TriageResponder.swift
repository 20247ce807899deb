/// The red-flag half of the dialogue: reads every message for findings, says
/// an emergency at once, asks what people leave out, one question at a time,
/// and concludes with a level.
struct TriageResponder {
    let triage: Triage
    private var flow: TriageFlow { triage.flow }
    private var lexicon: TriageLexicon { triage.lexicon }

    /// What to add after the ordinary answer to a message.
    enum Follow: Sendable, Equatable {
        /// Ask the pending question again (or, if the message was not understood, say so).
        case reask(String)
        /// Ask the one question about bladder and saddle numbness, alongside the answer.
        case screen(String)
        /// Offer the check, after information about a warning sign nobody reported.
        case offer
        /// Remind the person of a level already reached: never reassure.
        case reminder(String)
    }

    /// What the triage makes of a message.
    enum Decision {
        /// Say this, and nothing else.
        case reply(Reply)
        /// Answer the message from the knowledge base, then follow up.
        case answer(then: Follow?)
    }

    /// Decides what to do with `analyzed`, updating `state`.
    ///
    /// Called before ordinary matching for every message, in every state.
    func decide(_ analyzed: AnalyzedText, reading: MessageReader.Reading, state: inout TriageState) -> Decision {
        let previous = state.experiencers.subject
        state.experiencers = reading.experiencers
        // A parent who asks "what should I look out for?" is asking about their child: a writer who
        // has said nothing about their own back, and says nothing about it now, is not whom it is about.
        if state.experiencers.subject == "self", previous != "self", previous != "generic",
            state.people["self"].map({ $0.findings.isEmpty && $0.age == nil && $0.ageGroup == nil && !$0.pregnant }) ?? true,
            reading.facts["self"] == nil, !reading.mentions.contains(where: { $0.person == "self" })
        {
            state.experiencers.subject = previous
        }
        // The conversation is about whoever's back pain the message describes
        // ("my back's stiff from sleeping on his sofa" is about the writer, not him).
        if let pain = reading.mentions.last(where: { $0.finding == Triage.backPain && $0.status == .present && !$0.general }),
            pain.person != "generic"
        {
            state.experiencers.subject = pain.person
        }
        apply(reading, to: &state)

        // An answer to the pending question counts before anything is weighed.
        var answered = false
        if let pending = state.pendingQuestion, let question = flow.questions[pending] {
            switch readAnswer(analyzed, reading: reading, to: question, state: state) {
            case .stop?:
                return .reply(leave(state: &state))
            case .answer(let answer)?:
                record(answer, to: question, state: &state)
                answered = true
            case .accept?, nil:
                break
            }
        }

        let fired = evaluate(state)
        let reportedNow = Set(reading.mentions.filter { $0.status == .present && !$0.general }.map { "\($0.finding) \($0.person)" })

        // An emergency comes first, whatever else is going on.
        let emergencies = fired.filter { $0.level == .emergency }
        if !emergencies.isEmpty, emergencies.contains(where: { !state.announced.contains(key($0)) || isFresh($0, reportedNow) }) {
            return .reply(emergency(emergencies, state: &state))
        }

        // A rule below the level already reached says nothing new: it is noted, not announced.
        for item in fired where !state.announced.contains(key(item)) {
            if let level = item.level, let reached = state.level, level < reached { state.announced.insert(key(item)) }
        }
        let fresh = fired.filter { !state.announced.contains(key($0)) }
        // A rule higher than the check under way (or with none under way) is said, and its questions asked.
        // (In doubt with no question to settle it, the rule's "unsure" level is said.)
        if let rule = fresh.filter({
            ($0.support == .present || triage.rules.rules[$0.rule].question == nil)
                && $0.level.map { $0 > .selfCare } == true
        })
        .max(by: { rank($0) < rank($1) }),
            rule.level.map({ $0 > (state.flowLevel ?? .selfCare) || state.flow == flow.screenCheck || state.flow == nil }) == true
        {
            return .reply(start(rule, state: &state))
        }

        if answered {
            if state.flow == flow.screenCheck, state.queue.isEmpty {
                return .reply(screenAnswered(state: &state))
            }
            return .reply(next(state: &state, lead: nil))
        }

        // A warning sign in doubt: the question that settles it.
        if state.pendingQuestion == nil || state.flow == flow.screenCheck,
            let doubt = fresh.first(where: {
                $0.support == .uncertain && triage.rules.rules[$0.rule].question.map { !state.asked.contains($0) } == true
            }),
            let question = triage.rules.rules[doubt.rule].question
        {
            state.announced.insert(key(doubt))
            state.endFlow()
            state.flow = triage.rules.rules[doubt.rule].id
            state.queue = [question]
            return .reply(next(state: &state, lead: flow.texts.unsure))
        }

        // A worry, or a sign that needs a question before it means anything ("I can barely walk").
        // It takes over from the one question asked alongside an answer, never from a check under way.
        if let worry = fresh.first(where: { $0.level == nil && $0.support == .present && isFresh($0, reportedNow) }) {
            // After emergency advice, a worry ("is it really that serious?") gets that advice again: no more
            // questions. (After urgent advice, the worry's check still looks for an emergency.)
            if state.level == .emergency, let note = flow.levels[.emergency] {
                return .answer(then: state.pendingQuestion.map { .reask($0) } ?? .reminder(note.reminder))
            }
            if state.pendingQuestion == nil || state.flow == flow.screenCheck {
                return .reply(start(worry, state: &state))
            }
        }

        // After emergency advice, denying other signs ("no numbness down there, I don't think") changes
        // nothing: whatever answers the message, that advice comes again, never a reply that reads as reassurance.
        if state.level == .emergency, state.pendingQuestion == nil, let note = flow.levels[.emergency],
            reading.mentions.contains(where: { $0.status == .absent && !$0.general }),
            !reading.mentions.contains(where: { $0.status == .present && !$0.general })
        {
            return .answer(then: .reminder(note.reminder))
        }

        if let pending = state.pendingQuestion {
            if state.flow == flow.screenCheck && state.reasked {
                // Asked alongside an answer, and asked again: leave it.
                state.endFlow()
                state.screened = true
            } else {
                return .answer(then: .reask(pending))
            }
        }

        // "Yes" to the offer of a check.
        if state.offered {
            state.offered = false
            let words = analyzed.words
            if let reading = flow.answers.read(words, tokens: analyzed.tokens, termStarts: reading.termStarts),
                reading == .answer(.yes) || reading == .accept
            {
                return .reply(startCheck(flow.fullCheck, level: nil, state: &state, lead: nil))
            }
        }

        // Information about a warning sign nobody reported: answer, and offer the check.
        if reading.mentions.contains(where: { $0.general && triage.offerFindings.contains($0.finding) }) {
            state.offered = true
            return .answer(then: .offer)
        }

        // Someone describing their back pain: ask what people leave out, once (not after an
        // emergency was said: then the one thing to do is get help).
        if !state.screened, state.level != .emergency, let question = flow.checks[flow.screenCheck]?.questions.first,
            reading.mentions.contains(where: {
                $0.finding == Triage.backPain && $0.status == .present && !$0.general && !$0.context.contains("question")
            }),
            !state.asked.contains(question), shouldAsk(question, state: state)
        {
            state.screened = true
            state.endFlow()
            state.flow = flow.screenCheck
            state.pendingQuestion = question
            state.asked.insert(question)
            return .answer(then: .screen(question))
        }

        // A red flag already said: remind, never reassure.
        if let level = state.level, level > .selfCare, fired.contains(where: { $0.level != nil && isFresh($0, reportedNow) }),
            let note = flow.levels[level]
        {
            return .answer(then: .reminder(note.reminder))
        }
        return .answer(then: nil)
    }

    /// The reply to a message that was neither an answer nor understood: the
    /// pending question in other words, or, after that, "not sure".
    func unclear(state: inout TriageState) -> Reply {
        guard let pending = state.pendingQuestion, let question = flow.questions[pending] else {
            return Reply(text: flow.texts.unclear, intent: Reply.Intent.triageQuestion, confidence: 1)
        }
        if state.unclearReplies < question.rephrasings.count && state.unclearReplies == 0 {
            let text = flow.texts.unclear + " " + question.rephrasings[state.unclearReplies]
            state.unclearReplies += 1
            return Reply(text: text, intent: Reply.Intent.triageQuestion, confidence: 1, expectsAnswer: true, pendingQuestion: pending)
        }
        // Never "Sorry, I didn't follow that" twice in a row.
        record(.notSure, to: question, state: &state)
        state.unclearReplies = 0
        if state.flow == flow.screenCheck && state.queue.isEmpty {
            let fired = evaluate(state)
            if fired.contains(where: { $0.level != nil }) { return conclude(fired: fired, state: &state, lead: flow.texts.takenAsNotSure) }
            return screenAnswered(state: &state)
        }
        return next(state: &state, lead: flow.texts.takenAsNotSure)
    }

    /// The reply to a message that told something new without answering: noted, and the question again.
    func noted(_ id: String, state: inout TriageState) -> Reply {
        state.reasked = true
        let text = flow.texts.noted + " " + reask(id, state: &state)
        return Reply(
            text: text, intent: Reply.Intent.triageQuestion, confidence: 1, triage: state.level,
            expectsAnswer: true, pendingQuestion: id)
    }

    /// The pending question, asked again after an answer to something else.
    func reask(_ id: String, state: inout TriageState) -> String {
        state.reasked = true
        guard let question = flow.questions[id] else { return "" }
        // The question asked alongside an answer comes back in its shorter form.
        let asked = state.flow == flow.screenCheck ? question.rephrasings.first ?? question.ask : wording(question, state: state)
        return flow.texts.backToQuestion + " " + asked
    }

    /// The question to add to an answer for someone describing their back pain.
    func screenQuestion(_ id: String, state: TriageState) -> String {
        flow.questions[id].map { wording($0, state: state) } ?? ""
    }

    /// The question as put to the writer, or about the person they ask for.
    private func wording(_ question: TriageFlow.Question, state: TriageState) -> String {
        state.subject != "self" && state.subject != "generic" ? question.askOther ?? question.ask : question.ask
    }

    /// The reply to a question mid-check that BackTalk cannot answer: say so, and ask again.
    func notCovered(_ id: String, state: inout TriageState) -> Reply {
        let text = flow.texts.notCovered + " " + reask(id, state: &state)
        return Reply(
            text: text, intent: Reply.Intent.triageQuestion, confidence: 1, triage: state.level,
            expectsAnswer: true, pendingQuestion: id)
    }

    // MARK: Steps

    /// Says a rule's notice and asks the questions of its check, or concludes if none is left.
    private func start(_ fired: TriageRules.Fired, state: inout TriageState) -> Reply {
        let rule = triage.rules.rules[fired.rule]
        // "Is this serious?" asked again deserves the check again; a sign that
        // needed one question does not need it twice.
        if fired.level != nil || rule.check == nil { state.announced.insert(key(fired)) }
        state.raise(to: fired.level)
        if let question = rule.question, rule.check == nil, fired.level == nil {
            // A sign that needs one question before it means anything.
            state.endFlow()
            state.flow = rule.id
            state.queue = [question]
            return next(state: &state, lead: rule.notice)
        }
        var reply = startCheck(rule.check ?? "", level: fired.level, state: &state, lead: rule.notice, name: rule.id)
        if reply.triage == nil { reply.triage = fired.level }
        reply.about = rule.entry
        return reply
    }

    /// Starts the check `name`: its first question not yet settled, or the outcome.
    private func startCheck(_ name: String, level: TriageLevel?, state: inout TriageState, lead: String?, name flowName: String? = nil)
        -> Reply
    {
        let remaining = state.queue
        state.endFlow()
        state.flow = flowName ?? name
        state.flowLevel = level
        state.queue = (flow.checks[name]?.questions ?? []) + remaining
        return next(state: &state, lead: lead)
    }

    /// Asks the next question of the check under way that still needs asking,
    /// or concludes with the level the findings reach.
    private func next(state: inout TriageState, lead: String?) -> Reply {
        while !state.queue.isEmpty {
            let id = state.queue.removeFirst()
            guard shouldAsk(id, state: state), let question = flow.questions[id] else { continue }
            state.pendingQuestion = id
            state.unclearReplies = 0
            state.reasked = false
            state.asked.insert(id)
            if question.covers.contains(where: triage.screenFindings.contains) { state.screened = true }
            let ask = wording(question, state: state)
            let text = lead.map { $0 + "\n\n" + ask } ?? ask
            var reply = Reply(text: text, intent: Reply.Intent.triageQuestion, confidence: 1, expectsAnswer: true, pendingQuestion: id)
            reply.triageParts = Reply.TriageParts(lead: lead, body: ask)
            return reply
        }
        return conclude(fired: evaluate(state), state: &state, lead: lead)
    }

    /// How a fired rule ranks: by level, then, of two at one level, the one that
    /// needs more to hold says more (side pain with a fever is the kidneys, not any
    /// fever; a child with a fever is the child's rule), then the earlier in the file.
    private func rank(_ fired: TriageRules.Fired) -> (TriageLevel, Int, Int) {
        (fired.level ?? .selfCare, triage.rules.rules[fired.rule].when.count, -fired.rule)
    }

    /// Whether `id` still tells us something: not asked yet, and worth asking.
    private func shouldAsk(_ id: String, state: TriageState) -> Bool {
        guard let question = flow.questions[id], !state.asked.contains(id) else { return false }
        return question.isWorthAsking(for: state.people[state.subject] ?? TriagePerson(), lexicon: lexicon)
    }

    /// Ends the check with the highest level the findings reach, never below
    /// the level already reached.
    private func conclude(fired: [TriageRules.Fired], state: inout TriageState, lead: String?) -> Reply {
        var outcomeID = flow.clearOutcome
        if let best = fired.filter({ $0.level != nil }).max(by: { rank($0) < rank($1) }) {
            let rule = triage.rules.rules[best.rule]
            outcomeID = (best.support == .present ? rule.outcome : rule.unsureOutcome) ?? outcomeID
            // The outcome speaks for every rule at its level: a child's fever is not announced again next turn.
            for item in fired where item.level == best.level { state.announced.insert(key(item)) }
        }
        var outcome = flow.outcomes[outcomeID]
        if let reached = state.level, let found = outcome, found.level < reached,
            let floor = flow.levels[reached].flatMap({ flow.outcomes[$0.outcome] })
        {
            outcome = floor
        }
        state.endFlow()
        guard let outcome else { return leave(state: &state) }
        state.raise(to: outcome.level)
        let text = lead.map { $0 + "\n\n" + outcome.text } ?? outcome.text
        var reply = Reply(text: text, intent: Reply.Intent.triageOutcome, confidence: 1, triage: outcome.level, outcome: outcome.id)
        reply.triageParts = Reply.TriageParts(lead: nil, body: text)
        return reply
    }

    /// The emergency reply: what to do now, for every emergency found.
    private func emergency(_ fired: [TriageRules.Fired], state: inout TriageState) -> Reply {
        var seen = Set<String>()
        var outcomes: [TriageFlow.Outcome] = []
        let ordered = fired.sorted { $0.rule < $1.rule }
        for item in ordered {
            state.announced.insert(key(item))
            let rule = triage.rules.rules[item.rule]
            let chosen = item.support == .present ? rule.outcome : (rule.unsureOutcome ?? rule.outcome)
            if let id = chosen, flow.outcomes[id]?.level == .emergency || item.support == .present,
                seen.insert(id).inserted, let outcome = flow.outcomes[id]
            {
                outcomes.append(outcome)
            }
        }
        state.endFlow()
        state.raise(to: .emergency)
        // Two emergencies are both said; more would bury the first.
        let said = outcomes.prefix(2)
        var reply = Reply(
            text: said.map(\.text).joined(separator: "\n\n"), intent: Reply.Intent.emergency, confidence: 1,
            triage: .emergency, outcome: said.first?.id)
        reply.about = ordered.lazy.compactMap { triage.rules.rules[$0.rule].entry }.first
        return reply
    }

    /// Leaves the questions, saying what to watch for and any level already reached.
    private func leave(state: inout TriageState) -> Reply {
        state.endFlow()
        var text = flow.texts.left
        if let level = state.level, let note = flow.levels[level] { text += "\n\n" + note.reminder }
        return Reply(text: text, intent: Reply.Intent.triageStopped, confidence: 1, triage: state.level)
    }

    /// After an answer to the one question asked alongside an answer.
    private func screenAnswered(state: inout TriageState) -> Reply {
        state.endFlow()
        state.screened = true
        return Reply(text: flow.texts.screenClear, intent: Reply.Intent.triageNoted, confidence: 1, triage: state.level)
    }

    // MARK: Findings

    /// Records what a message said about each person.
    private func apply(_ reading: MessageReader.Reading, to state: inout TriageState) {
        for (person, facts) in reading.facts where person != "generic" {
            state.people[person, default: TriagePerson()].merge(facts)
        }
        for mention in reading.mentions where !mention.general && mention.person != "generic" {
            state.people[mention.person, default: TriagePerson()].record(mention.finding, mention.status)
        }
    }

    /// The rules that hold for the people the conversation is about.
    ///
    /// An emergency counts for anyone mentioned with one. Other levels count
    /// for the person the conversation is about and for the writer with back
    /// pain: "a girl at work has kidney stones, mine's just a spasm" is not urgent.
    func evaluate(_ state: TriageState) -> [TriageRules.Fired] {
        var subjects: Set<String> = [state.subject]
        if state.people["self"]?.findings[Triage.backPain] == .present { subjects.insert("self") }
        if !state.people.values.contains(where: { $0.findings[Triage.backPain] == .present }) {
            subjects.formUnion(state.people.keys)
        }
        var fired: [TriageRules.Fired] = []
        for name in state.people.keys.sorted() {
            guard let person = state.people[name] else { continue }
            let all = triage.rules.evaluate(person, named: name, lexicon: lexicon)
            fired += subjects.contains(name) ? all : all.filter { triage.rules.rules[$0.rule].anyone || $0.level == .emergency }
        }
        return fired
    }

    private func key(_ fired: TriageRules.Fired) -> String { "\(triage.rules.rules[fired.rule].id) \(fired.person)" }

    /// Whether this message reported something the rule rests on.
    private func isFresh(_ fired: TriageRules.Fired, _ reportedNow: Set<String>) -> Bool {
        triage.rules.rules[fired.rule].when.joined().contains { condition in
            if case .finding(let finding) = condition { return reportedNow.contains("\(lexicon.findings[finding].id) \(fired.person)") }
            return false
        }
    }

    // MARK: Answers

    /// What a message says in reply to `question`: a finding it covers, said
    /// or denied, answers it; then the words, if the message is an answer at all.
    private func readAnswer(
        _ analyzed: AnalyzedText, reading: MessageReader.Reading, to question: TriageFlow.Question,
        state: TriageState
    ) -> AnswerReader.Reading? {
        let covered = Set(([question.asks] + question.covers).map { lexicon.findings[$0].id })
        let denying = Set(question.noIf.map { lexicon.findings[$0].id })
        let about = reading.mentions.filter { !$0.general }
        if about.contains(where: { covered.contains($0.finding) && $0.status == .present }) { return .answer(.yes) }
        if about.contains(where: { covered.contains($0.finding) && $0.status == .uncertain }) { return .answer(.notSure) }
        // "Go on" takes up an offer; to "do you have numbness?" it is not a yes.
        if let words = flow.answers.read(analyzed.words, tokens: analyzed.tokens, termStarts: reading.termStarts), words != .accept {
            return words
        }
        if about.contains(where: {
            (covered.contains($0.finding) && $0.status == .absent) || (denying.contains($0.finding) && $0.status == .present)
        }) {
            return .answer(.no)
        }
        return nil
    }

    /// Records an answer as findings of the person the conversation is about.
    private func record(_ answer: Answer, to question: TriageFlow.Question, state: inout TriageState) {
        let name = state.subject
        state.people[name] = question.recording(answer, for: state.people[name] ?? TriagePerson(), lexicon: lexicon)
        state.asked.insert(question.id)
        state.pendingQuestion = nil
        state.unclearReplies = 0
        state.reasked = false
    }
}
