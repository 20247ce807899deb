import BackTalk
import Foundation
import TestFixtures
import Testing

@Suite("A conversation")
struct ConversationTests {
    @Test func anEmptyMessageGetsAPromptNotAnAnswer() throws {
        let engine = try Engine()
        var conversation = Conversation()
        for message in ["", "   ", "\t\n"] {
            let reply = engine.reply(to: message, in: &conversation)
            #expect(reply.intent == Reply.Intent.empty)
            #expect(!reply.text.isEmpty)
        }
    }

    @Test func unreadableBytesAreSaidSo() throws {
        let engine = try Engine()
        var conversation = Conversation()
        let message = String(decoding: [0xFF, 0xFE, 0xC3], as: UTF8.self)
        #expect(engine.reply(to: message, in: &conversation).intent == Reply.Intent.unreadable)
    }

    @Test func anAnswerBesideAWarningSignSaysWhoItWasWordedFor() throws {
        // A teenager's own story: the notice to see a doctor, then the plan worded for a child;
        // the reply says so, as it does for an answer alone.
        let engine = try Engine()
        var conversation = Conversation()
        let reply = engine.reply(to: "my back has been killing me since football on saturday, I'm 14", in: &conversation)
        let entry = try #require(engine.knowledgeBase.entry(id: reply.intent.rawValue))
        let variant = try #require(entry.variant(for: [.child]))
        #expect(reply.triage == .seeDoctor)
        #expect(reply.text.contains(variant.answer.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(reply.audience == .child)
    }

    @Test func aQuestionTwoEntriesFitIsAnsweredBesideTheSafetyQuestion() throws {
        // "Which did you mean?" would be a second question beside the safety one: the first fit is answered.
        let engine = try Engine()
        var conversation = Conversation()
        let reply = engine.reply(to: "can a pharmacist help with my back pain or do i need a doctor?", in: &conversation)
        #expect(reply.intent != Reply.Intent.triageQuestion)
        #expect(reply.intent != Reply.Intent.clarify)
        #expect(reply.expectsAnswer, "the safety question is still asked")
    }

    @Test func anAnswerOffersRelatedTopicsAndItsSources() throws {
        let engine = try Engine()
        var conversation = Conversation()
        let reply = engine.reply(to: "what causes back spasms", in: &conversation)
        let entry = try #require(engine.knowledgeBase.entry(id: "causes"))
        #expect(reply.intent == "causes")
        #expect(reply.text.hasPrefix(entry.answer), "the short answer first; the rest on \"more\"")
        #expect(reply.sources == entry.sources)
        // A broad topic offers its own specific entries first, then related ones.
        let offered = engine.knowledgeBase.entries.filter { $0.topic == entry.id && $0.id != entry.id }.map(\.id) + entry.related
        #expect(reply.suggestions.count == 3)
        #expect(reply.suggestions.allSatisfy { title in offered.contains { engine.knowledgeBase.entry(id: $0)?.title == title } })
        #expect(reply.triage == nil)
        #expect(!reply.expectsAnswer)
        #expect(conversation.lastIntent == "causes")
        #expect(conversation.turns == 1)
    }

    @Test func everySuggestionLeadsToItsTopic() throws {
        let engine = try Engine()
        for entry in engine.knowledgeBase.entries {
            var conversation = Conversation()
            #expect(engine.reply(to: entry.title, in: &conversation).intent.rawValue == entry.id, "title \(entry.title)")
        }
    }

    @Test func tooCloseToCallAsksWhichAndTheAnswerPicksOne() throws {
        let engine = Engine(knowledgeBase: try KnowledgeBase(files: Fixture.ambiguous))
        var conversation = Conversation()
        let question = engine.reply(to: "back spasm question", in: &conversation)
        #expect(question.intent == Reply.Intent.clarify)
        #expect(question.expectsAnswer)
        #expect(question.suggestions == ["Alpha topic", "Beta topic"])
        #expect(question.text.contains("Alpha topic") && question.text.contains("Beta topic"))

        var second = conversation
        #expect(engine.reply(to: "the second one", in: &second).intent == "beta")
        var named = conversation
        #expect(engine.reply(to: "alpha", in: &named).intent == "alpha")
    }

    @Test func aSavedConversationResumesWhereItStopped() throws {
        let engine = Engine(knowledgeBase: try KnowledgeBase(files: Fixture.ambiguous))
        var conversation = Conversation()
        _ = engine.reply(to: "back spasm question", in: &conversation)
        let saved = try JSONEncoder().encode(conversation)
        var restored = try JSONDecoder().decode(Conversation.self, from: saved)
        #expect(restored == conversation)
        #expect(engine.reply(to: "first", in: &restored).intent == "alpha")
    }

    @Test func aReplyEncodesEveryKeyWithNullsForAbsentValues() throws {
        let engine = try Engine()
        var conversation = Conversation()
        let reply = engine.reply(to: "hello", in: &conversation)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(reply)) as? [String: Any])
        for key in ["text", "intent", "confidence", "triage", "expectsAnswer", "suggestions", "sources", "pendingQuestion"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["triage"] is NSNull)
        #expect(try JSONDecoder().decode(Reply.self, from: JSONEncoder().encode(reply)).intent == reply.intent)
    }

    @Test func theEngineCanBeSharedAcrossTasks() async throws {
        let engine = try Engine()
        let intents = await withTaskGroup(of: Reply.Intent.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var conversation = Conversation()
                    return engine.reply(to: "what causes back spasms", in: &conversation).intent
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(intents == Array(repeating: "causes", count: 8))
    }
}
