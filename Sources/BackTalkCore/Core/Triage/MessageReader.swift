/// Reads the findings in a message the way clinical text processing does.
///
/// After NegEx and ConText (Chapman et al.; medspaCy implements ConText): every
/// finding is marked negated, uncertain, hypothetical or asked about in general,
/// historical or resolved, long-standing or changed, and given an experiencer
/// (the writer or someone they mention, with that person's age and pregnancy).
///
/// Every step is a bounded amount of work per word, so a reading is linear in
/// the length of the message whatever its words: phrases match with bounded
/// gaps, scopes are swept once left to right (or right to left), and terms are
/// paired by binary search within a fixed window.
struct MessageReader: Sendable {
    let lexicon: TriageLexicon
    /// Term index → the (finding, alternative) pairs anchored on it.
    let anchoredOn: [[(finding: Int, alternative: Int)]]
    /// Words that start a new clause (the language's): negation does not reach past them.
    let clauseWords: Set<String>

    init(lexicon: TriageLexicon, clauseWords: Set<String>) {
        self.lexicon = lexicon
        self.clauseWords = clauseWords
        var anchoredOn = [[(finding: Int, alternative: Int)]](repeating: [], count: lexicon.terms.count)
        for (findingIndex, finding) in lexicon.findings.enumerated() {
            for (alternativeIndex, alternative) in finding.alternatives.enumerated() {
                if let anchor = alternative.first { anchoredOn[anchor].append((findingIndex, alternativeIndex)) }
            }
        }
        self.anchoredOn = anchoredOn
    }

    /// Who the conversation is about, carried from one message to the next.
    struct Experiencers: Sendable, Hashable, Codable {
        /// Whom a message with no person word is about.
        var subject = "self"
        /// The last man, woman and anyone mentioned, for he, she and they.
        var lastMale: String?
        var lastFemale: String?
        var lastOther: String?
    }

    /// What a message says.
    struct Reading: Sendable {
        var mentions: [FindingMention] = []
        /// Age, pregnancy and duration, by person.
        var facts: [String: PersonFacts] = [:]
        /// People the message mentions, in order, the writer as `self`.
        var people: [String] = []
        var experiencers = Experiencers()
        /// Whether any sentence is a question.
        var isQuestion = false
        /// Whether any sentence asks for knowledge in general ("what are the signs of…").
        var isGeneralQuestion = false
        /// Where the words of a finding start, for reading answers ("no fever").
        var termStarts = Set<Int>()
        /// Words of findings the person denied ("no numbness"), which the
        /// matcher should not read as the subject of the message.
        var deniedTokens = Set<Int>()

        /// Reported findings (present or in doubt), by person.
        func reported(_ status: FindingStatus) -> [FindingMention] {
            mentions.filter { $0.status == status && !$0.general }
        }
    }

    /// What is already known of the people, from earlier messages.
    struct Known: Sendable {
        /// People known to have back pain: a duration said later is the pain's.
        var inPain: Set<String> = []
        /// People known to be pregnant: "33 weeks" said later is the pregnancy's.
        var pregnant: Set<String> = []
    }

    func read(_ text: AnalyzedText, experiencers: Experiencers, known: Known = Known()) -> Reading {
        var reading = Reading()
        reading.experiencers = experiencers
        var merged: [String: Int] = [:]  // "finding person general" → index in mentions
        var numbers = Numbers()
        var start = 0
        let tokens = text.tokens
        while start < tokens.count {
            var end = start
            while end < tokens.count && tokens[end].sentence == tokens[start].sentence { end += 1 }
            readSentence(text, start..<end, into: &reading, merged: &merged, numbers: &numbers)
            start = end
        }
        // Weeks and durations are settled once the whole message is read:
        // "31 weeks, backache every 10 mins. Braxton Hicks?" is a pregnancy.
        // "36 weeks, back pain and lots of bright red blood": a bare number of
        // weeks with a sign of pregnancy trouble is a pregnancy.
        let pregnancySign = reading.mentions.contains {
            lexicon.pregnancySigns.contains($0.finding) && $0.status == .present && !$0.general
        }
        for weeks in numbers.weeks {
            if numbers.pregnancyWords || weeks.pregnancyPhrase || known.pregnant.contains(weeks.person) || (weeks.alone && pregnancySign) {
                reading.facts[weeks.person, default: PersonFacts()].pregnancyWeeks = weeks.value
                reading.facts[weeks.person, default: PersonFacts()].pregnant = true
            } else {
                numbers.durations.append((weeks.value * 7, weeks.person, weeks.aboutPain))
            }
        }
        for duration in numbers.durations where duration.aboutPain || known.inPain.contains(duration.person) {
            reading.facts[duration.person, default: PersonFacts()].painDays = max(
                reading.facts[duration.person]?.painDays ?? duration.days, duration.days)
        }
        return reading
    }

