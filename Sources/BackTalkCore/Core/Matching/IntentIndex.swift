import Foundation

/// Every entry's examples, keywords and vocabulary as weighted term ids, with
/// postings lists so that scoring a message touches only the entries it shares words with.
struct IntentIndex: Sendable {
    struct Example: Sendable {
        var entry: Int
        var norm: Double
    }

    let analyzer: TextAnalyzer
    /// Term key → id (a table read where the compiled form lies: it is looked up, never gone through).
    let termIDs: NumbersByString
    /// Inverse entry frequency of each term id.
    let idf: [Double]
    /// The weight of a word no entry uses: as high as the rarest known word.
    let unknownWeight: Double
    let examples: [Example]
    /// Term id → examples that contain it.
    let examplePostings: NumberLists
    /// Term id → (entry, credit): 1 for words of the examples, keywords and
    /// title; ``answerOnlyCredit`` for words that appear only in the answer.
    ///
    /// Each is one number (see ``coverage(of:)``), so that the lists are read where
    /// the compiled form lies.
    let coveragePostings: NumberLists
    /// Each entry's keywords as sets of term ids.
    let keywords: [[[Int]]]
    /// Concepts that place a message within BackTalk's subject.
    let anchorIDs: Set<Int>

    /// Whether `key` names BackTalk's subject (the back, a spasm, a medicine for it).
    func isAnchor(_ key: String) -> Bool { termIDs[key].map(anchorIDs.contains) ?? false }
    /// Concepts that place it outside, and those that overrule them.
    let offTopicKeys: Set<String>
    let offTopicUnlessKeys: Set<String>
    /// Concept keys that put a message outside the subject even beside the back ("a rash on my back").
    let offTopicAlwaysKeys: Set<String>
    /// Concept keys that keep such a message on the subject ("a spasm in my back and a rash").
    let offTopicAlwaysUnlessKeys: Set<String>
    /// Words that offer a choice between two things ("or").
    let choiceWords: Set<String>
    let entryCount: Int
    /// Weights learnt from the examples (and the out-of-scope examples, as one more class).
    let model: LearnedModel
    /// Whether the model has an out-of-scope class, the last.
    let modelKnowsOutOfScope: Bool

    static let answerOnlyCredit = 0.5

    /// A posting of ``coveragePostings`` as one number: the entry, doubled, plus 1 for an answer-only word.
    static func coverageItem(entry: Int, credit: Double) -> Int {
        precondition(credit == 1 || credit == answerOnlyCredit, "a coverage credit that is neither full nor answer-only")
        return entry * 2 + (credit == 1 ? 0 : 1)
    }

    /// The entry and credit of a number of ``coveragePostings``.
    @inline(__always)
    static func coverage(of item: Int) -> (entry: Int, credit: Double) {
        (item >> 1, item & 1 == 0 ? 1 : answerOnlyCredit)
    }

    /// `extraWords` are words typos are corrected towards although no entry uses them (the triage phrases).
    init(
        entries: [KnowledgeEntry], vocabulary: Vocabulary, language: Language, extraWords: [String] = [],
        dictionary: WordList = WordList(), outOfScope: [String] = [], model: LearnedModel? = nil, learns: Bool = true
    ) {
        // Examples are left out on purpose: some are misspelt, and their typos
        // should be corrected like anyone else's, not learnt as words.
        let corpus = entries.flatMap { [$0.title, $0.answer] + $0.keywords } + extraWords
        let analyzer = TextAnalyzer(vocabulary: vocabulary, corpus: corpus, dictionary: dictionary, language: language)
        self.analyzer = analyzer
        entryCount = entries.count

        var ids: [String: Int] = [:]
        func id(_ key: String) -> Int {
            if let existing = ids[key] { return existing }
            ids[key] = ids.count
            return ids.count - 1
        }
        var cache = TextAnalyzer.Cache()
        func termSet(_ text: String) -> [Int] {
            Array(Set(analyzer.analyze(text, cache: &cache).terms.map { id($0.key) })).sorted()
        }

        var exampleSets: [(entry: Int, terms: [Int])] = []
        var keywordSets: [[[Int]]] = []
        var strong: [Set<Int>] = []
        var weak: [Set<Int>] = []
        for (index, entry) in entries.enumerated() {
            let sets = ([entry.title] + entry.examples).map(termSet).filter { !$0.isEmpty }
            exampleSets += sets.map { (index, $0) }
            let keywordTerms = entry.keywords.map(termSet).filter { !$0.isEmpty }
            keywordSets.append(keywordTerms)
            strong.append(Set(sets.joined()).union(keywordTerms.joined()))
            weak.append(Set(termSet(entry.answer)))
        }

        var documentFrequency = [Int](repeating: 0, count: ids.count)
        for terms in strong { for term in terms { documentFrequency[term] += 1 } }
        let n = Double(max(entries.count, 1))
        let idf = documentFrequency.map { df in df == 0 ? 0 : log(1 + n / Double(df)) }
        self.idf = idf
        unknownWeight = log(1 + n)

        var examplePostings = [[Int]](repeating: [], count: ids.count)
        var examples: [Example] = []
        for (index, example) in exampleSets.enumerated() {
            let norm = example.terms.reduce(0) { $0 + idf[$1] * idf[$1] }.squareRoot()
            examples.append(Example(entry: example.entry, norm: norm))
            for term in example.terms { examplePostings[term].append(index) }
        }
        var coveragePostings = [[Int]](repeating: [], count: ids.count)
        for index in entries.indices {
            for term in strong[index].sorted() { coveragePostings[term].append(Self.coverageItem(entry: index, credit: 1)) }
            for term in weak[index].subtracting(strong[index]).sorted() {
                coveragePostings[term].append(Self.coverageItem(entry: index, credit: Self.answerOnlyCredit))
            }
        }
        self.examples = examples
        self.examplePostings = NumberLists(examplePostings)
        self.coveragePostings = NumberLists(coveragePostings)
        keywords = keywordSets
        anchorIDs = Set(vocabulary.anchors.compactMap { ids["#" + $0] })
        offTopicKeys = Set(vocabulary.offTopic.map { "#" + $0 })
        offTopicUnlessKeys = Set(vocabulary.offTopicUnless.map { "#" + $0 })
        offTopicAlwaysKeys = Set(vocabulary.offTopicAlways.map { "#" + $0 })
        offTopicAlwaysUnlessKeys = Set(vocabulary.offTopicAlwaysUnless.map { "#" + $0 })
        choiceWords = Set(vocabulary.choiceWords)
        termIDs = NumbersByString(ids)

        modelKnowsOutOfScope = !outOfScope.isEmpty
        let texts =
            entries.enumerated().flatMap { index, entry in ([entry.title] + entry.examples + entry.keywords).map { ($0, index) } }
            + outOfScope.map { ($0, entries.count) }
        let fingerprint = LearnedModel.fingerprint(texts)
        if let model, model.fingerprint == fingerprint {
            self.model = model
        } else if !learns {
            // No weights: every class equally likely, so the matcher decides by the words alone.
            let classCount = entries.count + (outOfScope.isEmpty ? 0 : 1)
            self.model = LearnedModel(
                classCount: classCount, features: [], weights: [],
                bias: [Float](repeating: 0, count: classCount), fingerprint: fingerprint)
        } else {
            let training = texts.map { text, label in (LearnedModel.features(analyzer.analyze(text, cache: &cache)), label) }
            self.model = LearnedModel.train(
                training, classCount: entries.count + (outOfScope.isEmpty ? 0 : 1),
                fingerprint: fingerprint)
        }
    }
}
