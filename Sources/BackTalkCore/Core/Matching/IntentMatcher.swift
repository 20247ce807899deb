/// How well one entry fits a message, and why.
struct Candidate: Sendable, Hashable {
    var entry: Int
    /// The combined score in 0...1.
    var score: Double
    /// Best similarity to one of the entry's examples (idf-weighted cosine).
    var similarity: Double
    /// Share of the message's word weight that the entry knows.
    var coverage: Double
    /// The same, counting only words of the entry's examples, keywords and title.
    var strongCoverage: Double
    /// Whether one of the entry's keywords appears whole in the message.
    var keywordHit: Bool
    /// The learnt model's probability for the entry.
    var probability: Double = 0
}

/// What the matcher decided for a message.
enum MatchDecision: Sendable, Hashable {
    case answer(Int)
    case clarify(Int, Int)
    case outOfScope
}

/// The ranked candidates for the part of a message that matched best.
struct MatchResult: Sendable {
    var decision: MatchDecision
    /// The best few candidates, best first (``IntentMatcher/rankedCandidates`` of them).
    var candidates: [Candidate]
    /// Every candidate, for ``bestCandidate(where:)``.
    var pool = CandidatePool.empty
    /// The sentence range of the message the candidates were scored on.
    var segment: Range<Int>?
    var analyzed: AnalyzedText
    var anchored: Bool
    /// Whether the message names something outside BackTalk's subject ("my heart keeps spasming").
    var offTopic = false
    /// The decision once the conversation has said what it is about, so that the message need
    /// not name the back again ("why does it kill when I sneeze?"); `decision` is the message's on its own.
    var decisionInContext: MatchDecision? = nil

    /// The best candidate that satisfies `predicate`: the first such of the full ranking.
    func bestCandidate(where predicate: (Candidate) -> Bool) -> Candidate? {
        candidates.first(where: predicate) ?? pool.best(where: predicate)
    }
}

/// Scores every entry against a message and decides: answer, ask which, or out of scope.
struct IntentMatcher: Sendable {
    struct Tuning: Sendable {
        var similarityWeight = 0.45
        var coverageWeight = 0.30
        var keywordWeight = 0.15
        /// How much of the score is the learnt model's probability (the rest is the similarity score).
        var modelWeight = 0.7
        /// A model this sure of an entry answers with it, whatever the word overlap.
        var modelAccept = 0.3
        /// A model this sure that a message is out of scope turns it away.
        var modelReject = 0.5
        /// Unless the message names the subject and the model is this nearly as sure of an entry.
        var outOfScopeOverruled = 0.1
        /// Below this the message is out of scope.
        var threshold = 0.30
        /// The threshold in a conversation already about the back, where a message that fits an
        /// entry a little is far more likely about it than about anything else ("and tomorrow, should I come in?").
        var contextThreshold = 0.15
        /// Without a word such as "back" or "spasm", this much of the message must be known to the entry.
        var unanchoredCoverage = 0.60
        var anchoredCoverage = 0.30
        /// Two topics closer than this are too close to call.
        var clarifyMargin = 0.025
        /// An unknown word in a message that names the back is context, and weighs this much less.
        var anchoredUnknownFactor = 0.5
        /// The most words a message can have and still be small talk ("ok thanks, bye for now").
        var smalltalkLimit = 12
        /// Long messages: how many sentences are looked at.
        var maximumSentences = 40
    }

    let index: IntentIndex
    let kinds: [KnowledgeEntry.Kind]
    /// Each entry's id and broad topic, for telling apart two topics from one family.
    let ids: [String]
    let topics: [String]
    /// Words that open a question without a question mark ("am I ok to drive on it"), from the
    /// triage's reading words, so that a story's question is found however it is typed.
    var questionStarts: Set<String> = []
    var tuning = Tuning()

    func match(_ text: String) -> MatchResult {
        match(index.analyzer.analyze(text))
    }