    /// Numbers read from a message, settled when the message ends.
    private struct Numbers {
        var weeks: [(value: Int, person: String, pregnancyPhrase: Bool, aboutPain: Bool, alone: Bool)] = []
        var durations: [(days: Int, person: String, aboutPain: Bool)] = []
        var pregnancyWords = false
    }

    // MARK: One sentence

    private struct Occurrence {
        var term: Int
        var range: Range<Int>
    }

    private func readSentence(
        _ text: AnalyzedText, _ range: Range<Int>, into reading: inout Reading, merged: inout [String: Int],
        numbers: inout Numbers
    ) {
        let words = text.literalWords.count == text.tokens.count ? text.literalWords : text.words
        let tokens = text.tokens
        let base = range.lowerBound
        let count = range.count
        // Phrases never cross a comma or a "but": "for years, back killing me" holds no "years back".
        var matches: [PhraseSet<TriageLexicon.Label>.Match] = []
        var matchStart = range.lowerBound
        for position in range where position + 1 == range.upperBound || tokens[position + 1].clause != tokens[position].clause {
            matches += lexicon.phrases.matches(in: words, range: matchStart..<position + 1)
            matchStart = position + 1
        }

        // Phrases that are not what they look like.
        var ignored = [Bool](repeating: false, count: count)
        var ignoreRanges: [Range<Int>] = []
        var pseudo = [Bool](repeating: false, count: count)
        var pseudoRanges: [Range<Int>] = []
        for match in matches {
            switch match.label {
            case .ignore:
                ignoreRanges.append(match.range)
                for p in match.range { ignored[p - base] = true }
            case .cue(.pseudo):
                pseudoRanges.append(match.range)
                for p in match.range { pseudo[p - base] = true }
            default: break
            }
        }
        func overlaps(_ range: Range<Int>, _ marks: [Bool]) -> Bool { range.contains { marks[$0 - base] } }

        var occurrences: [Int: [Occurrence]] = [:]
        var insideTerm = [Bool](repeating: false, count: count)
        var termStarts = [Bool](repeating: false, count: count)
        var cues: [(cue: TriageLexicon.Cue, range: Range<Int>)] = []
        var personAt = [(label: TriageLexicon.Label, end: Int)?](repeating: nil, count: count)
        var durations: [(days: Int, position: Int)] = []
        for match in matches {
            switch match.label {
            case .term(let term):
                // A look-alike hides a finding's words, unless the finding says more
                // ("my husband says I'm confused" is not "I'm confused about heat").
                if overlaps(match.range, ignored),
                    !ignoreRanges.contains(where: {
                        $0.overlaps(match.range) && match.range.contains($0.lowerBound) && match.range.upperBound >= $0.upperBound
                            && match.range != $0
                    })
                {
                    continue
                }
                occurrences[term, default: []].append(Occurrence(term: term, range: match.range))
                termStarts[match.range.lowerBound - base] = true
                reading.termStarts.insert(match.range.lowerBound)
                for p in match.range { insideTerm[p - base] = true }
            case .cue(let cue) where cue != .pseudo:
                // "can you" is not a doubt or a denial, but "can you get…" still asks in general;
                // a question's frame wholly inside a look-alike is not one ("good" in "good afternoon").
                if cue == .general || cue == .search {
                    guard !pseudoRanges.contains(where: { $0.contains(match.range.lowerBound) && $0.upperBound >= match.range.upperBound })
                    else { continue }
                } else if overlaps(match.range, pseudo) {
                    continue
                }
                cues.append((cue, match.range))
            case .person, .writer, .generic, .pronoun, .ageGroup:
                guard !overlaps(match.range, pseudo) else { continue }
                let slot = match.range.lowerBound - base
                if personAt[slot].map({ $0.end < match.range.upperBound }) ?? true {
                    personAt[slot] = (match.label, match.range.upperBound)
                }
            case .duration(let days):
                durations.append((days, match.range.lowerBound))
            default:
                break
            }
        }
        // "not sure" is doubt, not denial; a "not" inside a finding's own words
        // ("can not feel") is part of the finding.
        // A cue inside a longer one is part of it: "nothing new" is not a denial.
        cues.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var widest = Int.min
        cues.removeAll { cue in
            defer { widest = max(widest, cue.range.upperBound) }
            return cue.range.upperBound <= widest
        }
        // How far a finding's words reach from each word: a cue inside them
        // is part of the finding, not a cue.
        var coverEnd = [Int](repeating: 0, count: count)
        for list in occurrences.values {
            for occurrence in list {
                let slot = occurrence.range.lowerBound - base
                coverEnd[slot] = max(coverEnd[slot], occurrence.range.upperBound)
            }
        }
        for offset in 1..<max(count, 1) { coverEnd[offset] = max(coverEnd[offset], coverEnd[offset - 1]) }
        var doubtful = [Bool](repeating: false, count: count)
        for cue in cues where cue.cue == .uncertain { for p in cue.range { doubtful[p - base] = true } }
        cues.removeAll { cue in
            guard cue.cue == .negation || cue.cue == .negationAfter || cue.cue == .hypothetical else { return false }
            return overlaps(cue.range, doubtful) || coverEnd[cue.range.lowerBound - base] >= cue.range.upperBound
        }

        var inTimePhrase = [Bool](repeating: false, count: count)
        for cue in cues where cue.cue == .longstanding || cue.cue == .historical {
            for p in cue.range { inTimePhrase[p - base] = true }
        }

        // Who each word is about.
        var experiencer = [String](repeating: reading.experiencers.subject, count: count)
        var personalClauses = Set<Int>()
        var current = reading.experiencers.subject
        var skipUntil = range.lowerBound
        var groups: [(AgeGroup, String)] = []
        var labelledClause = -1
        var clauseStart = range.lowerBound
        var personEnds = Set<Int>()
        for position in range {
            if tokens[position].clause != tokens[clauseStart].clause { clauseStart = position }
            // A person word inside a finding's own words ("cancer patient") or
            // inside a time phrase ("since having my kids") names no one.
            if position >= skipUntil, let (label, end) = personAt[position - base],
                !(insideTerm[position - base] && !termStarts[position - base]) && !inTimePhrase[position - base]
            {
                switch label {
                case .writer:
                    current = "self"
                    personalClauses.insert(tokens[position].clause)
                case .person where personEnds.contains(position):
                    // "my 15 year old son": one person, named twice.
                    break
                case .person(let index):
                    let person = lexicon.people[index]
                    // "lifting my toddler", "worried about my dad": someone named as the
                    // object of the writer's sentence is not whom it is about (he or
                    // she later still is).
                    if position == range.lowerBound || !lexicon.objectWords.contains(words[position - 1]) { current = person.id }
                    switch person.gender {
                    case .male: reading.experiencers.lastMale = person.id
                    case .female: reading.experiencers.lastFemale = person.id
                    case .unknown: break
                    }
                    reading.experiencers.lastOther = person.id
                    if let group = person.group { groups.append((group, person.id)) }
                    personalClauses.insert(tokens[position].clause)
                case .pronoun(.unknown) where reading.experiencers.lastOther == nil:
                    // "some people… when they sneeze": they are people in general.
                    current = "generic"
                case .pronoun(let gender):
                    let e = reading.experiencers
                    switch gender {
                    case .male: current = e.lastMale ?? e.lastOther ?? "other"
                    case .female: current = e.lastFemale ?? e.lastOther ?? "other"
                    case .unknown: current = e.lastOther ?? "other"
                    }
                    personalClauses.insert(tokens[position].clause)
                case .generic:
                    current = "generic"
                case .ageGroup(let group):
                    groups.append((group, current))
                default:
                    break
                }
                // A clause that starts without saying whom it is about takes its
                // first pronoun: "burning when she pees" is about her ("back spasm
                // after lifting my toddler" stays the writer's).
                var isPronoun = false
                switch label {
                case .pronoun, .writer: isPronoun = true
                default: break
                }
                if labelledClause != tokens[position].clause, current != "generic", isPronoun {
                    for earlier in clauseStart..<position { experiencer[earlier - base] = current }
                }
                if case .person = label { personEnds.insert(end) }
                labelledClause = tokens[position].clause
                if !reading.people.contains(current), current != "generic" { reading.people.append(current) }
                for p in position..<end { experiencer[p - base] = current }
                skipUntil = end
                continue
            }
            experiencer[position - base] = current
        }
        if current != "generic" { reading.experiencers.subject = current }
        for (group, person) in groups { reading.facts[person, default: PersonFacts()].ageGroup = group }

        let found = readNumbers(words, tokens, range, experiencer: experiencer, personEnds: personEnds, into: &reading)
        durations += found.durations
        if lexicon.pregnancyTerms.contains(where: { occurrences[$0] != nil }) { numbers.pregnancyWords = true }

        // Is this a question, and does it ask for knowledge in general?
        let first = words[range.lowerBound]
        let second = range.count > 1 ? words[range.lowerBound + 1] : ""
        let question =
            tokens[range.lowerBound].question
            || (lexicon.questionStarts.contains(first) && !lexicon.readingWords.notAQuestionAfterStart.contains(second))
        // A question in a knowledge frame, a request that starts with one ("exercises for…",
        // "how to…"), or a search that ends with one ("cauda equina symptoms") asks for information.
        let aside = cues.contains { $0.cue == .aside }
        let general =
            aside
            || cues.contains {
                // A search's last words ("symptoms", "red flags") are a knowledge frame wherever they are.
                ([.general, .search].contains($0.cue) && (question || $0.range.lowerBound == range.lowerBound))
                    || ($0.cue == .search && $0.range.upperBound == range.upperBound)
            }
        if question { reading.isQuestion = true }
        if general { reading.isGeneralQuestion = true }

        // Where the earliest finding covering each word starts, so that a scope
        // reaching into a finding's words reaches its start.
        var coverStart = Array(0..<count)
        for list in occurrences.values {
            for occurrence in list {
                for p in occurrence.range { coverStart[p - base] = min(coverStart[p - base], occurrence.range.lowerBound - base) }
            }
        }
        let scopes = Scopes(
            sentence: range, cues: cues, words: words, tokens: tokens, insideTerm: insideTerm,
            termStarts: termStarts, coverStart: coverStart, lexicon: lexicon, clauseWords: clauseWords)

        // How long the pain has lasted: only where the sentence is about pain,
        // and not in the past ("a kidney infection 3 years ago" says nothing of this pain).
        var painPerson: String?
        // Findings: an anchor term, with the finding's other terms close by.
        for term in occurrences.keys.sorted() {
            guard let anchors = occurrences[term] else { continue }
            for (findingIndex, alternativeIndex) in anchoredOn[term] {
                let finding = lexicon.findings[findingIndex]
                let others = finding.alternatives[alternativeIndex].dropFirst()
                for anchor in anchors {
                    let position = anchor.range.lowerBound
                    var span = anchor.range
                    var complete = true
                    for other in others {
                        guard let near = nearest(occurrences[other] ?? [], to: anchor.range, window: finding.window) else {
                            complete = false
                            break
                        }
                        span = min(span.lowerBound, near.lowerBound)..<max(span.upperBound, near.upperBound)
                    }
                    guard complete else { continue }
                    let offset = position - base
                    var context: [String] = []
                    let status: FindingStatus
                    var isGeneral = false
                    let personal = personalClauses.contains(tokens[position].clause)
                    // Findings that are always about someone still say they came in a general question.
                    if (aside || (general && !personal)) && finding.personal { context.append("question") }
                    if scopes.negated[offset] {
                        context.append("negated")
                        status = .absent
                        reading.deniedTokens.formUnion(span)
                    } else if scopes.hypothetical[offset] {
                        context.append("hypothetical")
                        status = .present
                        isGeneral = true
                    } else if (aside || (general && !personal)) && !finding.personal {
                        context.append("question")
                        status = .present
                        isGeneral = true
                    } else if scopes.resolved[offset] && finding.kind != .transient {
                        context.append("resolved")
                        status = .past
                    } else if scopes.historical[offset] && finding.kind == .symptom {
                        context.append("historical")
                        status = .past
                    } else if scopes.longstanding[offset] && finding.needsNew && !scopes.changed[offset] {
                        context.append("long-standing")
                        status = .past
                    } else if scopes.uncertain[offset] {
                        context.append("uncertain")
                        status = .uncertain
                    } else {
                        if scopes.changed[offset] && finding.needsNew { context.append("changed") }
                        status = .present
                    }
                    var person = experiencer[offset]
                    if finding.female, !["self", "generic"].contains(person),
                        lexicon.people.first(where: { $0.id == person })?.gender != .female
                    {
                        person = "self"
                    }
                    if finding.id == Triage.backPain, status == .present, !isGeneral, person != "generic" { painPerson = person }
                    let mention = FindingMention(
                        finding: finding.id, person: person, status: status, general: isGeneral, context: context,
                        words: words[span].joined(separator: " "))
                    let key = "\(finding.id) \(person) \(isGeneral)"
                    if let index = merged[key] {
                        if mention.status > reading.mentions[index].status { reading.mentions[index] = mention }
                    } else {
                        merged[key] = reading.mentions.count
                        reading.mentions.append(mention)
                    }
                }
            }
        }
        // How long the pain has lasted belongs to whoever's pain the sentence
        // is about ("I hurt my back helping a friend move five weeks ago").
        // The clauses that speak of pain: a duration counts in one of them, or
        // in a clause of its own next to one ("my back's been bad, for 6 weeks now").
        var painClauses = Set<Int>()
        var termClauses = Set<Int>()
        for (term, list) in occurrences {
            for occurrence in list {
                termClauses.insert(tokens[occurrence.range.lowerBound].clause)
                if lexicon.painTerms.contains(term) { painClauses.insert(tokens[occurrence.range.lowerBound].clause) }
            }
        }
        func aboutPain(_ position: Int) -> Bool {
            let clause = tokens[position].clause
            if painClauses.contains(clause) { return true }
            guard !termClauses.contains(clause) else { return false }
            return painClauses.contains { abs($0 - clause) <= 2 }
        }
        func counts(_ position: Int) -> Bool {
            !scopes.historical[position - base] && !scopes.resolved[position - base] && !scopes.longstanding[position - base]
        }
        func nearPain(_ position: Int) -> Bool {
            // "N weeks ago" dates an event: it is the pain's only when the pain
            // was said first ("hurt my back 5 weeks ago", not "had a baby 3 months ago and my back aches").
            if words[position..<min(range.upperBound, position + 3)].contains(where: lexicon.readingWords.ago.contains) {
                let clause = tokens[position].clause
                return occurrences.contains { term, list in
                    lexicon.painTerms.contains(term)
                        && list.contains { tokens[$0.range.lowerBound].clause == clause && $0.range.lowerBound < position }
                }
            }
            return aboutPain(position) || words[max(base, position - 5)..<position].contains(where: lexicon.readingWords.lasting.contains)
        }
        for (days, position) in durations where counts(position) {
            numbers.durations.append((days, painPerson ?? experiencer[position - base], nearPain(position)))
        }
        for (value, position, phrase, alone) in found.weeks where counts(position) {
            numbers.weeks.append((value, painPerson ?? experiencer[position - base], phrase, nearPain(position), alone))
        }

    }

