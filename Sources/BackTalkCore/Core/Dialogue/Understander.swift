/// Decides what a message is in the context of the conversation, and which
/// entry (or which part of one) answers it: one understanding step per message.
struct Understander {
    let knowledgeBase: KnowledgeBase
    private var cues: DialogueCues { knowledgeBase.cues }
    private var matcher: IntentMatcher { knowledgeBase.matcher }

    /// What to say.
    enum Plan {
        /// An entry's answer (or, with `more`, the rest of it).
        case entry(KnowledgeEntry, more: Bool, confidence: Double)
        /// An entry's answer for what was just said about the person ("I'm 16, does that change
        /// anything?"): the conversation's subject stays what it was.
        case forPerson(KnowledgeEntry)
        /// "Which did you mean?"
        case clarify(KnowledgeEntry, KnowledgeEntry, confidence: Double)
        /// "More" after everything was given.
        case noMore(KnowledgeEntry)
        /// On the subject, but the knowledge base has nothing on it.
        case notCovered(KnowledgeEntry?)
        /// About something else.
        case outOfScope(confidence: Double)
    }

    /// Longest messages read as small talk or "more": beyond this they are questions.
    static let cueMessageLimit = 12
    /// Whether a message asks something: a question mark, or a sentence or clause
    /// opening with a question word ("…, what should I do").
    static func isQuestion(_ analyzed: AnalyzedText, reading: MessageReader.Reading, cues: DialogueCues) -> Bool {
        reading.isQuestion
            || analyzed.tokens.indices.contains { index in
                (index == 0 || analyzed.tokens[index - 1].clause != analyzed.tokens[index].clause)
                    && cues.questionWords.contains(analyzed.tokens[index].word)
            } || cues.contains(analyzed.tokens.map(\.word), anyOf: cues.whWords)
    }

    /// How well a specific entry must fit a story of one's own back pain to answer it instead of the plan.
    static let specificStoryScore = 0.45
    /// Higher for a fresh episode or one days old, which needs its plan unless an entry fits it
    /// closely: "my back went lifting a box" is not a question about the gym.
    static let freshStoryScore = 0.75
    /// Back pain this old is long-standing (NICE NG59 counts low back pain over 12 weeks as persistent).
    static let longStandingDays = 84
    /// Back pain not improving after about 4 weeks should be checked (NHS).
    static let notImprovingDays = 28
    /// The broad topic of warning signs, whose entry for the person answers a denial of them.
    static let warningSignsTopic = "red_flags"
    /// A follow-up leaning on the last answer is short.
    static let followUpLimit = 14
    /// The longest message that opens with thanks and is only thanks when it asks and reports nothing.
    static let thanksRemarkLimit = 20

    func understand(
        _ message: AnalyzedText, reading: MessageReader.Reading,
        conversation: Conversation
    ) -> (Plan, Understanding) {
        // "Totally different question, …": those words are not the question, and it leans on nothing said before.
        let words = message.tokens.map(\.word)
        let switchWords = cues.positions(of: cues.switchTopic, in: words)
        // "Ok, what else can I do?": the opening is small talk, and the rest is what it says.
        let clauseEnds = message.tokens.indices.map { index in
            index + 1 < message.tokens.count
                && (message.tokens[index + 1].clause != message.tokens[index].clause
                    || message.tokens[index + 1].sentence != message.tokens[index].sentence)
        }
        var opening = cues.openingSmalltalk(words, clauseEnds: clauseEnds)
        // Only when the rest says something BackTalk knows: "hello, is anyone there?" is all small talk.
        if opening.length > 0,
            !message.terms.contains(where: { $0.tokens.lowerBound >= opening.length && matcher.index.termIDs[$0.key] != nil })
        {
            opening = (0, [])
        }
        let openingWords = Set(0..<opening.length)
        var analyzed = message
        if !switchWords.isEmpty || !openingWords.isEmpty {
            let pruned = switchWords.union(openingWords)
            analyzed.terms.removeAll { $0.tokens.contains(where: pruned.contains) }
            analyzed.ignoredTokens.formUnion(pruned)
        }
        let (plan, understood) = read(
            analyzed, words: words, switched: !switchWords.isEmpty, thanked: opening.entries.contains("thanks"), reading: reading,
            conversation: conversation)
        var understanding = understood
        understanding.pruned =
            openingWords.subtracting(switchWords).sorted().map {
                Understanding.PrunedWord(word: words[$0], reason: .smalltalk)
            } + switchWords.sorted().map { Understanding.PrunedWord(word: words[$0], reason: .topicSwitch) }
        // A story about a child or an older person, or "what should I do?" about them, that the words
        // alone matched to an entry with nothing for them: the entry for their age. "My dad's 86 and keeps
        // holding his lower back" is about him, not about spasms that recur. (Pregnancy has entries of
        // its own for each topic, so a pregnant person's story keeps the one it names.)
        if case .entry(let entry, false, let confidence) = plan, understanding.kind == .question,
            entry.kind == .topic, entry.variant(for: conversation.audiences) == nil,
            !Self.isQuestion(analyzed, reading: reading, cues: cues) || cues.contains(words, anyOf: cues.whatNow),
            let forThem = ageEntry(for: conversation), forThem.id != entry.id,
            !cues.audienceEntries.values.contains(where: { $0.values.contains(entry.id) })
        {
            var fitted = understanding
            fitted.fromContext.append(contentsOf: personContext(conversation))
            fitted.reason = "tells of someone with an entry of their own"
            return (.entry(forThem, more: false, confidence: confidence), fitted)
        }
        // A question whose entry has no wording for this person goes to the entry for people like them
        // ("can I take ibuprofen?" from someone breastfeeding, where ibuprofen has none).
        guard case .entry(let entry, false, let confidence) = plan, [.question, .followUp].contains(understanding.kind),
            entry.kind == .topic, entry.variant(for: conversation.audiences) == nil,
            let id = cues.audienceEntry(topic: entry.topic, audiences: conversation.audiences),
            id != entry.id, let forThem = knowledgeBase.entry(id: id)
        else { return (plan, understanding) }
        var fitted = understanding
        fitted.fromContext.append(contentsOf: personContext(conversation))
        fitted.reason += ", for the person asking"
        return (.entry(forThem, more: false, confidence: confidence), fitted)
    }

