/// The red-flag half of the dialogue: notices red flags on every message,
/// asks the follow-up questions one at a time, and concludes with a level.
struct TriageResponder {
    let triage: Triage
    private var flow: TriageFlow { triage.flow }

    /// What the triage makes of a message.
    enum Decision {
        /// Say this, and nothing else.
        case reply(Reply)
        /// Not an answer to the pending question: answer the message as a
        /// question, then ask the pending question again.
        case answerThenAsk(question: String)
        /// Nothing for the triage to say, apart from an optional reminder of
        /// a level already reached, to add to the ordinary answer.
        case pass(reminder: String?)
    }

    /// Decides what to do with `analyzed`, updating `state`. Called before
    /// ordinary matching for every message, in every state.
    func decide(_ analyzed: AnalyzedText, detection: RedFlagDetector.Detection, state: inout TriageState) -> Decision {
        let detected = detection.statuses
        state.record(detected)
        let present = triage.rules.rules.filter { detected[$0.id] == .present }

        // An emergency comes first, whatever else is going on.
        if let rule = present.first(where: { $0.level == .emergency }), let id = rule.outcome {
            state.followedUp.insert(rule.id)
            return .reply(conclude(at: id, state: &state, intent: Reply.Intent.emergency))
        }

        // A red flag higher than the flow under way (or with none under way) starts its own flow.
        let newFlags = present.filter { $0.level != nil && !state.followedUp.contains($0.id) }
        let highest = newFlags.max { ($0.level ?? .selfCare) < ($1.level ?? .selfCare) }

        if let pending = state.pendingQuestion, let question = flow.questions[pending] {
            let reading = read(analyzed, for: question, detected: detected)
            if reading == .stop { return .reply(leave(state: &state)) }
            if let highest, (highest.level ?? .selfCare) > (state.flowLevel ?? .selfCare) || state.flowLevel == nil {
                if case .answer(let answer) = reading { note(answer, to: question, state: &state) }
                return .reply(start(highest, state: &state))
            }
            guard case .answer(let answer) = reading else {
                return .answerThenAsk(question: pending)
            }
            note(answer, to: question, state: &state)
            state.unclearReplies = 0
            return .reply(advance(to: question.next(for: answer), state: &state, lead: nil))
        }

        if let highest { return .reply(start(highest, state: &state)) }
        // Mentioned with doubt: ask the question about it, to be safe.
        if let unsure = triage.rules.rules.first(where: {
            $0.level != nil && detected[$0.id] == .uncertain && !state.followedUp.contains($0.id) && state.flags[$0.id] != .present
        }), let question = unsure.question {
            state.followedUp.insert(unsure.id)
            state.flow = unsure.flow ?? state.flow
            return .reply(advance(to: .question(question), state: &state, lead: flow.texts.check))
        }
        // A vague symptom or "is this serious?", even said with doubt: the general check.
        if let vague = triage.rules.rules.first(where: {
            $0.level == nil && detected[$0.id].map({ $0 > .absent }) == true && !state.followedUp.contains($0.id)
        }) {
            return .reply(start(vague, state: &state))
        }
        // A red flag already followed up: remind, never reassure.
        if present.contains(where: { $0.level != nil }), let level = state.level, let note = flow.levels[level] {
            return .pass(reminder: note.reminder)
        }
        return .pass(reminder: nil)
    }

    /// The reply to a message that was neither an answer nor a new question:
    /// the pending question in other words, or, after two tries, "not sure".
    func unclear(state: inout TriageState) -> Reply {
        guard let pending = state.pendingQuestion, let question = flow.questions[pending] else {
            return Reply(text: flow.texts.unclear, intent: Reply.Intent.triageQuestion, confidence: 1)
        }
        state.unclearReplies += 1
        if state.unclearReplies <= question.rephrasings.count {
            let text = flow.texts.unclear + " " + question.rephrasings[state.unclearReplies - 1]
            return Reply(text: text, intent: Reply.Intent.triageQuestion, confidence: 1, expectsAnswer: true, pendingQuestion: pending)
        }
        state.unclearReplies = 0
        return advance(to: question.notSure, state: &state, lead: flow.texts.takenAsNotSure)
    }

