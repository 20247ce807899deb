/// Decides the reply to one message: the dialogue's state machine.
struct Responder {
    let knowledgeBase: KnowledgeBase

    /// How many related entries are offered after an answer.
    static let suggestionCount = 3

    func reply(to message: String, in conversation: inout Conversation) -> Reply {
        conversation.fit(to: knowledgeBase)
        conversation.turns += 1
        var analyzed = knowledgeBase.matcher.index.analyzer.analyze(message)
        if analyzed.tokens.isEmpty {
            conversation.pendingChoice = nil
            let unreadable = message.unicodeScalars.contains { $0 == "\u{FFFD}" }
            return Reply(
                text: unreadable ? knowledgeBase.replies.unreadable : knowledgeBase.replies.empty,
                intent: unreadable ? Reply.Intent.unreadable : Reply.Intent.empty, confidence: 1
            )
        }

        // Red flags first, on every message, whatever the conversation is doing.
        let triage = TriageResponder(triage: knowledgeBase.triage)
        let reading = knowledgeBase.triage.reader.read(analyzed, experiencers: conversation.triage.experiencers,
                                                       known: conversation.triage.known)
        // "No numbness, no fever, just stiff" is about stiffness: denied signs are not the subject.
        if !reading.deniedTokens.isEmpty {
            analyzed.terms.removeAll { reading.deniedTokens.contains($0.tokens.lowerBound) }
        }
        let follow: TriageResponder.Follow?
        switch triage.decide(analyzed, reading: reading, state: &conversation.triage) {
        case .reply(let reply):
            conversation.pendingChoice = nil
            return reply
        case .answer(let then):
            follow = then
        }

        var reply = ordinaryReply(to: analyzed, in: &conversation)
        switch follow {
        case .reask(let question)?:
            // Something else said mid-check: answer it if we understood it, then
            // ask the pending question again; otherwise ask again in other words.
            guard reply.intent != Reply.Intent.outOfScope, reply.intent != Reply.Intent.clarify else {
                conversation.pendingChoice = nil
                // Something new about the person is not a muddle: say it was noted, and ask again.
                if reading.mentions.contains(where: { !$0.general }) || !reading.facts.isEmpty {
                    return triage.noted(question, state: &conversation.triage)
                }
                // A question BackTalk cannot answer is not a muddled answer.
                if reading.isQuestion { return triage.notCovered(question, state: &conversation.triage) }
                return triage.unclear(state: &conversation.triage)
            }
            reply.text += "\n\n" + triage.reask(question, state: &conversation.triage)
            reply.expectsAnswer = true
            reply.pendingQuestion = question
            reply.suggestions = []
        case .screen(let question)? where reply.intent == Reply.Intent.clarify:
            // "Which did you mean?" waits for its own answer; the safety question comes next time.
            conversation.triage.endFlow()
            conversation.triage.screened = false
            conversation.triage.asked.remove(question)
        case .screen(let question)?:
            reply.text += "\n\n" + triage.screenQuestion(question, state: conversation.triage)
            reply.expectsAnswer = true
            reply.pendingQuestion = question
            reply.suggestions = []
        case .offer?:
            reply.text += "\n\n" + knowledgeBase.triage.flow.texts.offer
        case .reminder(let note)?:
            reply.text += "\n\n" + note
            reply.triage = conversation.triage.level
        case nil:
            break
        }
        return reply
    }

    /// The answer from the knowledge base, when no red flag needs saying.
    private func ordinaryReply(to analyzed: AnalyzedText, in conversation: inout Conversation) -> Reply {
        let result = knowledgeBase.matcher.match(analyzed)
        if let choice = conversation.pendingChoice {
            conversation.pendingChoice = nil
            if let picked = pick(from: choice, words: analyzed.tokens.map(\.word), result: result) {
                return answer(entry: picked, confidence: 1, in: &conversation)
            }
        }

        let confidence = result.candidates.first?.score ?? 0
        switch result.decision {
        case .answer(let index):
            return answer(entry: knowledgeBase.entries[index], confidence: confidence, in: &conversation)
        case .clarify(let first, let second):
            let options = [knowledgeBase.entries[first], knowledgeBase.entries[second]]
            conversation.pendingChoice = options.map(\.id)
            let text = knowledgeBase.replies.clarify.replacingOccurrences(
                of: "{options}", with: "\"\(options[0].title)\" or \"\(options[1].title)\"")
            return Reply(text: text, intent: Reply.Intent.clarify, confidence: confidence,
                         expectsAnswer: true, suggestions: options.map(\.title))
        case .outOfScope:
            return Reply(text: knowledgeBase.replies.outOfScope, intent: Reply.Intent.outOfScope,
                         confidence: 1 - confidence, suggestions: defaultSuggestions())
        }
    }

    private func answer(entry: KnowledgeEntry, confidence: Double, in conversation: inout Conversation) -> Reply {
        conversation.lastIntent = entry.id
        let suggestions = entry.related.prefix(Self.suggestionCount).compactMap { knowledgeBase.entry(id: $0)?.title }
        return Reply(text: entry.answer, intent: entry.id, confidence: confidence,
                     suggestions: suggestions, sources: entry.sources)
    }

    /// Which of the offered entries a reply to "which did you mean?" picks, if any.
    private func pick(from choice: [String], words: [String], result: MatchResult) -> KnowledgeEntry? {
        let ordinals: [(Set<String>, Int)] = [(["1", "first", "former", "top"], 0), (["2", "second", "latter", "last", "other", "bottom"], 1)]
        if words.count <= 4 {
            for (names, position) in ordinals where position < choice.count && words.contains(where: names.contains) {
                return knowledgeBase.entry(id: choice[position])
            }
        }
        // Otherwise the person named one ("the heat one"), or asked something else.
        guard let top = result.candidates.first else { return nil }
        let entry = knowledgeBase.entries[top.entry]
        return choice.contains(entry.id) ? entry : nil
    }

    private func defaultSuggestions() -> [String] {
        ["definition", "causes", "home_remedies"].compactMap { knowledgeBase.entry(id: $0)?.title }
    }
}