    /// The plan for `analyzed` (its topic-switch words already pruned; `words` its tokens' words) and how it was understood.
    private func read(
        _ analyzed: AnalyzedText, words: [String], switched: Bool, thanked: Bool, reading: MessageReader.Reading,
        conversation: Conversation
    ) -> (Plan, Understanding) {
        let current = switched ? nil : conversation.context.entry.flatMap(knowledgeBase.entry(id:))

        // Small talk, in all its ordinary forms.
        if words.count <= Self.cueMessageLimit,
            let id = cues.smalltalkEntry(words) ?? cues.smalltalkEntry(analyzed.words),
            let entry = knowledgeBase.entry(id: id)
        {
            return (.entry(entry, more: false, confidence: 1), Understanding(kind: .smalltalk, reason: "small-talk words only"))
        }
        let isQuestion = Self.isQuestion(analyzed, reading: reading, cues: cues)
        // "Thank you, that's calmed me down a bit": thanks with a remark, which neither asks nor tells of anything wrong.
        if thanked, words.count <= Self.thanksRemarkLimit, !isQuestion,
            !reading.mentions.contains(where: { $0.status == .present && !reassures($0.finding) }),
            let entry = knowledgeBase.entry(id: "thanks")
        {
            return (
                .entry(entry, more: false, confidence: 1),
                Understanding(kind: .smalltalk, reason: "thanks, with a remark that asks nothing")
            )
        }

        // "She hasn't got a temperature and she's running about fine": only warning signs denied, for
        // someone with warning signs of their own (a child), mid-conversation: those signs.
        let own = reading.mentions.filter { !$0.general && $0.finding != Triage.backPain }
        if current != nil, !own.isEmpty, own.allSatisfy({ $0.status == .absent || reassures($0.finding) }), !isQuestion,
            let id = cues.audienceEntry(topic: Self.warningSignsTopic, audiences: conversation.audiences),
            let entry = knowledgeBase.entry(id: id)
        {
            // Already given: its details, not the same answer twice.
            return (
                .entry(entry, more: entry.id == current?.id && conversation.context.detailsNext(entry), confidence: 1),
                Understanding(
                    kind: .report, fromContext: personContext(conversation),
                    reason: "denies warning signs, for someone with warning signs of their own")
            )
        }

        if let current, current.kind == .topic {
            let from = ["topic \(current.id)"]
            // "I'm 72 by the way, does that change anything?": the last answer again, for them.
            if words.count <= Self.followUpLimit + 6, cues.contains(words, anyOf: cues.reconsider) {
                if let audience = conversation.audiences.first {
                    let understanding = Understanding(
                        kind: .followUp, fromContext: from + ["person \(audience.rawValue)"],
                        reason: "asks whether what they said about the person changes the last answer")
                    if current.variant(for: conversation.audiences) != nil {
                        return (.forPerson(current), understanding)
                    }
                    if let id = cues.audienceEntry(topic: current.topic, audience: audience)
                        ?? cues.audienceEntry(topic: "any", audience: audience),
                        let entry = knowledgeBase.entry(id: id)
                    {
                        return (.forPerson(entry), understanding)
                    }
                } else if conversation.triage.people[conversation.triage.subject]?.band == .teenager,
                    let id = cues.audienceEntry(topic: "any", audience: .child), id != current.id,
                    let entry = knowledgeBase.entry(id: id)
                {
                    // "I'm 17 if that changes anything": an older teenager has no wording of their own,
                    // but the entry on children and teenagers is about them (first back pain under about 20).
                    return (
                        .forPerson(entry),
                        Understanding(
                            kind: .followUp, fromContext: from + ["person teenager"],
                            reason: "asks whether being a teenager changes the last answer")
                    )
                }
            }
            // "More", "why?": the rest of the last answer.
            if words.count <= Self.cueMessageLimit, cues.isOnly(words, oneOf: cues.more) {
                let understanding = Understanding(kind: .more, fromContext: from, reason: "asks for more of the last answer")
                if conversation.context.gaveMore || current.more == nil { return (.noMore(current), understanding) }
                return (.entry(current, more: true, confidence: 1), understanding)
            }
            // "And for the pain?": a short follow-up that stands for an entry of its own.
            if words.count <= Self.cueMessageLimit,
                let id = cues.ellipses.first(where: { cues.isOnly(words, oneOf: $0.phrases) })?.entry,
                id != current.id, let entry = knowledgeBase.entry(id: id)
            {
                return (
                    .entry(entry, more: false, confidence: 1),
                    Understanding(kind: .followUp, fromContext: from, reason: "a short follow-up that names what it asks about")
                )
            }
            // "And paracetamol as well?" after ibuprofen: the two together, not the second alone.
            if words.count <= Self.followUpLimit, let togetherID = cues.togetherEntries[current.topic], togetherID != current.id,
                cues.contains(words, anyOf: cues.together), case let alone = matcher.match(analyzed, subjectSaid: true),
                case .answer(let named) = alone.decision,
                knowledgeBase.entries[named].topic == current.topic, knowledgeBase.entries[named].id != current.id,
                !knowledgeBase.entries[named].isBroad, !cues.togetherApart.contains(knowledgeBase.entries[named].id),
                let entry = knowledgeBase.entry(id: togetherID)
            {
                return (
                    .entry(entry, more: false, confidence: 1),
                    Understanding(
                        kind: .followUp, fromContext: from + ["with \(current.title)"],
                        reason: "adds a second medicine to the last one", match: explained(alone))
                )
            }
            // "Anything else?": the wider topic, or what is related.
            if words.count <= Self.cueMessageLimit, cues.isOnly(words, oneOf: cues.somethingElse),
                let next = somethingElse(after: current, visited: conversation.context.visited)
            {
                return (
                    .entry(next, more: false, confidence: 1),
                    Understanding(kind: .followUp, fromContext: from, reason: "asks for other options than the last answer")
                )
            }
            // "What can I use instead?": something related in its place, on the same topic.
            if words.count <= Self.followUpLimit, cues.contains(words, anyOf: cues.instead),
                !namesSubject(analyzed, besides: Set(cues.instead.joined())),
                let other = alternative(to: current, visited: conversation.context.visited),
                names(matcher.match(analyzed), nothingBut: [current.id, current.topic])
            {
                return (
                    .entry(other, more: false, confidence: 1),
                    Understanding(kind: .followUp, fromContext: from, reason: "asks for something in place of the last answer")
                )
            }
            // "And if that doesn't work?": the next step after the last answer.
            if words.count <= Self.followUpLimit, cues.contains(words, anyOf: cues.notWorking),
                let next = nextStep(after: current, visited: conversation.context.visited)
            {
                return (
                    .entry(next, more: false, confidence: 1),
                    Understanding(kind: .followUp, fromContext: from, reason: "asks what to do if the last advice does not help")
                )
            }
        }

        // Once an answer has been given, or someone has said their back hurts, the conversation is
        // about the back: a message need not say so again ("my neighbour suggested magnesium tablets").
        let subjectSaid =
            conversation.context.visited.contains { knowledgeBase.entry(id: $0)?.kind == .topic }
            || current?.kind == .topic
            || conversation.triage.people.values.contains { $0.findings[Triage.backPain] == .present }
        let alone = matcher.match(analyzed, subjectSaid: subjectSaid)
        // What the message says on its own decides whether it leans on the last answer; what it
        // means in a conversation about the back decides the rest.
        var inContext = alone
        if let decision = alone.decisionInContext { inContext.decision = decision }
        let short = words.count <= Self.followUpLimit
        // "How long for?", "what do I do now?": nothing in it names a subject of its own.
        let frameOnly = !namesSubject(analyzed)
        let namesWhatNow = cues.contains(words, anyOf: cues.whatNow)
        let asksWhatNow = short && namesWhatNow

        // "Who do I call?": where to go for help, after an answer or a warning.
        // The set of its words is made only for a message that asks where.
        if short, conversation.turns > 1 || current != nil, cues.contains(words, anyOf: cues.asksWhere),
            frameOnly || !namesSubject(analyzed, besides: Set(cues.asksWhere.joined())),
            let entry = cues.whereEntry.flatMap(knowledgeBase.entry(id:))
        {
            return (
                .entry(entry, more: false, confidence: 1),
                Understanding(
                    kind: .followUp, fromContext: current.map { ["topic \($0.id)"] } ?? [],
                    reason: "asks where to get help", match: explained(alone))
            )
        }

        // A short message that leans on what was said: read it with the last question's words.
        // So is a short question nothing else answers whose words BackTalk all knows
        // ("would an aisle seat help?" after flying), and "what do I do now?".
        let leans =
            isFollowUp(words, analyzed, alone: alone)
            || (short && !alone.offTopic && !isAnswered(alone) && (asksWhatNow || (isQuestion && unknownTerms(analyzed) == 0)))
        // "It started on Sunday, so 4 days now" tells how long it has lasted: an update, not a follow-up.
        let report = reportKind(analyzed, words: words, reading: reading, conversation: conversation)
        let isUpdate = !isQuestion && report == "update"
        // "How long does it last?" after sciatica: "it" is sciatica, not a spasm in general.
        if let current, let referred = referredTo(current, analyzed, words: words, alone: alone) {
            return (
                .entry(current, more: conversation.context.detailsNext(current), confidence: 1),
                Understanding(
                    kind: .followUp, fromContext: ["topic \(current.id)", "it = \(current.title)"],
                    reason: "a question about the condition just answered", match: explained(referred))
            )
        }
        if let current, current.kind == .topic, leans, !isUpdate, !conversation.context.terms.isEmpty {
            var widened = analyzed
            let sentence = analyzed.terms.last?.sentence ?? 0
            let clause = analyzed.terms.last?.clause ?? 0
            for key in conversation.context.terms where !analyzed.terms.contains(where: { $0.key == key }) {
                widened.terms.append(Term(key: key, tokens: 0..<0, sentence: sentence, clause: clause))
            }
            let contextual = matcher.match(widened)
            let from = ["topic \(current.id)"] + conversation.context.terms.prefix(6).map { "words \($0)" }
            // After the entry for the person ("I'm 16, does that change anything?"), the subject is still what came before it.
            let before =
                cues.audienceEntries["any"]?.values.contains(current.id) == true
                ? conversation.context.visited.dropLast().last.flatMap(knowledgeBase.entry(id:)) : nil
            if let chosen = resolveFollowUp(
                words, alone: alone, contextual: contextual, current: current, before: before, frameOnly: frameOnly,
                repeatsContext: analyzed.terms.contains { conversation.context.terms.contains($0.key) })
            {
                // Back to the entry just given ("how long for?" after swimming): its details, not the same answer twice.
                if case .answer(let index) = chosen.decision, knowledgeBase.entries[index].id == current.id,
                    conversation.context.detailsNext(current)
                {
                    return (
                        .entry(current, more: true, confidence: 1),
                        Understanding(
                            kind: .followUp, fromContext: from, reason: "a question about the last answer: its details",
                            match: explained(chosen))
                    )
                }
                return (
                    plan(for: chosen),
                    Understanding(
                        kind: .followUp, fromContext: from,
                        reason: frameOnly
                            ? "a question about the last answer, read with its words"
                            : "a short question read with the last question's words",
                        match: explained(chosen))
                )
            }
            // "What can I do for it?" after the warning signs, none of which they have: care at home.
            if asksWhatNow, [current.id, current.topic].contains(Self.warningSignsTopic),
                let home = cues.reportEntries["help"].flatMap(knowledgeBase.entry(id:))
            {
                return (
                    .entry(home, more: false, confidence: 1),
                    Understanding(
                        kind: .followUp, fromContext: from, reason: "asks what to do, after the warning signs",
                        match: explained(contextual))
                )
            }
            if asksWhatNow || (frameOnly && isQuestion) {
                return (
                    .entry(current, more: conversation.context.detailsNext(current), confidence: 1),
                    Understanding(
                        kind: .followUp, fromContext: from, reason: "asks what to do about the last answer",
                        match: explained(contextual))
                )
            }
        }

        // Someone describing their own episode gets the plan for it, unless they asked something more specific.
        if let report, !alone.offTopic,
            let planned = cues.reportEntries[report].flatMap(knowledgeBase.entry(id:))
        {
            // The plan in their own wording if it has one; else the entry for people like them (a child, an older parent).
            let forThem =
                planned.variant(for: conversation.audiences) == nil
                ? cues.audienceEntry(topic: "any", audiences: conversation.audiences).flatMap(knowledgeBase.entry(id:))
                : nil
            let entry = forThem ?? planned
            // A question the knowledge base answers on its own terms is answered, unless it is
            // the plan's own wider topic ("my back just went, what should I do?"); so is a story
            // that a specific entry fits well ("since having my baby my back keeps going").
            let closeFit = ["fresh", "update"].contains(report) ? Self.freshStoryScore : Self.specificStoryScore
            if case .answer(let index) = inContext.decision, knowledgeBase.entries[index].kind == .topic,
                ![entry.id, entry.topic].contains(knowledgeBase.entries[index].id),
                // "…and now it keeps locking up, what do I do?" asks for the plan itself.
                (isQuestion && !namesWhatNow)
                    || (!knowledgeBase.entries[index].isBroad && (inContext.candidates.first?.score ?? 0) >= closeFit)
            {
                return (
                    plan(for: inContext),
                    Understanding(
                        kind: .question, fromContext: ["report \(report)"],
                        reason: isQuestion ? "a report with a question" : "a report a specific entry fits",
                        match: explained(inContext))
                )
            }
            return (
                .entry(entry, more: false, confidence: 1),
                Understanding(
                    kind: .report, fromContext: ["report \(report)"], reason: "describes their own back pain",
                    match: explained(alone))
            )
        }

        switch inContext.decision {
        case .answer, .clarify:
            return (plan(for: inContext), Understanding(kind: .question, reason: "matched on its own words", match: explained(inContext)))
        case .outOfScope:
            // "I have back pain", and nothing an entry answers: the general plan for it.
            if !isQuestion, !reading.isGeneralQuestion, ownPain(reading),
                let entry = cues.reportEntries["help"].flatMap(knowledgeBase.entry(id:))
            {
                return (
                    .entry(entry, more: false, confidence: 1),
                    Understanding(
                        kind: .report, fromContext: ["report help"], reason: "tells of their own back pain, nothing more",
                        match: explained(alone))
                )
            }
            // "Sorry, I meant I'm 71, not 17", later in a conversation: the age of the person it is about,
            // and nothing else, of a child or an older person: their entry.
            if !isQuestion, conversation.turns > 1, conversation.context.entry != nil,
                let facts = reading.facts[conversation.triage.subject], facts.age != nil || facts.ageGroup != nil,
                let entry = ageEntry(for: conversation)
            {
                return (
                    .entry(entry, more: false, confidence: 1),
                    Understanding(
                        kind: .report, fromContext: personContext(conversation),
                        reason: "tells the age of the person asked about")
                )
            }
            // On the subject (it names the back, or follows an answer) but unanswered: say so about that subject.
            // So is a question that comes near the last answer without being answered by it ("will my travel
            // insurance pay out?" after flying).
            let nearLast =
                isQuestion
                && current.map { current in
                    current.kind == .topic && alone.candidates.prefix(3).contains { knowledgeBase.entries[$0.entry].id == current.id }
                } == true
            if !alone.offTopic && (alone.anchored || nearLast || (current?.kind == .topic && isFollowUp(words, analyzed, alone: alone))) {
                return (
                    .notCovered(current?.kind == .topic ? current : nil),
                    Understanding(
                        kind: .notCovered, fromContext: current.map { ["topic \($0.id)"] } ?? [],
                        reason: "on the subject, but no entry answers it", match: explained(alone))
                )
            }
            return (
                .outOfScope(confidence: 1 - (alone.candidates.first?.score ?? 0)),
                Understanding(kind: .outOfScope, reason: "no entry fits", match: explained(alone))
            )
        }
    }

