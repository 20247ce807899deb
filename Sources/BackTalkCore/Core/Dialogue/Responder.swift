/// Decides the reply to one message: the dialogue's state machine.
struct Responder {
    let knowledgeBase: KnowledgeBase

    /// How sure the matcher must be of an entry to answer a statement (not a question) told with a warning sign.
    static let statementAnswerConfidence = 0.5
    /// How many related entries are offered after an answer.
    static let suggestionCount = 3

    /// The longest message read, in UTF-8 bytes: about 10,000 words, far beyond any chat
    /// message, so that no message can tie up the engine (a server takes messages from anyone).
    static let longestMessage = 64 * 1024

    /// The reply to `message`, its trace ending with what it did.
    func reply(to message: String, in conversation: inout Conversation) -> Reply {
        var reply = replyWhole(to: message, in: &conversation)
        reply.understanding.decision = Understanding.Decision(of: reply)
        return reply
    }

    private func replyWhole(to message: String, in conversation: inout Conversation) -> Reply {
        guard message.utf8.count > Self.longestMessage else { return replyInFull(to: message, in: &conversation) }
        var start = String(decoding: message.utf8.prefix(Self.longestMessage), as: UTF8.self)
        // A character cut in two decodes as U+FFFD: leave it out.
        if start.unicodeScalars.last == "\u{FFFD}" { start.unicodeScalars.removeLast() }
        var reply = replyInFull(to: start, in: &conversation)
        if let note = knowledgeBase.replies.tooLong {
            // The emergency reply stays first.
            reply.text = reply.intent == Reply.Intent.emergency ? reply.text + "\n\n" + note : note + "\n\n" + reply.text
        }
        return reply
    }

    private func replyInFull(to message: String, in conversation: inout Conversation) -> Reply {
        conversation.fit(to: knowledgeBase)
        conversation.turns += 1
        var analyzed = knowledgeBase.matcher.index.analyzer.analyze(knowledgeBase.cues.replacingEmoji(in: message))
        if analyzed.tokens.isEmpty {
            conversation.pendingChoice = nil
            let unreadable = message.unicodeScalars.contains { $0 == "\u{FFFD}" }
            return Reply(
                text: unreadable ? knowledgeBase.replies.unreadable : knowledgeBase.replies.empty,
                intent: unreadable ? Reply.Intent.unreadable : Reply.Intent.empty, confidence: 1,
                understanding: Understanding(kind: .empty, reason: unreadable ? "not text" : "no words")
            )
        }

        // Red flags first, on every message, whatever the conversation is doing.
        let reading = knowledgeBase.triage.reader.read(
            analyzed, experiencers: conversation.triage.experiencers,
            known: conversation.triage.known)
        // "No numbness, no fever, just stiff" is about stiffness: denied signs are not the subject.
        // The subject itself stays, even where a negation reaches it ("what should I not do with a back spasm").
        if !reading.deniedTokens.isEmpty {
            let index = knowledgeBase.matcher.index
            let subject = Set(analyzed.terms.filter { index.isAnchor($0.key) }.flatMap { Array($0.tokens) })
            let denied = reading.deniedTokens.subtracting(subject)
            analyzed.terms.removeAll { denied.contains($0.tokens.lowerBound) }
            analyzed.ignoredTokens = denied
        }
        var reply = respond(to: analyzed, reading: reading, in: &conversation)
        reply.understanding.findings = reading.mentions
        if !analyzed.ignoredTokens.isEmpty {
            let denied = analyzed.ignoredTokens.sorted().filter(analyzed.tokens.indices.contains)
            reply.understanding.pruned.insert(
                contentsOf: denied.map {
                    Understanding.PrunedWord(word: analyzed.tokens[$0].word, reason: .denied)
                }, at: 0)
        }
        return reply
    }