    /// Matches a message; with `subjectSaid` (the conversation has already said what it is
    /// about: the back, a spasm) the result also carries ``MatchResult/decisionInContext``.
    func match(_ analyzed: AnalyzedText, subjectSaid: Bool = false) -> MatchResult {
        let sentenceCount = min((analyzed.terms.last?.sentence ?? 0) + 1, tuning.maximumSentences)
        var segments: [Range<Int>] = [0..<sentenceCount]
        if sentenceCount > 1 {
            segments += (0..<sentenceCount).map { $0..<$0 + 1 }
            if sentenceCount > 2 { segments += (0..<sentenceCount - 1).map { $0..<$0 + 2 } }
        }
        typealias Ranked = (candidates: [Candidate], pool: CandidatePool, segment: Range<Int>, anchored: Bool, outOfScope: Double)
        var best: Ranked?
        func names(_ keys: Set<String>) -> Bool { analyzed.terms.contains { keys.contains($0.key) } }
        let offTopic =
            (names(index.offTopicKeys) && !names(index.offTopicUnlessKeys))
            || (names(index.offTopicAlwaysKeys) && !names(index.offTopicAlwaysUnlessKeys))
        // A story that ends in a question ("…Is there anything I can do before I fly?") is answered
        // on the question where that can be done: the best segment that holds its last question.
        let asked = sentenceCount >= Self.storySentences ? lastQuestion(analyzed, below: sentenceCount) : nil
        var bestAsking: Ranked?
        for segment in segments {
            let terms = analyzed.terms.filter { segment.contains($0.sentence) }
            guard !terms.isEmpty else { continue }
            let whole = segment == segments[0]
            // Small talk is a short message's; in a longer one, "ok so…" is only its opening.
            let (candidates, pool, anchored, outOfScope) = rank(
                terms, allowSmalltalk: whole && analyzed.tokens.count <= tuning.smalltalkLimit, analyzed: analyzed,
                sentences: segment)
            guard let top = candidates.first else { continue }
            if let asked, segment.contains(asked), top.score > (bestAsking?.candidates.first?.score ?? -1) + 1e-12 {
                bestAsking = (candidates, pool, segment, anchored, outOfScope)
            }
            // A later segment replaces the best so far only if it scores higher.
            if let sofar = best?.candidates.first, top.score <= sofar.score + 1e-12 { continue }
            best = (candidates, pool, segment, anchored, outOfScope)
        }
        let messageAnchored = analyzed.terms.contains { index.isAnchor($0.key) }
        if let asking = bestAsking,
            case .answer = decide(
                asking.candidates, anchored: asking.anchored || messageAnchored, outOfScope: asking.outOfScope, offersChoice: false)
        {
            best = asking
        }
        guard let best else {
            return MatchResult(
                decision: .outOfScope, candidates: [], segment: nil, analyzed: analyzed,
                anchored: false, offTopic: offTopic)
        }
        let offersChoice = analyzed.words.contains(where: index.choiceWords.contains)
        // A long message whose question is in a sentence of its own ("What can I do at home?")
        // is on the subject if any of its sentences names the back.
        let anchored = best.anchored || messageAnchored
        let decision =
            offTopic
            ? .outOfScope
            : decide(best.candidates, anchored: anchored, outOfScope: best.outOfScope, offersChoice: offersChoice)
        let inContext =
            !subjectSaid || anchored || offTopic
            ? decision
            : decide(best.candidates, anchored: true, outOfScope: best.outOfScope, offersChoice: offersChoice, inContext: true)
        return MatchResult(
            decision: decision, candidates: best.candidates, pool: best.pool, segment: best.segment, analyzed: analyzed,
            anchored: anchored, offTopic: offTopic, decisionInContext: subjectSaid ? inContext : nil
        )
    }

    /// The last of the first `count` sentences that asks something: it ends in a question mark,
    /// or opens with a question word ("am I ok to drive on it").
    private func lastQuestion(_ analyzed: AnalyzedText, below count: Int) -> Int? {
        var last: Int?
        for (position, token) in analyzed.tokens.enumerated() where token.sentence < count {
            let opens = position == 0 || analyzed.tokens[position - 1].sentence != token.sentence
            if token.question || (opens && questionStarts.contains(token.word)) { last = token.sentence }
        }
        return last
    }