    /// Where "and if that doesn't work?" leads from an entry: its next step, unless this conversation
    /// has been there already (ibuprofen, then the gel instead), when it is the general next step.
    private func nextStep(after current: KnowledgeEntry, visited: [String]) -> KnowledgeEntry? {
        let named = cues.nextStep[current.id] ?? cues.nextStep[current.topic]
        let target = named.map { visited.contains($0) ? cues.defaultNextStep : $0 } ?? cues.defaultNextStep
        return target.flatMap(knowledgeBase.entry(id:)).flatMap { $0.id == current.id ? nil : $0 }
    }

    /// The entry for the age of the person the conversation is about, if they are a child or older.
    private func ageEntry(for conversation: Conversation) -> KnowledgeEntry? {
        cues.audienceEntry(topic: "any", audiences: conversation.audiences.filter { $0 == .child || $0 == .older })
            .flatMap(knowledgeBase.entry(id:))
    }

    /// What the conversation knows of the person, as the trace shows it: `person older`.
    private func personContext(_ conversation: Conversation) -> [String] {
        conversation.audiences.map { "person \($0.rawValue)" }
    }

    /// What the matcher made of the text it matched, for the trace.
    private func explained(_ result: MatchResult) -> MatchExplanation {
        MatchExplanation(result, entries: knowledgeBase.entries)
    }

