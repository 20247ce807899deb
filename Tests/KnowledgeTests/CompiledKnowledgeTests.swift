import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

@testable import BackTalkCore

/// The knowledge base compiled into the library at build time must be the one
/// `--intents Intents` loads from the YAML at run time: every stored value, and
/// so every reply.
@Suite("The compiled knowledge base")
struct CompiledKnowledgeTests {
    /// `Intents/` loaded at run time, its files named as the build names them.
    ///
    /// It takes the compiled weights rather than learning them again, which takes
    /// a minute in a debug build: they are used only if they were learnt from the
    /// same examples (their fingerprint), and learning is deterministic.
    static let loaded: Result<KnowledgeBase, KnowledgeBaseError> = {
        do throws(KnowledgeBaseError) {
            let folder = repositoryRoot.appending(path: "Intents")
            let files = try KnowledgeBase.files(in: folder).map { file in
                KnowledgeFile(path: "Intents/" + file.path.dropFirst(folder.path.count + 1), text: file.text)
            }
            let (loaded, diagnostics) = KnowledgeLoader.load(files)
            guard let loaded else { throw KnowledgeBaseError(diagnostics: diagnostics) }
            return .success(KnowledgeBase(loaded: loaded, model: try KnowledgeBase.bundled().learnedModel))
        } catch {
            return .failure(error)
        }
    }()

    @Test func holdsWhatLoadingTheYAMLHolds() throws {
        let compiled = try KnowledgeBase.bundled()
        let loaded = try Self.loaded.get()
        let difference = StructuralDump.firstDifference(compiled, loaded)
        #expect(difference == nil, "\(difference ?? "")")
        // The weights were taken from the compiled form only because they were learnt from the same examples.
        #expect(loaded.learnedModel.fingerprint == compiled.learnedModel.fingerprint)
    }

    @Test func repliesAsLoadingTheYAMLDoes() throws {
        let compiled = Engine(knowledgeBase: try KnowledgeBase.bundled())
        let loaded = Engine(knowledgeBase: try Self.loaded.get())
        let text = try String(contentsOf: repositoryRoot.appending(path: "Tests/Conversations/conversations.txt"), encoding: .utf8)
        let conversations = text.components(separatedBy: "\n## ").map { block in
            block.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        }
        let questions = try String(contentsOf: repositoryRoot.appending(path: "Tests/DevSet/questions.tsv"), encoding: .utf8)
            .split(separator: "\n").enumerated().filter { $0.offset % 10 == 0 }
            .compactMap { $0.element.split(separator: "\t").last.map { [String($0)] } }
        var turns = 0
        for messages in conversations + questions {
            var first = Conversation()
            var second = Conversation()
            for message in messages {
                let a = compiled.reply(to: message, in: &first)
                let b = loaded.reply(to: message, in: &second)
                #expect(a == b, "\(message)")
                turns += 1
            }
            #expect(first == second)
        }
        #expect(turns > 500)
    }

    /// `--help` reads the interface texts on their own, compiled apart: they must be the knowledge base's.
    @Test func interfaceTextsReadAloneAreTheKnowledgeBases() throws {
        let knowledgeBase = try KnowledgeBase.bundled()
        #expect(try KnowledgeBase.bundledInterfaceTexts() == knowledgeBase.interfaceTexts)
        // Read on their own, not by falling back to the whole knowledge base (which `--help` once did,
        // reading them as an optional).
        let alone = knowledgeBase.compiledInterfaceTexts.withUnsafeBytes { KnowledgeBase.interfaceTexts(compiled: $0) }
        #expect(alone == knowledgeBase.interfaceTexts)
    }

    @Test func readsBackWhatItWrites() throws {
        let knowledgeBase = try KnowledgeBase.bundled()
        let bytes = knowledgeBase.compiledForm
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        let readBack = try KnowledgeBase(compiledForm: bytes)
        #expect(StructuralDump.firstDifference(knowledgeBase, readBack) == nil)
        #expect(readBack.compiledForm == bytes)
    }

    @Test func turnsAwayDamagedBytes() throws {
        var bytes = try KnowledgeBase.bundled().compiledForm
        bytes[bytes.count / 2] ^= 1
        #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase(compiledForm: bytes) }
        #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase(compiledForm: Array(bytes.prefix(1000))) }
        #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase(compiledForm: Array("not a knowledge base".utf8)) }
    }

    /// Others add cues to `language/dialogue.yaml` often: a property of `DialogueCues`
    /// its compiled form does not list would be lost from the built-in knowledge base.
    @Test func listsEveryPropertyOfTheDialogueCues() {
        let (properties, compiled) = propertiesAndCompiledFields(of: DialogueCues.self)
        #expect(properties == compiled, "list the new properties in Sources/BackTalkCore/Core/Compiled/DialogueCues+Compiled.swift")
    }

    /// A property of `ReadingWords` (`reading_words` in `triage/context.yaml`) its
    /// compiled form does not list would be lost from the built-in knowledge base.
    @Test func listsEveryPropertyOfTheReadingWords() {
        let (properties, compiled) = propertiesAndCompiledFields(of: ReadingWords.self)
        #expect(properties == compiled, "list the new properties in Sources/BackTalkCore/Core/Compiled/ReadingWords+Compiled.swift")
        #expect(ReadingWords.keys.count == properties.count, "every property is a field of `reading_words`")
    }

    /// The same for the phrases triage lint looks for (`lint` in `triage/flow.yaml`).
    @Test func listsEveryPropertyOfTheLintPhrases() {
        let (properties, compiled) = propertiesAndCompiledFields(of: TriageFlow.LintPhrases.self)
        #expect(properties == compiled)
        #expect(TriageFlow.LintPhrases.keys.count == properties.count)
    }
}

/// The stored properties of an empty `T`, by name, and the names of the fields its compiled form lists.
func propertiesAndCompiledFields<T: CompiledByFields>(of type: T.Type) -> (properties: [String], fields: [String]) {
    (Mirror(reflecting: T()).children.compactMap(\.label), T.compiledFieldNames)
}