    /// An occurrence in `list` (sorted by start) within `window` words of
    /// `anchor`, counting the gap between them, if there is one.
    private func nearest(_ list: [Occurrence], to anchor: Range<Int>, window: Int) -> Range<Int>? {
        // No phrase is longer than this many words, so nothing that starts
        // earlier can end within the window.
        let longestPhrase = 12
        let from = anchor.lowerBound - window - longestPhrase
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].range.lowerBound < from { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < list.count, list[index].range.lowerBound <= anchor.upperBound + window {
            let range = list[index].range
            if range.upperBound >= anchor.lowerBound - window { return range }
            index += 1
        }
        return nil
    }

    // MARK: Numbers: ages, weeks of pregnancy, how long the pain has lasted

    /// Reads ages into `reading`, and returns the durations and the weeks found
    /// (weeks of pregnancy or of pain, settled when the message ends).
    private func readNumbers(
        _ words: [String], _ tokens: [Token], _ range: Range<Int>, experiencer: [String], personEnds: Set<Int>,
        into reading: inout Reading
    )
        -> (durations: [(days: Int, position: Int)], weeks: [(value: Int, position: Int, pregnancyPhrase: Bool, alone: Bool)])
    {
        var durations: [(days: Int, position: Int)] = []
        var weeks: [(value: Int, position: Int, pregnancyPhrase: Bool, alone: Bool)] = []
        let base = range.lowerBound
        let cue = lexicon.readingWords
        func word(_ position: Int) -> String { range.contains(position) ? words[position] : "" }
        func aloneInClause(_ position: Int) -> Bool {
            (position == range.lowerBound || tokens[position - 1].clause != tokens[position].clause)
                && (position + 1 == range.upperBound || tokens[position + 1].clause != tokens[position].clause)
        }
        for position in range {
            guard let value = number(at: position, words, range) else { continue }
            let person = experiencer[position - base]
            let next = word(position + 1)
            let after = word(position + 2)
            let previous = word(position - 1)
            let unit = lexicon.timeUnits[next] ?? lexicon.timeUnits[String(next.dropLast())]
            let digits = PatternWord.number(in: words[position]) != nil
            if cue.years.contains(next) && cue.ageAfterYears(at: position + 2, word)
                || lexicon.ageWords.contains(next) || cue.ageBefore.contains(previous)
            {
                if (0...115).contains(value) { reading.facts[person, default: PersonFacts()].age = value }
            } else if unit == 7, (1...42).contains(value), !cue.ago.contains(after) {
                // "33 weeks pregnant", "I'm 32 weeks", "at 33 weeks": weeks of pregnancy, not of pain.
                let phrase =
                    cue.pregnantAfter.contains(after) || personEnds.contains(position)
                    || (cue.pregnancyWeeksBefore.contains(previous) && !cue.notPregnancyAfter.contains(after))
                let alone =
                    (position == range.lowerBound || tokens[position - 1].clause != tokens[position].clause)
                    && (position + 2 >= range.upperBound || tokens[position + 2].clause != tokens[position].clause)
                weeks.append((value, position, phrase, alone))
            } else if unit == 30, (1...10).contains(value), cue.pregnantAfter.contains(after) {
                // "8 months pregnant": a pregnancy, in weeks, not eight months of pain.
                weeks.append((value * 13 / 3, position, true, false))
            } else if unit == 365, cue.years.contains(next), range.count == 2, (12...110).contains(value) {
                // "33 years." on its own: an age.
                reading.facts[person, default: PersonFacts()].age = value
            } else if unit == 365, cue.yearsHad.contains(previous), cue.years.contains(next), !cue.ago.contains(after),
                (12...110).contains(value)
            {
                // "I have 29 years": an age.
                reading.facts[person, default: PersonFacts()].age = value
            } else if let unit, unit > 0 {
                // "twice a year", "once a month": how often, not how long.
                if value <= 1000, !cue.howOften.contains(previous) {
                    durations.append((value * unit, position))
                }
            } else if digits, (12...110).contains(value),
                personEnds.contains(position) || (position == range.lowerBound && (cue.and.contains(next) || next.isEmpty))
                    || aloneInClause(position)
            {
                // "mum 82", "my dad (78)", "46" on its own, "18 and never had back pain": an age.
                reading.facts[person, default: PersonFacts()].age = value
            } else if cue.ageVerbs.contains(previous), !lexicon.vagueNumbers.contains(words[position]) {
                // "I'm 72", "she is 3": an age unless a unit follows ("8 weeks", "5 foot").
                if (1...115).contains(value), !lexicon.nonAgeUnits.contains(next) {
                    reading.facts[person, default: PersonFacts()].age = value
                }
            } else if cue.decadeOwners.contains(previous), words[position].hasSuffix("s"), value >= 20 {
                // "in my 70s"
                reading.facts[person, default: PersonFacts()].age = value + 5
            }
        }
        return (durations, weeks)
    }