    private func plan(for result: MatchResult) -> Plan {
        let confidence = result.candidates.first?.score ?? 0
        switch result.decision {
        case .answer(let index):
            return .entry(knowledgeBase.entries[index], more: false, confidence: confidence)
        case .clarify(let first, let second):
            return .clarify(knowledgeBase.entries[first], knowledgeBase.entries[second], confidence: confidence)
        case .outOfScope:
            return .outOfScope(confidence: 1 - confidence)
        }
    }

    /// Whether a message is short and leans on the last answer.
    ///
    /// Such a message has an opener ("what about", "is it"), a word pointing back ("them"),
    /// or only one or two subject words.
    /// One that names the subject and is answered on its own ("how long does a spasm last") stands alone.
    private func isFollowUp(_ words: [String], _ analyzed: AnalyzedText, alone: MatchResult) -> Bool {
        guard !words.isEmpty, words.count <= Self.followUpLimit else { return false }
        if alone.anchored, case .answer = alone.decision { return false }
        if cues.starts(words, withOneOf: cues.openers) { return true }
        if words.contains(where: cues.pronouns.contains) { return true }
        let subjectTerms = Set(analyzed.terms.map(\.key)).filter { matcher.index.termIDs[$0] != nil }
        // Words BackTalk knows nothing of ("purple elephant") lean on nothing.
        return !subjectTerms.isEmpty && subjectTerms.count <= 2
    }

