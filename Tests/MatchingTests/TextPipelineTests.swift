import BackTalk
import Testing

@testable import BackTalkCore

/// The tokenizer of the bundled knowledge base's language (English, from `Intents/language/lexicon.yaml`).
let englishTokenizer = (try? KnowledgeBase.bundled())?.language.tokenizer ?? Tokenizer(lexicon: Lexicon())

@Suite("Normalising text")
struct TokenizerTests {
    func words(_ text: String) -> [String] { englishTokenizer.tokenize(text).map(\.word) }

    @Test func lowerCasesAndDropsPunctuation() {
        #expect(words("What CAUSES back-spasms?!") == ["what", "causes", "back", "spasms"])
    }

    @Test func expandsContractionsWithAndWithoutApostrophes() {
        #expect(words("I can't sleep") == ["i", "can", "not", "sleep"])
        #expect(words("it doesnt help, im stuck") == ["it", "does", "not", "help", "i", "am", "stuck"])
        #expect(words("What\u{2019}s a spasm") == ["what", "is", "a", "spasm"])
        #expect(words("my back's sore") == ["my", "back", "sore"])
    }

    @Test func foldsAccentsAndWidths() {
        #expect(words("BÄCK ｓｐａｓｍ café") == ["back", "spasm", "cafe"])
    }

    @Test func removesEscapeSequencesAndControlCharacters() {
        #expect(words("\u{1B}[31mred\u{1B}[0m back\u{07}\u{00}ache") == ["red", "back", "ache"])
        #expect(words("\u{1B}]0;title\u{07}spasm") == ["spasm"])
    }

    @Test func splitsSentencesAndClauses() {
        let tokens = englishTokenizer.tokenize("no numbness, no fever. just stiff but sore")
        #expect(tokens.map(\.sentence) == [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(Set(tokens.prefix(2).map(\.clause)).count == 1)
        #expect(tokens[2].clause != tokens[0].clause)
        #expect(tokens[7].clause != tokens[5].clause)
    }

    @Test func readsAnAmpersandAsAnd() {
        // "A&E" is how most people in the UK write the emergency department; the phrases spell it "a and e".
        #expect(words("should I go to A&E?") == ["should", "i", "go", "to", "a", "and", "e"])
        #expect(words("A&E café") == ["a", "and", "e", "cafe"], "the same on the path for text beyond ASCII")
    }

    @Test func readsChatShorthand() {
        #expect(words("wots a bk spasm") == ["what", "is", "a", "back", "spasm"])
        #expect(words("cn i drive wiv it tho") == ["can", "i", "drive", "with", "it", "though"])
    }

    @Test func emptyAndWhitespaceOnlyTextHasNoTokens() {
        #expect(words("").isEmpty)
        #expect(words("  \t \n ").isEmpty)
        #expect(words("\u{FFFD}\u{FFFD}").isEmpty)
    }
}

@Suite("Stemming and typo correction")
struct StemmingTests {
    @Test(arguments: [
        ("spasms", "spasm"), ("cramping", "cramp"), ("stretches", "stretch"), ("stretching", "stretch"),
        ("causes", "caus"), ("cause", "caus"), ("hopping", "hop"), ("relational", "relat"), ("caresses", "caress"),
    ])
    func porter(word: String, stem: String) {
        #expect(PorterStemmer().stem(word) == stem)
    }

    @Test func correctsOneSlipAndTwoInLongWords() {
        let corrector = TypoCorrector(vocabulary: ["symptoms": 1, "spasms": 1, "ibuprofen": 1, "stretching": 1])
        #expect(corrector.correction(for: "symtoms") == "symptoms")
        #expect(corrector.correction(for: "spams") == "spasms")
        #expect(corrector.correction(for: "ibuprofin") == "ibuprofen")
        #expect(corrector.correction(for: "strecthign") == "stretching")
        #expect(corrector.correction(for: "flight") == nil)
        #expect(corrector.correction(for: "xyz") == nil)
    }

