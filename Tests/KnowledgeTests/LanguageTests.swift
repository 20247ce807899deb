import BackTalk
import BackTalkAuthoring
import Foundation
import TestFixtures
import Testing

@testable import BackTalkCore

/// The language is data: `language/lexicon.yaml` decides how words are read, not Swift.
@Suite("The language file")
struct LanguageTests {
    static let path = "KB/language/lexicon.yaml"

    /// The fixture's language file with `old` replaced by `new` (which must be there).
    static func language(replacing old: String, with new: String) throws -> String {
        let text = Fixture.language.text
        try #require(text.contains(old), "the language file has no \"\(old)\"")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line of the first line of `text` that starts with `prefix`.
    static func line(of prefix: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 }
    }

    @Test func theBundledLanguageIsEnglishWithPorter() throws {
        let language = try KnowledgeBase.bundled().language
        #expect(language.name == "english")
        #expect(language.stemmerName == .porterEnglish)
        #expect(language.stem("spasms") == "spasm")
        #expect(language.tokenizer.tokenize("it doesnt help").map(\.word) == ["it", "does", "not", "help"])
    }

    @Test func anExpansionInTheFileChangesWhatAMessageMatches() throws {
        let message = "qqq please"
        let plain = Engine(knowledgeBase: try KnowledgeBase(files: Fixture.valid))
        var first = Conversation()
        #expect(plain.reply(to: message, in: &first).intent != "heat")

        let text = try Self.language(replacing: "expansions:\n", with: "expansions:\n  \"qqq\": [heat]\n")
        let taught = Engine(knowledgeBase: try KnowledgeBase(files: Fixture.replacing(Self.path, with: text)))
        var second = Conversation()
        #expect(taught.reply(to: message, in: &second).intent == "heat")
    }

    @Test func stopWordsAndTheStemmerComeFromTheFile() throws {
        let text = try Self.language(replacing: "stemmer: porter-english", with: "stemmer: none")
            .replacingOccurrences(of: "stop_words: [a, an, the,", with: "stop_words: [heat, a, an, the,")
        let language = try KnowledgeBase(files: Fixture.replacing(Self.path, with: text)).language
        #expect(language.stem("spasms") == "spasms")
        #expect(language.lexicon.stopWords.contains("heat"))
        #expect(try KnowledgeBase(files: Fixture.valid).language.stem("spasms") == "spasm")
    }

    /// A phrase of the vocabulary is found with the file's filler words inside it ("spine really
    /// cramp" is "spine cramp"), never more than two of them, and not once the file drops them.
    @Test func phraseFillersComeFromTheFile() throws {
        let vocabulary = KnowledgeFile(
            path: "KB/vocabulary.yaml",
            text: "anchors: [back]\nconcepts:\n  back: [back, spine]\n  spasm: [spasm, cramp]\n  stiff: [stiff neck]\n")
        let files = Fixture.replacing("KB/vocabulary.yaml", with: vocabulary.text)
        let analyzer = try KnowledgeBase(files: files).matcher.index.analyzer
        #expect(analyzer.analyze("a stiff really neck").terms.map(\.key) == ["#stiff"])
        #expect(analyzer.analyze("a stiff very very neck").terms.map(\.key) == ["#stiff"])
        #expect(analyzer.analyze("a stiff really very totally neck").terms.map(\.key).contains("#stiff") == false)

        let text = try Self.language(replacing: "phrase_fillers: [a, an, the, really,", with: "phrase_fillers: [a, an, the,")
        let plain = try KnowledgeBase(files: files.map { $0.path == Self.path ? KnowledgeFile(path: Self.path, text: text) : $0 })
        #expect(plain.matcher.index.analyzer.analyze("a stiff really neck").terms.map(\.key).contains("#stiff") == false)
    }