    /// The entry a short follow-up leans on.
    ///
    /// One the message names outright (a keyword, or the model sure of it: "what about
    /// swimming?") wins; else the best of the last answer's family (itself, its topic,
    /// its siblings and its own entries), read with the last question's words ("how long
    /// for?" after heat is about using heat); else whatever that wider read finds.
    private func resolveFollowUp(
        _ words: [String], alone: MatchResult, contextual: MatchResult, current: KnowledgeEntry,
        before: KnowledgeEntry? = nil, frameOnly: Bool, repeatsContext: Bool = false
    ) -> MatchResult? {
        let entries = knowledgeBase.entries
        // The last answer's family: itself, its topic, its siblings and its own entries (and those of the one before).
        func inFamily(_ index: Int) -> Bool {
            let entry = entries[index]
            return entry.kind == .topic
                && [current, before].contains { family in
                    guard let family else { return false }
                    return entry.id == family.id || entry.id == family.topic
                        || entry.topic == family.topic || entry.topic == family.id
                }
        }
        // Named outright: the model sure of a topic the message names ("any particular stretches"),
        // even without a word such as "back", which the conversation has already said.
        if !frameOnly, !alone.offTopic, let top = alone.candidates.first, entries[top.entry].kind == .topic,
            top.probability >= Self.namedOutright, alone.decision == .answer(top.entry) || alone.decision == .outOfScope
        {
            var chosen = alone
            chosen.decision = .answer(top.entry)
            // "My boss wants a paper from the doctor" after work: the model leans to the last answer, but
            // the message is, nearly word for word, a specific entry that its keyword names (a fit note).
            if let named = alone.candidates.prefix(3).dropFirst().first(where: {
                entries[$0.entry].kind == .topic && !entries[$0.entry].isBroad && $0.keywordHit
                    && $0.similarity >= top.similarity + Self.wordsFitLead && $0.coverage >= top.coverage
            }) {
                chosen.decision = .answer(named.entry)
                return chosen
            }
            // "Can I sleep with the heat pad on?" after heat or ice names sleep, but it names heat again
            // and its words fit how to use heat at least as closely: the conversation's own topic answers it.
            if repeatsContext, !inFamily(top.entry),
                let kept = alone.bestCandidate(where: { inFamily($0.entry) && !entries[$0.entry].isBroad }),
                kept.similarity >= top.similarity, kept.coverage >= top.coverage
            {
                chosen.decision = .answer(kept.entry)
                return chosen
            }
            // "And heat?" after how to use ice names the broad topic both belong to; it asks the
            // last question again about heat: the sibling the message's words fit as closely.
            if entries[top.entry].id == current.topic, !current.isBroad,
                let sibling = alone.bestCandidate(where: {
                    let entry = entries[$0.entry]
                    return entry.kind == .topic && entry.topic == current.topic && entry.id != current.id && !entry.isBroad
                }), sibling.similarity >= top.similarity - Self.siblingSimilarityMargin
            {
                chosen.decision = .answer(sibling.entry)
            }
            return chosen
        }
        // "And is Calpol alright?" after the medicines in general: the specific entry of that topic its keyword names.
        if !frameOnly, current.isBroad, let named = alone.candidates.first, named.keywordHit,
            entries[named.entry].topic == current.id, entries[named.entry].id != current.id
        {
            var chosen = alone
            chosen.decision = .answer(named.entry)
            return chosen
        }
        // "ok, what about swimming then": a topic named by its keyword, nearly word for word, that the
        // model leans to as well, even where small-talk words ("ok") pull the model elsewhere.
        if !frameOnly, cues.contains(words, anyOf: cues.namingOpeners),
            let named = alone.bestCandidate(where: { entries[$0.entry].kind == .topic }), named.keywordHit,
            named.similarity >= Self.namedSimilarity, named.probability >= Self.namedLean
        {
            var chosen = alone
            chosen.decision = .answer(named.entry)
            return chosen
        }
        if let best = contextual.bestCandidate(where: { inFamily($0.entry) }),
            best.score >= (frameOnly ? Self.frameFamilyScore : Self.familyScore)
        {
            var chosen = contextual
            chosen.decision = .answer(best.entry)
            // "How many times a day?" after using ice: a sibling (heat) scoring about the same is no reason to move.
            let home = before ?? current
            if frameOnly, entries[best.entry].id != home.id,
                let stay = contextual.candidates.first(where: { entries[$0.entry].id == home.id }),
                stay.score >= best.score - Self.stayMargin
            {
                chosen.decision = .answer(stay.entry)
            }
            return chosen
        }
        if case .answer(let index) = contextual.decision, entries[index].kind == .topic { return contextual }
        return nil
    }