    @Test func aRealWordIsATypoOnlyByTwoSwappedLetters() {
        let corrector = TypoCorrector(vocabulary: ["spasm": 3, "pants": 1, "self": 1, "does": 2])
        #expect(corrector.transposition(of: "spams") == "spasm")
        #expect(corrector.transposition(of: "dose") == "does")
        #expect(corrector.transposition(of: "pints") == nil)
        #expect(corrector.transposition(of: "sell") == nil)
    }

    @Test func theBuiltInAnalyserLeavesRealWordsAlone() throws {
        let analyzer = try Engine().knowledgeBase.matcher.index.analyzer
        #expect(analyzer.analyze("a couple of pints with co-codamol").corrections.isEmpty)
        #expect(analyzer.analyze("what can they sell me").corrections.isEmpty)
        // Names people type in lower case are words too: "saturday" had become "sturdy".
        #expect(analyzer.analyze("my back went on saturday, worse since wednesday in manchester").corrections.isEmpty)
        #expect(analyzer.analyze("muscle spams in my back").corrections.map(\.to) == ["spasm"])
    }

    @Test func aDroppedGIsReadBackBeforeANearerLookingWord() throws {
        // "doin" is one letter from "down" as from "doing"; chat drops the g far more often.
        let analyzer = try Engine().knowledgeBase.matcher.index.analyzer
        let fixed = analyzer.analyze("hurt it doin the garden and now its lockin up").corrections
        #expect(fixed.map(\.to) == ["doing", "locking"])
    }

    @Test func neverCorrectsAVeryLongWordOrNonLetters() {
        let corrector = TypoCorrector(vocabulary: ["spasm": 1])
        #expect(corrector.correction(for: String(repeating: "spasm", count: 40)) == nil)
        #expect(corrector.correction(for: "sp4sm") == nil)
    }
}

@Suite("Triage phrase lookup")
struct PhraseSetLookupTests {
    /// Finding the phrases that start with a word start by comparing bytes, and passing
    /// over those whose second word is out of reach, finds what trying every phrase
    /// looked up by string found, in the same order.
    @Test func wordStartsMatchAsTheLookupByStringDid() {
        var phrases = PhraseSet<Int>(fillers: ["really", "very"], maximumGap: 2)
        let texts = [
            "numb* legs", "numbn*", "numb*", "tingl* feet", "pins and needles", "# weeks", "#>=50", "can not feel*",
            "s*", "so*", "sor*", "sore back",
        ]
        for (label, text) in texts.enumerated() { phrases.add(PhrasePattern(text, tokenizer: englishTokenizer), label: label) }
        var byString = phrases
        byString.prefixGroups = nil
        // Nor does passing over phrases whose second word is out of reach lose any.
        byString.secondWords = byString.secondWords.map { _ in 0 }
        let words = englishTokenizer.tokenize(
            "Numbness in my legs, numbnumb legs and tingling really very feet; 12 weeks, 55 pins and needles, s so sore back, can't feel it"
        ).map(\.word)
        let found = phrases.matches(in: words, range: 0..<words.count)
        #expect(found == byString.matches(in: words, range: 0..<words.count))
        #expect(found.count > 10)
    }

    /// The typo corrector's distance, with its rows on the stack, is the optimal string alignment distance.
    @Test func distanceIsOptimalStringAlignment() {
        func distance(_ a: String, _ b: String, limit: Int = 5) -> Int {
            TypoCorrector.distance(Array(a.utf8), Array(b.utf8), limit: limit)
        }
        #expect(distance("spasm", "spasm") == 0)
        #expect(distance("spasm", "spams") == 1)
        #expect(distance("ca", "abc") == 3)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("kitten", "sitting", limit: 1) > 1)
        #expect(distance("", "abc") == 3)
        #expect(distance("stretching", "strecthign") == 2)
    }
}