    /// The number at `position`: digits ("72", "70s") or a number word ("seventy").
    private func number(at position: Int, _ words: [String], _ range: Range<Int>) -> Int? {
        let word = words[position]
        if let value = PatternWord.number(in: word) { return value }
        return lexicon.numberWords[word]
    }
}

/// Where each ConText cue reaches in one sentence, swept once per direction.
private struct Scopes {
    /// How many words a history cue reaches each way.
    static let historyReach = 12

    var negated: [Bool]
    var hypothetical: [Bool]
    var uncertain: [Bool]
    var historical: [Bool]
    var resolved: [Bool]
    var longstanding: [Bool]
    var changed: [Bool]

    init(
        sentence range: Range<Int>, cues: [(cue: TriageLexicon.Cue, range: Range<Int>)], words: [String], tokens: [Token],
        insideTerm: [Bool], termStarts: [Bool], coverStart: [Int], lexicon: TriageLexicon, clauseWords: Set<String>
    ) {
        let base = range.lowerBound
        let count = range.count
        let readingWords = lexicon.readingWords
        negated = [Bool](repeating: false, count: count)
        hypothetical = negated
        uncertain = negated
        historical = negated
        resolved = negated
        longstanding = negated
        changed = negated

        var startsAt = [[TriageLexicon.Cue]](repeating: [], count: count)
        var endOf = [Int](repeating: 0, count: count)
        var terminator = [Bool](repeating: false, count: count)
        // A change ends a history ("years ago, but now…"), not a denial ("not worse at night").
        var historyStop = [Bool](repeating: false, count: count)
        var clauseCues: [TriageLexicon.Cue: Set<Int>] = [:]
        for (cue, cueRange) in cues {
            let slot = cueRange.lowerBound - base
            startsAt[slot].append(cue)
            endOf[slot] = max(endOf[slot], cueRange.upperBound - base)
            if cue == .terminator { for p in cueRange { terminator[p - base] = true } }
            if cue == .terminator || cue == .changed { for p in cueRange { historyStop[p - base] = true } }
            clauseCues[cue, default: []].insert(tokens[cueRange.lowerBound].clause)
        }

        var predicateClauses = Set<Int>()
        for position in range where lexicon.predicates.contains(words[position]) { predicateClauses.insert(tokens[position].clause) }

        // Negation: forward, a few words, across a comma only along a list of findings.
        var active = false
        var reach = 0
        var cueClause = -1
        var cueEnd = 0
        var orClause = -1
        for offset in 0..<count {
            let position = base + offset
            if startsAt[offset].contains(.negation) {
                active = true
                reach = 0
                cueClause = tokens[position].clause
                cueEnd = max(cueEnd, endOf[offset])
            }
            if offset < cueEnd { continue }
            guard active else { continue }
            let word = words[position]
            if readingWords.or.contains(word) { orClause = tokens[position].clause }
            if terminator[offset] || clauseWords.contains(word) {
                active = false
            } else if readingWords.and.contains(word)
                && (!(offset + 1 < count && termStarts[offset + 1])
                    || (offset + 1..<min(count, offset + 4)).contains(where: { lexicon.predicates.contains(words[base + $0]) }))
            {
                // "not able to pass urine and legs are numb": a new statement.
                active = false
            } else if tokens[position].clause != cueClause
                && (!(insideTerm[offset] || lexicon.listWords.contains(word) || orClause == tokens[position].clause)
                    || predicateClauses.contains(tokens[position].clause))
            {
                // Across a comma only along a bare list of findings (and within its last item, after
                // "or": "no numbness, tingling or trouble going to the loo"), never into a clause with its own verb.
                active = false
            } else if !insideTerm[offset] {
                reach += 1
                if reach > lexicon.negationReach { active = false }
            } else {
                // Each finding's words carry the denial on along a list: "haven't got any
                // numbness or problems going to the toilet" denies both.
                reach = 0
            }
            negated[offset] = active
        }
        // Negation after: "ruled out", a few words back within the clause.
        for (cue, cueRange) in cues where cue == .negationAfter {
            let clause = tokens[cueRange.lowerBound].clause
            var position = cueRange.lowerBound - 1
            var steps = 0
            while position >= base, steps < lexicon.negationReach, tokens[position].clause == clause {
                negated[position - base] = true
                position -= 1
                steps += 1
            }
        }

        // Hypothesis: forward to the end of the clause.
        var hypothesisClause: Int?
        for offset in 0..<count {
            let position = base + offset
            if startsAt[offset].contains(.hypothetical) { hypothesisClause = tokens[position].clause }
            if let clause = hypothesisClause {
                if tokens[position].clause != clause || terminator[offset] { hypothesisClause = nil } else { hypothetical[offset] = true }
            }
        }

        // Doubt: forward to the end of the clause, and a few words back ("numb, maybe"):
        // "my back aches, I don't know if it's covid" doubts the covid, not the ache.
        var doubtClause: Int?
        for offset in 0..<count {
            let clause = tokens[base + offset].clause
            if startsAt[offset].contains(.uncertain) { doubtClause = clause }
            if doubtClause != clause && !startsAt[offset].contains(.uncertain) { doubtClause = nil }
            if doubtClause != nil { uncertain[offset] = true }
        }
        for (cue, cueRange) in cues where cue == .uncertain {
            var position = cueRange.lowerBound - 1
            while position >= max(base, cueRange.lowerBound - 3), tokens[position].clause == tokens[cueRange.lowerBound].clause {
                uncertain[position - base] = true
                position -= 1
            }
        }
        // Long-standing and changed: the whole clause.
        for offset in 0..<count {
            let clause = tokens[base + offset].clause
            longstanding[offset] = clauseCues[.longstanding]?.contains(clause) ?? false
            changed[offset] = clauseCues[.changed]?.contains(clause) ?? false
        }
        // A change said at the start of the next clause, before any finding of
        // its own, reaches back: "for years, but much worse since my back went".
        var firstTermInClause: [Int: Int] = [:]
        var clauseBefore: [Int: Int] = [:]
        for offset in 0..<count {
            let clause = tokens[base + offset].clause
            if offset > 0, tokens[base + offset - 1].clause != clause { clauseBefore[clause] = tokens[base + offset - 1].clause }
            if termStarts[offset], firstTermInClause[clause] == nil { firstTermInClause[clause] = offset }
        }
        /// Marks the clause before each `kind` cue that opens its own clause (no finding before the cue).
        func reachBack(_ kind: TriageLexicon.Cue, into flags: inout [Bool]) {
            var before = Set<Int>()
            for (cue, cueRange) in cues where cue == kind {
                let clause = tokens[cueRange.lowerBound].clause
                if (firstTermInClause[clause] ?? count) >= cueRange.lowerBound - base, let previous = clauseBefore[clause] {
                    before.insert(previous)
                }
            }
            guard !before.isEmpty else { return }
            for offset in 0..<count where before.contains(tokens[base + offset].clause) { flags[offset] = true }
        }
        reachBack(.changed, into: &changed)
        // So does "nothing's changed there" after "erection problems for 6 years,".
        reachBack(.longstanding, into: &longstanding)

        // History: both ways within the clause, stopped by "now", "but" and changes.
        for (cue, cueRange) in cues where cue == .historical {
            let clause = tokens[cueRange.lowerBound].clause
            for p in cueRange { historical[p - base] = true }
            // Bounded each way, so that a flood of cues stays linear.
            var position = cueRange.lowerBound - 1
            while position >= max(base, cueRange.lowerBound - Self.historyReach), tokens[position].clause == clause,
                !historyStop[position - base], !readingWords.and.contains(words[position]),
                !readingWords.historyStopsBack.contains(words[position])
            {
                historical[position - base] = true
                position -= 1
            }
            position = cueRange.upperBound
            while position < min(range.upperBound, cueRange.upperBound + Self.historyReach), tokens[position].clause == clause,
                !historyStop[position - base], !readingWords.and.contains(words[position])
            {
                historical[position - base] = true
                position += 1
            }
        }

        // Resolution: back to the nearest finding, never past "and".
        for (cue, cueRange) in cues where cue == .resolved {
            var position = cueRange.lowerBound - 1
            var steps = 0
            while position >= base, steps < 14, !readingWords.and.contains(words[position]) {
                resolved[position - base] = true
                if termStarts[position - base] {
                    for p in coverStart[position - base]..<(position - base) { resolved[p] = true }
                    break
                }
                position -= 1
                steps += 1
            }
        }
    }
}