    /// How sure the model must be of an entry for a follow-up to name it outright.
    static let namedOutright = 0.5
    /// How much closer a specific entry's words must fit than the model's choice to answer instead of it.
    static let wordsFitLead = 0.4
    /// How much less closely than the broad topic it names a sibling of the last answer may fit "and heat?".
    static let siblingSimilarityMargin = 0.15
    /// How far below a sibling the last answer's entry may score and still keep a follow-up that names nothing.
    static let stayMargin = 0.1
    /// Or: how closely a follow-up must match an entry's example, with its keyword, and how much the model must lean to it.
    static let namedSimilarity = 0.8
    static let namedLean = 0.2
    /// How well an entry of the last answer's family must fit a follow-up read with the last question's words.
    static let familyScore = 0.2
    /// Or, for a follow-up that names nothing of its own ("how long for?"), which can only be about that family.
    static let frameFamilyScore = 0.05

    /// Whether the match names no entry, or only one of `ids` ("what can I take instead of ibuprofen?").
    private func names(_ result: MatchResult, nothingBut ids: [String]) -> Bool {
        guard case .answer(let index) = result.decision else { return true }
        return ids.contains(knowledgeBase.entries[index].id)
    }

    /// The match that reads a follow-up's "it" as the condition just answered, when that
    /// reading answers with the condition's entry.
    ///
    /// Only a follow-up that its own words would answer with a broad entry, or not at all:
    /// "is it ok to take ibuprofen?" after sciatica is about ibuprofen.
    private func referredTo(_ current: KnowledgeEntry, _ analyzed: AnalyzedText, words: [String], alone: MatchResult) -> MatchResult? {
        guard current.kind == .topic, cues.referents.contains(current.id) || cues.referents.contains(current.topic),
            words.count <= Self.followUpLimit, let index = knowledgeBase.position(of: current.id)
        else { return nil }
        if case .answer(let named) = alone.decision, !knowledgeBase.entries[named].isBroad, named != index { return nil }
        // The message again (without the words it prunes) with its first "it" replaced by the
        // condition's name (its first keyword).
        var replaced = words.indices.filter { !analyzed.ignoredTokens.contains($0) }.map { words[$0] }
        guard let name = current.keywords.first, let pronoun = replaced.firstIndex(where: cues.referentPronouns.contains) else {
            return nil
        }
        replaced[pronoun] = name
        let referred = matcher.index.analyzer.analyze(replaced.joined(separator: " "))
        let result = matcher.match(referred, subjectSaid: true)
        return result.decision == .answer(index) ? result : nil
    }