    private func decide(
        _ candidates: [Candidate], anchored: Bool, outOfScope: Double, offersChoice: Bool, inContext: Bool = false
    ) -> MatchDecision {
        guard let top = candidates.first else { return .outOfScope }
        let threshold = inContext ? tuning.contextThreshold : tuning.threshold
        // On the subject (the back, a spasm), a model sure of an entry is trusted whatever the
        // word overlap; otherwise most of the message must be words the entry knows.
        // Not for small talk, and only where the entry knows a word of the message: knowing none,
        // the model leans to its priors ("will I be alright on the big dipper?" is no thanks).
        let trusted = anchored && kinds[top.entry] == .topic && top.probability >= tuning.modelAccept && top.coverage > 0
        // A message on the subject that names an entry's keyword ("calpol") and whose words the entry
        // mostly knows is about that entry, though the model hesitates over the rest ("in the meantime").
        let named =
            anchored && kinds[top.entry] == .topic && top.keywordHit && top.strongCoverage >= tuning.unanchoredCoverage
            && top.score >= tuning.contextThreshold
        // The model's "out of scope" turns a message away, unless the message names the subject
        // and the model is as sure of an entry: "easier on the stomach" is about the back's medicine.
        guard outOfScope < tuning.modelReject || named || (trusted && top.probability >= outOfScope - tuning.outOfScopeOverruled) else {
            return .outOfScope
        }
        guard
            trusted || named
                || (top.score >= threshold
                    && (anchored ? top.coverage >= tuning.anchoredCoverage : top.strongCoverage >= tuning.unanchoredCoverage))
        else { return .outOfScope }
        if candidates.count > 1 {
            let second = candidates[1]
            // Too close when the scores are, or when the examples fit both alike and the
            // model barely prefers one (its lean then is noise from training order).
            let close =
                top.score - second.score < tuning.clarifyMargin
                || (abs(top.similarity - second.similarity) < 0.01 && top.probability - second.probability < 0.1)
            // "Treatment or prevention?": two broad topics, each named by a keyword, either side of "or".
            let choice =
                offersChoice && top.keywordHit && second.keywordHit
                && !related(top.entry, second.entry)
            if second.score >= tuning.threshold, close || choice,
                kinds[top.entry] == .topic, kinds[second.entry] == .topic
            {
                // Neither leads, so they are offered in the knowledge base's order.
                return .clarify(min(top.entry, second.entry), max(top.entry, second.entry))
            }
        }
        return .answer(top.entry)
    }

    /// Whether two entries share a topic, or one is the other's topic.
    private func related(_ first: Int, _ second: Int) -> Bool {
        let a = topics[first]
        let b = topics[second]
        return a == b || a == ids[second] || b == ids[first]
    }

    /// How many sentences make a message a story, whose last question is what it asks.
    ///
    /// Two do: in "My GP gave me diazepam. Can I take it with codeine?" the question is the point.
    static let storySentences = 2

    /// How many candidates a match keeps ranked.
    ///
    /// `--explain` shows five; the rest stay in the match's pool.
    static let rankedCandidates = 5