    /// The file's own stems win over the stemmer's: Porter takes "relaxant" for "relax", and
    /// without the file's word "how do I relax?" would be about a medicine.
    @Test func theFilesStemsOverrideTheStemmer() throws {
        let bundled = try KnowledgeBase.bundled().language
        #expect(bundled.stem("relaxants") == "relaxant")
        #expect(bundled.stem("relaxing") == "relax")
        let analyzer = try KnowledgeBase.bundled().matcher.index.analyzer
        #expect(!analyzer.analyze("how can i relax my back").terms.map(\.key).contains("#relaxant"))
        #expect(analyzer.analyze("are muscle relaxants safe").terms.map(\.key).contains("#relaxant"))

        let text = try Self.language(replacing: "stems: {", with: "stems: {stretching: spasm, ")
        let taught = try KnowledgeBase(files: Fixture.replacing(Self.path, with: text)).language
        #expect(taught.stem("stretching") == "spasm")
    }

    @Test func theOrdinalsPickTheOption() throws {
        let text = try Self.language(
            replacing: "  - [\"1\", first, former, top]\n  - [\"2\", second, latter, last, other, bottom]",
            with: "  - [\"1\", first, latter]\n  - [\"2\", second]")
        var files = Fixture.ambiguous
        files = files.map { $0.path == Self.path ? KnowledgeFile(path: Self.path, text: text) : $0 }
        for (knowledgeBase, expected) in [
            (try KnowledgeBase(files: Fixture.ambiguous), "beta"), (try KnowledgeBase(files: files), "alpha"),
        ] {
            let engine = Engine(knowledgeBase: knowledgeBase)
            var conversation = Conversation()
            #expect(engine.reply(to: "back spasm question", in: &conversation).intent == Reply.Intent.clarify)
            #expect(engine.reply(to: "the latter", in: &conversation).intent.rawValue == expected)
        }
    }

    @Test func anUnknownStemmerIsReportedWithFileAndLine() throws {
        let text = try Self.language(replacing: "stemmer: porter-english", with: "stemmer: snowball-french")
        let diagnostics = KnowledgeBase.lint(files: Fixture.replacing(Self.path, with: text))
        let diagnostic = try #require(diagnostics.first { $0.file == Self.path })
        #expect(diagnostic.line == Self.line(of: "stemmer:", in: text))
        #expect(diagnostic.message.contains("no stemmer is called `snowball-french`"), "\(diagnostic)")
    }

    @Test func malformedEntriesAreReportedWithFileAndLine() throws {
        let text = try Self.language(replacing: "  - [\"'re\", are]", with: "  - [\"'re\"]")
            .replacingOccurrences(of: "clause_words: [but,", with: "clause_words: [But Then,")
        let diagnostics = KnowledgeBase.lint(files: Fixture.replacing(Self.path, with: text)).filter { $0.file == Self.path }
        #expect(diagnostics.map(\.line) == [Self.line(of: "  - [\"'re\"]", in: text), Self.line(of: "clause_words:", in: text)])
        #expect(diagnostics.first?.message.contains("each item is [ending, word]") == true, "\(diagnostics)")
        #expect(diagnostics.last?.message.contains("\"But Then\" should be one word in lower case") == true, "\(diagnostics)")
    }

    @Test func aMissingFieldOrFileIsReported() throws {
        let text = try Self.language(replacing: "question_words:", with: "asking_words:")
        let messages = KnowledgeBase.lint(files: Fixture.replacing(Self.path, with: text)).filter { $0.file == Self.path }.map(\.message)
        #expect(messages.contains("missing field `question_words`"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("unknown field `asking_words`") }, "\(messages)")

        let withoutLanguage = Fixture.valid.filter { $0.path != Self.path }
        #expect(KnowledgeBase.lint(files: withoutLanguage).contains { $0.file == Self.path && $0.message == "missing file" })
    }

    /// A property of `Language` or `Lexicon` its compiled form does not list would be lost from the built-in knowledge base.
    @Test func listsEveryPropertyOfTheLanguage() {
        let language = propertiesAndCompiledFields(of: Language.self)
        #expect(language.properties == language.fields)
        let lexicon = propertiesAndCompiledFields(of: Lexicon.self)
        #expect(lexicon.properties == lexicon.fields)
    }
}