    /// Whether the match answered with an entry.
    private func isAnswered(_ result: MatchResult) -> Bool {
        if case .answer = result.decision { return true }
        return false
    }

    /// Whether any term of the message names a subject: a word that is not part of a follow-up's frame.
    private func namesSubject(_ analyzed: AnalyzedText, besides extra: Set<String> = []) -> Bool {
        analyzed.terms.contains { term in
            let words = analyzed.tokens[term.tokens].map(\.word)
            return words.isEmpty || !words.allSatisfy { cues.frameWords.contains($0) || extra.contains($0) }
        }
    }

    /// How many of the message's subject words BackTalk's examples never use.
    private func unknownTerms(_ analyzed: AnalyzedText) -> Int {
        analyzed.terms.filter { term in
            matcher.index.termIDs[term.key] == nil && !analyzed.tokens[term.tokens].map(\.word).allSatisfy(cues.frameWords.contains)
        }.count
    }

    /// What "what can I use instead?" leads to: the first entry the last answer names as related
    /// that is on its topic, specific, and not yet given (paracetamol, after ibuprofen); else the
    /// broad topic, which lists the options.
    private func alternative(to current: KnowledgeEntry, visited: [String]) -> KnowledgeEntry? {
        let sibling = current.related.lazy.compactMap(knowledgeBase.entry(id:)).first { entry in
            entry.kind == .topic && !entry.isBroad && entry.topic == current.topic && entry.id != current.id
                && !visited.contains(entry.id)
        }
        return sibling ?? (current.isBroad ? nil : knowledgeBase.entry(id: current.topic))
    }