    /// The best candidates for one set of terms, best first, ties broken by entry
    /// order, and the pool of every candidate.
    ///
    /// Only the examples and entries the message's words reach are scored one by
    /// one; the others score by the learnt model alone, and only the best of them
    /// are made (see ``CandidatePool``).
    func rank(
        _ terms: [Term], allowSmalltalk: Bool, analyzed: AnalyzedText? = nil,
        sentences: Range<Int>? = nil
    ) -> (candidates: [Candidate], pool: CandidatePool, anchored: Bool, outOfScope: Double) {
        var seen = Set<String>()
        var ids: [Int] = []
        var weights: [Double] = []
        var unknownCount = 0
        for term in terms where seen.insert(term.key).inserted {
            if let id = index.termIDs[term.key], index.idf[id] > 0 {
                ids.append(id)
                weights.append(index.idf[id])
            } else {
                unknownCount += 1
            }
        }
        let anchored = ids.contains { index.anchorIDs.contains($0) }
        let unknownWeight = index.unknownWeight * (anchored ? tuning.anchoredUnknownFactor : 1)
        let unknownMass = Double(unknownCount) * unknownWeight
        let squaredNorm = weights.reduce(0) { $0 + $1 * $1 } + unknownMass * unknownWeight
        let totalMass = weights.reduce(0, +) + unknownMass
        guard squaredNorm > 0 else { return ([], .empty, anchored, 0) }
        let norm = squaredNorm.squareRoot()

        // Best similarity to an example, for each entry an example of which shares a word
        // (0 for an entry none of whose examples does).
        let lists = zip(ids, weights).map { ($0, $1 * $1) }
        let similarities = PostingSums.bestSimilarities(
            of: lists, in: index.examplePostings, examples: index.examples, norm: norm, entryCount: index.entryCount)
        // Every entry with an example that shares a word knows that word: the coverage reaches it too.
        let coverage = PostingSums.coverage(
            of: zip(ids, weights).map { ($0, $1) }, in: index.coveragePostings, entryCount: index.entryCount)
        // Whether a term is in the message, by term id: one flag each, set once, so that
        // checking every reached entry's keywords is a load per word, not a search.
        var present = [Bool](repeating: false, count: index.idf.count)
        for id in ids { present[id] = true }

        var pool = CandidatePool(kinds: kinds, allowSmalltalk: allowSmalltalk, tuning: tuning)
        var modelled = false
        if let analyzed {
            modelled = true
            let features = LearnedModel.features(analyzed, sentences: sentences, terms: terms)
            if let probabilities = index.model.probabilities(ifAny: features) {
                pool.probabilities = probabilities
            } else {
                pool.probabilities = index.model.priorProbabilities
                pool.priorOrder = index.model.priorOrder
            }
        }
        var top = TopCandidates(capacity: Self.rankedCandidates)
        pool.reached.reserveCapacity(coverage.count)
        for (entry, cover, strong) in coverage {
            if !allowSmalltalk && kinds[entry] == .smalltalk { continue }
            let similarity = similarities[entry]
            let keywordHit = Self.hasKeyword(index.keywords[entry], present: present)
            let probability = modelled ? Double(pool.probabilities[entry]) : 0
            guard
                let candidate = tuning.candidate(
                    entry: entry, similarity: similarity, coverage: cover / totalMass,
                    strongCoverage: strong / totalMass, keywordHit: keywordHit,
                    probability: probability, modelled: modelled)
            else { continue }
            pool.reached.append(candidate)
            top.insert(candidate)
        }
        // Entries no word reaches score by the model alone: the best of them, without scoring them all
        // when the model's prior orders them.
        if let order = pool.priorOrder {
            var taken = 0
            for value in order where taken < Self.rankedCandidates {
                let entry = Int(value)
                guard entry < index.entryCount, !pool.isReached(entry), let candidate = pool.unreached(entry) else { continue }
                guard candidate.score > 0, !top.excludes(candidate) else { break }
                top.insert(candidate)
                taken += 1
            }
        } else if modelled {
            var next = 0
            for entry in 0..<index.entryCount {
                while next < pool.reached.count, pool.reached[next].entry < entry { next += 1 }
                if next < pool.reached.count, pool.reached[next].entry == entry { continue }
                if let candidate = pool.unreached(entry), candidate.score > 0 { top.insert(candidate) }
            }
        }
        let outOfScope =
            index.modelKnowsOutOfScope && pool.probabilities.count > index.entryCount
            ? Double(pool.probabilities[index.entryCount]) : 0
        return (top.best, pool, anchored, outOfScope)
    }
}

extension IntentMatcher {
    /// Whether every term of one of `keywords` is `present` (an empty keyword is always there).
    @inline(__always)
    fileprivate static func hasKeyword(_ keywords: [[Int]], present: [Bool]) -> Bool {
        for keyword in keywords {
            var all = true
            for id in keyword where id >= present.count || !present[id] {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }
}

extension IntentMatcher.Tuning {
    /// An entry's candidate from its scores, or `nil` if it scores nothing.
    ///
    /// `modelled`: whether the learnt model's probability counts (the matcher always has one for a message).
    func candidate(
        entry: Int, similarity: Double, coverage: Double, strongCoverage: Double, keywordHit: Bool,
        probability: Double, modelled: Bool
    ) -> Candidate? {
        let similarityScore = similarityWeight * similarity + coverageWeight * coverage + (keywordHit ? keywordWeight : 0)
        let score = modelled ? (1 - modelWeight) * similarityScore + modelWeight * probability : similarityScore
        guard score > 0 else { return nil }
        return Candidate(
            entry: entry, score: min(score, 1), similarity: similarity, coverage: coverage,
            strongCoverage: strongCoverage, keywordHit: keywordHit, probability: probability)
    }
}
