/// A content word or concept found in a message.
struct Term: Sendable, Hashable {
    /// A stem (`cramp`) or a vocabulary concept (`#spasm`).
    var key: String
    /// The tokens it came from.
    var tokens: Range<Int>
    var sentence: Int
    var clause: Int
}

/// A message taken apart for matching: tokens, the terms found in them, and
/// what was changed on the way (for `--explain`).
struct AnalyzedText: Sendable {
    var tokens: [Token]
    /// The words of `tokens` after typo correction.
    var words: [String]
    /// The words as the triage reads them: corrected, except where the person
    /// wrote a real word ("swears" is not "sweats", "reaching" is not "retching").
    var literalWords: [String] = []
    /// Stems of `tokens`, after typo correction, one per token.
    var stems: [String]
    var terms: [Term]
    /// Positions of tokens the matcher's model leaves out (signs the person denied).
    var ignoredTokens: Set<Int> = []
    var corrections: [(from: String, to: String)]
    var concepts: [(phrase: String, concept: String)]
}

/// Turns text into terms: normalise, correct typos, stem, map synonyms.
struct TextAnalyzer: Sendable {
    /// Words longer than this are never corrected (they are not words).
    static let longestCorrectableWord = 20

    let phrases: PhraseTable
    /// The known words (those typos are not looked for in), each with its stem, worked out once
    /// (a table read where the compiled form lies: it is looked up, never gone through).
    let stemsOfKnownWords: StringsByString
    let corrector: TypoCorrector
    let dictionary: WordList
    /// The words of the knowledge base's language and its stemmer.
    let language: Language

    /// Builds an analyser for `vocabulary`, correcting typos towards `corpus`'s words.
    init(vocabulary: Vocabulary, corpus: [String], dictionary: WordList = WordList(), language: Language) {
        self.dictionary = dictionary
        self.language = language
        let tokenizer = language.tokenizer
        let lexicon = language.lexicon
        var frequencies: [String: Int] = [:]
        for text in corpus + vocabulary.concepts.flatMap(\.phrases) {
            for token in tokenizer.tokenize(text) { frequencies[token.word, default: 0] += 1 }
        }
        for word in lexicon.commonWords { frequencies[word, default: 0] += 1 }
        stemsOfKnownWords = StringsByString(Dictionary(uniqueKeysWithValues: frequencies.keys.map { ($0, language.stem($0)) }))
        // Never correct towards a function word: "mole" must not become "more"
        // and vanish, hiding that the message is about something else.
        // Question words stay: "waht" and "hwo" are common.
        corrector = TypoCorrector(
            vocabulary: frequencies.filter {
                !lexicon.stopWords.contains($0.key) || lexicon.questionWords.contains($0.key)
            })
        var table = PhraseTable()
        for concept in vocabulary.concepts {
            for phrase in concept.phrases {
                table.add(tokenizer.tokenize(phrase).map { language.stem($0.word) }, concept: "#" + concept.name)
            }
        }
        phrases = table
    }

    /// The known word a word nothing knows was meant to be, if any.
    ///
    /// A real English word is only a typo by two swapped letters ("dose", "spams"): other near
    /// words are usually meant ("pints" is not "pants", "sell" not "self"). "Doin", "lockin": a
    /// dropped "g" is read back before any nearer-looking word ("down").
    private func correction(of word: String) -> String? {
        if dictionary.contains(word) { return corrector.transposition(of: word) }
        if word.hasSuffix("in"), stemsOfKnownWords[word + "g"] != nil { return word + "g" }
        return corrector.correction(for: word)
    }

    /// The stems a phrase is matched by, for checking the vocabulary.
    func stems(of phrase: String) -> [String] {
        language.tokenizer.tokenize(phrase).map { language.stem($0.word) }
    }

    /// Words already resolved: their corrected form and stem.
    typealias Cache = [String: (word: String, stem: String, corrected: Bool, literal: String)]

    func analyze(_ text: String, correctTypos: Bool = true) -> AnalyzedText {
        var cache = Cache()
        return analyze(text, correctTypos: correctTypos, cache: &cache)
    }

    /// Analyses `text`, sharing resolved words with other calls through `cache`
    /// (indexing thousands of examples corrects each unknown word once).
    func analyze(_ text: String, correctTypos: Bool = true, cache: inout Cache) -> AnalyzedText {
        let tokens = language.tokenizer.tokenize(text)
        var corrections: [(String, String)] = []
        var stems: [String] = []
        var words: [String] = []
        var literalWords: [String] = []
        stems.reserveCapacity(tokens.count)
        for token in tokens {
            let resolved: (word: String, stem: String, corrected: Bool, literal: String)
            if let cached = cache[token.word] {
                resolved = cached
            } else {
                var word = token.word
                var corrected = false
                // One lookup says whether the word is known and gives its stem.
                let knownStem = stemsOfKnownWords[word]
                if correctTypos, knownStem == nil, word.utf8.count <= Self.longestCorrectableWord, let fix = correction(of: word) {
                    word = fix
                    corrected = true
                }
                let literal = corrected && dictionary.contains(token.word) ? token.word : word
                resolved = (word, (corrected ? stemsOfKnownWords[word] : knownStem) ?? language.stem(word), corrected, literal)
                cache[token.word] = resolved
            }
            if resolved.corrected, !corrections.contains(where: { $0.0 == token.word }) {
                corrections.append((token.word, resolved.word))
            }
            stems.append(resolved.stem)
            words.append(resolved.word)
            literalWords.append(resolved.literal)
        }

        var terms: [Term] = []
        var concepts: [(String, String)] = []
        let fillers = words.map(language.lexicon.phraseFillers.contains)
        var start = 0
        while start < tokens.count {
            // Phrases never cross a sentence boundary.
            var end = start
            while end < tokens.count && tokens[end].sentence == tokens[start].sentence { end += 1 }
            var i = start
            while i < end {
                if let (concept, length) = phrases.match(stems, at: i, within: end, fillers: fillers) {
                    terms.append(Term(key: concept, tokens: i..<i + length, sentence: tokens[i].sentence, clause: tokens[i].clause))
                    concepts.append((words[i..<i + length].joined(separator: " "), concept))
                    i += length
                } else {
                    if !language.lexicon.stopWords.contains(words[i]) {
                        terms.append(Term(key: stems[i], tokens: i..<i + 1, sentence: tokens[i].sentence, clause: tokens[i].clause))
                    }
                    i += 1
                }
            }
            start = end
        }
        return AnalyzedText(
            tokens: tokens, words: words, literalWords: literalWords, stems: stems, terms: terms,
            corrections: corrections, concepts: concepts)
    }
}