    /// The pending question, asked again after an answer to something else.
    func reask(_ id: String) -> String {
        flow.texts.backToQuestion + " " + (flow.questions[id]?.ask ?? "")
    }

    // MARK: Steps

    /// Starts `rule`'s flow: its notice, then its first question not yet answered.
    private func start(_ rule: RedFlagRules.Rule, state: inout TriageState) -> Reply {
        // "Is this serious?" asked again deserves the check again; a red flag does not restart its own flow.
        if rule.level != nil { state.followedUp.insert(rule.id) }
        state.raise(to: rule.level)
        state.flowLevel = rule.level
        state.flow = rule.flow
        state.unclearReplies = 0
        guard let name = rule.flow, let start = flow.flows[name]?.start else {
            return leave(state: &state)
        }
        var reply = advance(to: .question(start), state: &state, lead: rule.notice)
        // The notice announces the rule's level, even before the questions end.
        if reply.triage == nil { reply.triage = rule.level }
        return reply
    }

    /// Follows the graph from `target`, answering from what is already known,
    /// until a question must be asked or an outcome is reached.
    private func advance(to target: TriageFlow.Target, state: inout TriageState, lead: String?) -> Reply {
        var target = target
        // The graph has no cycles (checked on load); the bound is a second guard.
        for _ in 0...flow.questions.count {
            switch target {
            case .outcome(let id):
                var reply = conclude(at: id, state: &state, intent: Reply.Intent.triageOutcome)
                if let lead { reply.text = lead + "\n\n" + reply.text }
                return reply
            case .question(let id):
                guard let question = flow.questions[id] else { return leave(state: &state) }
                let known = question.covers.map { state.flags[$0] }
                if known.contains(.present) {
                    target = question.yes
                } else if !known.isEmpty && known.allSatisfy({ $0 == .absent }) {
                    target = question.no
                } else {
                    state.pendingQuestion = id
                    state.unclearReplies = 0
                    let text = lead.map { $0 + "\n\n" + question.ask } ?? question.ask
                    return Reply(text: text, intent: Reply.Intent.triageQuestion, confidence: 1,
                                 expectsAnswer: true, pendingQuestion: id)
                }
            }
        }
        return leave(state: &state)
    }

    /// Ends the flow at `id`, never below the level already reported.
    private func conclude(at id: String, state: inout TriageState, intent: String) -> Reply {
        var outcome = flow.outcomes[id]
        if let reached = state.level, let found = outcome, found.level < reached,
           let floor = flow.levels[reached].flatMap({ flow.outcomes[$0.outcome] }) {
            outcome = floor
        }
        state.endFlow()
        guard let outcome else { return leave(state: &state) }
        state.raise(to: outcome.level)
        return Reply(text: outcome.text, intent: intent, confidence: 1, triage: outcome.level, outcome: outcome.id)
    }

    /// Leaves the questions, saying what to watch for and any level already reached.
    private func leave(state: inout TriageState) -> Reply {
        state.endFlow()
        var text = flow.texts.left
        if let level = state.level, let note = flow.levels[level] { text += "\n\n" + note.reminder }
        return Reply(text: text, intent: Reply.Intent.triageStopped, confidence: 1, triage: state.level)
    }

    // MARK: Answers

    /// What a message says in reply to `question`: a red flag it asks about
    /// counts as "yes" ("my inner thighs are numb"), then the words.
    private func read(_ analyzed: AnalyzedText, for question: TriageFlow.Question, detected: [String: FlagStatus]) -> AnswerReader.Reading? {
        let statuses = question.covers.compactMap { detected[$0] }
        if statuses.contains(.present) { return .answer(.yes) }
        if let reading = flow.answers.read(analyzed.words) { return reading }
        if statuses.contains(.uncertain) { return .answer(.notSure) }
        if statuses.contains(.absent) { return .answer(.no) }
        return nil
    }

    /// Remembers a "no" to a question as a denial of what it covers, so that
    /// later flows don't ask again.
    private func note(_ answer: Answer, to question: TriageFlow.Question, state: inout TriageState) {
        guard answer == .no else { return }
        for rule in question.covers where state.flags[rule] == nil {
            state.flags[rule] = .absent
        }
    }
}