    /// Where "anything else?" leads: the broad topic of a specific answer, else a related entry not yet given.
    private func somethingElse(after current: KnowledgeEntry, visited: [String]) -> KnowledgeEntry? {
        if !current.isBroad, let broad = knowledgeBase.entry(id: current.topic) { return broad }
        let children = knowledgeBase.entries.filter { $0.topic == current.id && $0.id != current.id }
        let options = current.related.compactMap(knowledgeBase.entry(id:)) + children
        return options.first { !visited.contains($0.id) } ?? options.first
    }

    /// Whether a finding says that something is fine ("I can pee fine"): a "no" to a triage question.
    private func reassures(_ finding: String) -> Bool {
        let triage = knowledgeBase.triage
        return triage.flow.questions.values.contains { question in
            question.noIf.contains { triage.lexicon.findings[$0].id == finding }
        }
    }

    /// Whether the message tells of back pain someone has now (not a question about it).
    private func ownPain(_ reading: MessageReader.Reading) -> Bool {
        reading.mentions.contains {
            $0.finding == Triage.backPain && $0.status == .present && !$0.general && !$0.context.contains("question")
        }
    }

    /// Whether the message reports the person's own back pain, and of which kind:
    /// `fresh`, a `flare` of long-standing pain, an `update` on how long it has lasted,
    /// or a plea for `help` that says neither.
    private func reportKind(
        _ analyzed: AnalyzedText, words: [String], reading: MessageReader.Reading,
        conversation: Conversation
    ) -> String? {
        guard !reading.isGeneralQuestion, let first = words.first, !cues.questionWords.contains(first) else { return nil }
        // A report names someone or a time: "back spasm meaning" is a question without a question word.
        guard words.contains(where: cues.personal.contains) || cues.contains(words, anyOf: cues.time) else { return nil }
        let pain = ownPain(reading)
        let duration = reading.facts.values.contains { $0.painDays != nil }
        if !pain && duration && words.count <= Self.followUpLimit { return "update" }
        guard pain else { return nil }
        // Pain of three months or more is long-standing: a message about it is a flare, not a fresh episode.
        let days = reading.facts.values.compactMap(\.painDays).max()
        if cues.contains(words, anyOf: cues.flare) || days.map({ $0 >= Self.longStandingDays }) == true { return "flare" }
        // Days into an episode, what to expect matters more than its first hours, first message or not;
        // but a first message about weeks of pain that is not improving asks whether to see someone.
        if let days, days >= 2, conversation.context.entry != nil || days < Self.notImprovingDays { return "update" }
        // Fresh only when it tells of an episode; a plea for help gets the general plan;
        // otherwise the topic it names answers it.
        if cues.contains(words, anyOf: cues.time) || cues.contains(words, anyOf: cues.episode) { return "fresh" }
        return cues.contains(words, anyOf: cues.help) ? "help" : nil
    }
}