    /// The reply to a message that has words, read for red flags, its denied signs pruned.
    private func respond(
        to analyzed: AnalyzedText, reading: MessageReader.Reading,
        in conversation: inout Conversation
    ) -> Reply {
        let triage = TriageResponder(triage: knowledgeBase.triage)
        let follow: TriageResponder.Follow?
        let wasPending = conversation.triage.pendingQuestion != nil
        switch triage.decide(analyzed, reading: reading, state: &conversation.triage) {
        case .reply(var reply):
            conversation.pendingChoice = nil
            let kind: Understanding.Kind = reply.intent == Reply.Intent.emergency ? .emergency : wasPending ? .answer : .report
            reply.understanding = Understanding(
                kind: kind,
                reason: kind == .emergency ? "a red flag" : kind == .answer ? "answers the question asked" : "reports a warning sign")
            // A question asked alongside a warning sign below an emergency is answered too:
            // the level first, then the answer, then the triage's question or outcome.
            if kind != .emergency, let parts = reply.triageParts,
                let answered = answerAlongside(analyzed, reading: reading, notice: reply, in: &conversation)
            {
                let body = [parts.lead, answered.text, parts.body].compactMap { $0 }
                reply.text = body.joined(separator: "\n\n")
                reply.intent = answered.intent
                reply.topic = answered.topic
                reply.audience = answered.audience
                reply.sources = answered.sources
                reply.confidence = answered.confidence
                reply.understanding = answered.understanding
                reply.understanding.reason += ", with a warning sign"
            } else if let id = reply.about, knowledgeBase.entry(id: id) != nil {
                // Follow-ups ("who do I call?") lean on what the warning sign is about.
                conversation.context.lean(on: id, terms: knownTerms(analyzed))
            }
            return reply
        case .answer(let then):
            follow = then
        }

        // "Is it really that serious?" after an emergency or urgent sign: the advice again, never reassurance.
        if let level = conversation.triage.level, level >= .urgent,
            knowledgeBase.cues.contains(analyzed.tokens.map(\.word), anyOf: knowledgeBase.cues.doubts),
            let note = knowledgeBase.triage.flow.levels[level]
        {
            conversation.pendingChoice = nil
            var reply = Reply(
                text: note.reminder, intent: Reply.Intent.triageReminder, confidence: 1, triage: level,
                understanding: Understanding(
                    kind: .followUp, fromContext: ["level \(level.rawValue)"],
                    reason: "doubts the advice given for a warning sign"))
            reply.about = conversation.context.entry
            if case .reask(let question)? = follow {
                reply.text += "\n\n" + triage.reask(question, state: &conversation.triage)
                reply.expectsAnswer = true
                reply.pendingQuestion = question
            }
            return reply
        }

        var reply = ordinaryReply(to: analyzed, reading: reading, in: &conversation)
        switch follow {
        case .reask(let question)?:
            // Something else said mid-check: answer it if we understood it, then
            // ask the pending question again; otherwise ask again in other words.
            if [Reply.Intent.outOfScope, Reply.Intent.clarify, Reply.Intent.notCovered].contains(reply.intent) {
                conversation.pendingChoice = nil
                guard let signs = warningSignsAnswer(analyzed, reading: reading, match: reply.understanding.match, in: &conversation)
                else {
                    // Something new about the person is not a muddle: say it was noted, and ask again.
                    // What the message was matched to stays in the trace.
                    var said: Reply
                    if reading.mentions.contains(where: { !$0.general }) || !reading.facts.isEmpty {
                        said = triage.noted(question, state: &conversation.triage)
                    } else if reading.isQuestion {
                        // A question BackTalk cannot answer is not a muddled answer.
                        said = triage.notCovered(question, state: &conversation.triage)
                    } else {
                        said = triage.unclear(state: &conversation.triage)
                    }
                    said.understanding.match = reply.understanding.match
                    said.understanding.pruned = reply.understanding.pruned
                    return said
                }
                reply = signs
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
            // After an emergency, the reminder comes first.
            reply.text = conversation.triage.level == .emergency ? note + "\n\n" + reply.text : reply.text + "\n\n" + note
            reply.triage = conversation.triage.level
        case nil:
            break
        }
        return reply
    }

    /// The warning signs for the person a conversation is about, for a question mid-check about a sign
    /// just told ("she was limping too, is that part of it?"), if they have not been given yet.
    private func warningSignsAnswer(
        _ analyzed: AnalyzedText, reading: MessageReader.Reading, match: MatchExplanation?,
        in conversation: inout Conversation
    ) -> Reply? {
        let topic = Understander.warningSignsTopic
        guard Understander.isQuestion(analyzed, reading: reading, cues: knowledgeBase.cues),
            reading.mentions.contains(where: { !$0.general && $0.status == .present && $0.finding != Triage.backPain }),
            let entry = knowledgeBase.entry(id: knowledgeBase.cues.audienceEntry(topic: topic, audiences: conversation.audiences) ?? topic),
            !conversation.context.visited.contains(entry.id)
        else { return nil }
        var reply = answer(
            entry, more: false, confidence: 1, terms: [], in: &conversation,
            understanding: Understanding(
                kind: .question, fromContext: ["level \(conversation.triage.level?.rawValue ?? "none")"],
                reason: "asks about a warning sign just told", match: match))
        reply.text = withoutMoreHint(reply.text)
        reply.triage = conversation.triage.level
        return reply
    }

    /// An answer's text without "Type "more" for the details", where something follows it.
    private func withoutMoreHint(_ text: String) -> String {
        text.replacingOccurrences(of: "\n\n" + knowledgeBase.replies.moreHint, with: "")
    }

    /// How much lower than the best entry the warning sign's own entry may score and still answer beside it.
    static let warningSignLean = 0.1
    /// How much better the words must fit the warning sign's entry than the chosen one for the sign's to answer.
    static let warningSignWordsLead = 0.3

    /// The answer to a question (or the plan for a report) that came with a warning sign, if the knowledge base has one.
    private func answerAlongside(
        _ analyzed: AnalyzedText, reading: MessageReader.Reading, notice: Reply,
        in conversation: inout Conversation
    ) -> Reply? {
        let (plan, understanding) = Understander(knowledgeBase: knowledgeBase)
            .understand(analyzed, reading: reading, conversation: conversation)
        // A question is answered. So is a story of one's own pain, with its plan, where the notice
        // is to see a doctor and the safety question follows ("since footy on Saturday, I'm 15": the
        // entry for teenagers). Self-care told unasked beside an urgent sign, or before a question
        // that could find an emergency, would read as reassurance; a final outcome is its own plan.
        // "Which did you mean?" would be a second question beside the triage's: the first of the two is answered.
        let chosen: (entry: KnowledgeEntry, more: Bool, confidence: Double)
        switch plan {
        case .entry(let entry, let more, let confidence): chosen = (entry, more, confidence)
        case .forPerson(let entry): chosen = (entry, false, 1)
        case .clarify(let first, _, let confidence): chosen = (first, false, confidence)
        default: return nil
        }
        var (entry, more, confidence) = chosen
        guard entry.kind == .topic else { return nil }
        // "…it burns when I pee. Is this a back spasm?": a broad leaflet says less than the entry
        // about the warning sign just named (kidney pain). So does an entry that the words fit
        // hardly better than the sign's: the sign is a strong clue to what is asked.
        if let id = notice.about, id != entry.id, let about = knowledgeBase.entry(id: id), about.kind == .topic {
            let scores = understanding.match?.candidates ?? []
            let chosen = scores.first { $0.intent == entry.id }
            let aboutCandidate = scores.first { $0.intent == about.id }
            // Or the model alone chose the entry, its words fitting the sign's entry far better.
            let wordsFitSign = aboutCandidate.map { $0.similarity - (chosen?.similarity ?? 0) >= Self.warningSignWordsLead } == true
            if (entry.isBroad && !about.isBroad)
                || aboutCandidate.map({ $0.score >= (chosen?.score ?? 0) - Self.warningSignLean }) == true || wordsFitSign
            {
                (entry, more) = (about, false)
            }
        }
        let asked =
            [.question, .followUp].contains(understanding.kind)
            && Understander.isQuestion(analyzed, reading: reading, cues: knowledgeBase.cues)
        let planFits = notice.triage == .seeDoctor && notice.pendingQuestion != nil
        let told =
            planFits
            && (understanding.kind == .report
                || ([.question, .followUp].contains(understanding.kind) && confidence >= Self.statementAnswerConfidence))
        guard asked || told else { return nil }
        let terms: [String]
        if case .forPerson = plan { terms = [] } else { terms = knownTerms(analyzed) }
        var reply = answer(entry, more: more, confidence: confidence, terms: terms, in: &conversation, understanding: understanding)
        reply.text = withoutMoreHint(reply.text)
        return reply
    }

    /// What the first message of a conversation would be taken to be, leaving the
    /// triage aside: for lint, which checks that examples reach their entries.
    func understandFirst(_ message: String) -> (entry: String?, offered: [String], kind: Understanding.Kind) {
        let analyzed = knowledgeBase.matcher.index.analyzer.analyze(knowledgeBase.cues.replacingEmoji(in: message))
        let reading = knowledgeBase.triage.reader.read(analyzed, experiencers: .init())
        let (plan, understanding) = Understander(knowledgeBase: knowledgeBase)
            .understand(analyzed, reading: reading, conversation: Conversation())
        switch plan {
        case .entry(let entry, _, _), .forPerson(let entry), .noMore(let entry): return (entry.id, [], understanding.kind)
        case .clarify(let first, let second, _): return (nil, [first.id, second.id], understanding.kind)
        case .notCovered, .outOfScope: return (nil, [], understanding.kind)
        }
    }

    /// The answer from the knowledge base, when no red flag needs saying.
    private func ordinaryReply(
        to analyzed: AnalyzedText, reading: MessageReader.Reading,
        in conversation: inout Conversation
    ) -> Reply {
        if let choice = conversation.pendingChoice {
            conversation.pendingChoice = nil
            let result = knowledgeBase.matcher.match(analyzed)
            if let picked = pick(from: choice, words: analyzed.tokens.map(\.word), result: result) {
                return answer(
                    picked, more: false, confidence: 1, terms: [], in: &conversation,
                    understanding: Understanding(
                        kind: .choice, reason: "picks one of the topics offered",
                        match: MatchExplanation(result, entries: knowledgeBase.entries)))
            }
        }

        let (plan, understanding) = Understander(knowledgeBase: knowledgeBase)
            .understand(analyzed, reading: reading, conversation: conversation)
        switch plan {
        case .entry(let entry, let more, let confidence):
            let terms: [String]
            switch understanding.kind {
            case .question, .report: terms = knownTerms(analyzed, besides: understanding)
            case .followUp where entry.id != conversation.context.entry:
                // A follow-up that moved to another entry ("ok, what about swimming then") is what the
                // next one ("how long for?") is about: its own words, and of the story before it only
                // the words that name the subject (the back, a spasm), not a run that set it off.
                let own = knownTerms(analyzed, besides: understanding)
                terms = own + conversation.context.terms.filter { !own.contains($0) && knowledgeBase.matcher.index.isAnchor($0) }
            default: terms = []
            }
            return answer(entry, more: more, confidence: confidence, terms: terms, in: &conversation, understanding: understanding)
        case .forPerson(let entry):
            // No terms: what the next follow-up leans on is still the subject before the person was mentioned.
            return answer(entry, more: false, confidence: 1, terms: [], in: &conversation, understanding: understanding)
        case .clarify(let first, let second, let confidence):
            conversation.pendingChoice = [first.id, second.id]
            let text = knowledgeBase.replies.clarify.replacingOccurrences(
                of: "{options}", with: "\"\(first.title)\" or \"\(second.title)\"")
            var unclear = understanding
            unclear.kind = .unclear
            unclear.reason = "two topics fit equally well"
            return Reply(
                text: text, intent: Reply.Intent.clarify, confidence: confidence,
                expectsAnswer: true, suggestions: [first.title, second.title], understanding: unclear)
        case .noMore(let entry):
            let text = knowledgeBase.replies.noMore.replacingOccurrences(of: "{topic}", with: lowercasedTitle(entry))
            return Reply(
                text: text, intent: Reply.Intent(entry.id), confidence: 1, suggestions: suggestions(for: entry, in: conversation),
                sources: entry.sources, topic: entry.topic, understanding: understanding)
        case .notCovered(let entry):
            let topic = entry.map(lowercasedTitle) ?? knowledgeBase.replies.subjectName
            let text = knowledgeBase.replies.notCovered.replacingOccurrences(of: "{topic}", with: topic)
            return Reply(
                text: text, intent: Reply.Intent.notCovered, confidence: 1,
                suggestions: entry.map { suggestions(for: $0, in: conversation) } ?? defaultSuggestions(),
                topic: entry?.topic, understanding: understanding)
        case .outOfScope(let confidence):
            return Reply(
                text: knowledgeBase.replies.outOfScope, intent: Reply.Intent.outOfScope,
                confidence: confidence, suggestions: defaultSuggestions(), understanding: understanding)
        }
    }

    /// An entry's answer, or the rest of it, worded for the person where a variant fits.
    private func answer(
        _ entry: KnowledgeEntry, more: Bool, confidence: Double, terms: [String],
        in conversation: inout Conversation, understanding: Understanding
    ) -> Reply {
        var understanding = understanding
        let variant = entry.variant(for: conversation.audiences)
        if let variant { understanding.fromContext.append("person \(variant.audience.rawValue)") }
        var text: String
        let rest = variant?.more ?? entry.more
        if more, let rest {
            text = rest
        } else {
            text = variant?.answer ?? entry.answer
            if rest != nil { text += "\n\n" + knowledgeBase.replies.moreHint }
        }
        conversation.lastIntent = entry.id
        if entry.kind == .topic {
            if more {
                conversation.context.gaveMore = true
            } else {
                conversation.context.answered(entry.id, terms: terms)
                if rest == nil { conversation.context.gaveMore = true }
            }
        }
        var reply = Reply(
            text: text, intent: Reply.Intent(entry.id), confidence: confidence,
            suggestions: suggestions(for: entry, in: conversation), sources: entry.sources,
            topic: entry.kind == .topic ? entry.topic : nil, understanding: understanding)
        reply.audience = variant?.audience
        return reply
    }

    /// Titles to offer next: a broad topic's own entries first, then related ones, leaving out what was just said.
    private func suggestions(for entry: KnowledgeEntry, in conversation: Conversation) -> [String] {
        let children =
            entry.isBroad && entry.kind == .topic
            ? knowledgeBase.entries.filter { $0.topic == entry.id && $0.id != entry.id }.map(\.id) : []
        var ids: [String] = []
        for id in children + entry.related where id != entry.id && !ids.contains(id) {
            if conversation.context.visited.contains(id) { continue }
            ids.append(id)
        }
        return ids.prefix(Self.suggestionCount).compactMap { knowledgeBase.entry(id: $0)?.title }
    }

    /// The message's terms that some example uses: what a follow-up can lean on.
    ///
    /// With `understanding`, not those of its small-talk opening ("Hello." is not what it was about).
    private func knownTerms(_ analyzed: AnalyzedText, besides understanding: Understanding? = nil) -> [String] {
        let pruned = Set((understanding?.pruned ?? []).filter { $0.reason == .smalltalk }.map(\.word))
        return analyzed.terms.filter { term in
            knowledgeBase.matcher.index.termIDs[term.key] != nil
                && (pruned.isEmpty || !term.tokens.allSatisfy { pruned.contains(analyzed.tokens[$0].word) })
        }.map(\.key)
    }

    private func lowercasedTitle(_ entry: KnowledgeEntry) -> String {
        guard let first = entry.title.first else { return entry.title }
        // "Heat or ice…" reads "heat or ice…" mid-sentence; "NSAIDs" keeps its capitals.
        let second = entry.title.dropFirst().first
        return second.map { $0.isUppercase } == true ? entry.title : first.lowercased() + entry.title.dropFirst()
    }

    /// Which of the offered entries a reply to "which did you mean?" picks, if any.
    private func pick(from choice: [String], words: [String], result: MatchResult) -> KnowledgeEntry? {
        // The language's words for "the first", "the second"… (`ordinals` in its lexicon).
        if words.count <= 4 {
            for (position, names) in knowledgeBase.language.lexicon.ordinals.enumerated()
            where position < choice.count && words.contains(where: names.contains) {
                return knowledgeBase.entry(id: choice[position])
            }
        }
        // Otherwise the person named one ("the heat one"), or asked something else.
        guard let top = result.candidates.first else { return nil }
        let entry = knowledgeBase.entries[top.entry]
        return choice.contains(entry.id) ? entry : nil
    }

    private func defaultSuggestions() -> [String] {
        knowledgeBase.cues.suggestions.compactMap { knowledgeBase.entry(id: $0)?.title }
    }
}
