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
        #expect(analyzer.analyze("muscle spams in my back").corrections.map(\.to) == ["spasm"])
    }

    @Test func neverCorrectsAVeryLongWordOrNonLetters() {
        let corrector = TypoCorrector(vocabulary: ["spasm": 1])
        #expect(corrector.correction(for: String(repeating: "spasm", count: 40)) == nil)
        #expect(corrector.correction(for: "sp4sm") == nil)
    }
}
