import BackTalk
import Foundation
import Testing

@Suite("The follow-up questions")
struct FollowUpTests {
    let engine = try! Engine()

    /// Starts the general check and returns the conversation waiting on its first question.
    func startCheck() -> (Conversation, Reply) {
        var conversation = Conversation()
        let reply = engine.reply(to: "is this serious?", in: &conversation)
        return (conversation, reply)
    }

    @Test func isThisSeriousAsksOneQuestionAtATime() {
        let (conversation, reply) = startCheck()
        #expect(reply.intent == Reply.Intent.triageQuestion)
        #expect(reply.expectsAnswer)
        #expect(reply.pendingQuestion == "s_saddle")
        #expect(reply.triage == nil, "nothing is concluded before the answers")
        #expect(conversation.triage.pendingQuestion == "s_saddle")
        #expect(reply.text.filter { $0 == "?" }.count == 1)
    }

    @Test("Free-text answers are understood", arguments: [
        ("yeah", "emergency_cauda_equina"), ("yep a bit", "emergency_cauda_equina"), ("I think so", "emergency_cauda_equina"),
        ("Yes.", "emergency_cauda_equina"), ("kind of", "emergency_cauda_equina"),
        ("nope", "s_bladder"), ("not really", "s_bladder"), ("No", "s_bladder"), ("nah", "s_bladder"), ("I don't think so", "s_bladder"),
        ("dunno", "urgent_unsure_nerves"), ("not sure", "urgent_unsure_nerves"), ("no idea", "urgent_unsure_nerves"), ("maybe", "urgent_unsure_nerves"),
    ])
    func freeTextAnswers(_ answer: String, leadsTo next: String) {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: answer, in: &conversation)
        #expect((reply.pendingQuestion ?? reply.outcome) == next)
    }

    @Test func answeringNoToEverythingEndsInSelfCareWithAdviceAndWhatToWatchFor() {
        var (conversation, reply) = startCheck()
        var asked: [String] = []
        while let question = reply.pendingQuestion, asked.count < 30 {
            asked.append(question)
            reply = engine.reply(to: "no", in: &conversation)
        }
        #expect(reply.triage == .selfCare)
        #expect(reply.outcome == "self_care")
        #expect(!reply.expectsAnswer)
        #expect(reply.text.contains("heat"))
        #expect(reply.text.contains("Come back or get help if"))
        #expect(Set(asked).count == asked.count, "no question is asked twice")
    }

    @Test func whatWasAlreadySaidIsNotAskedAgain() {
        var conversation = Conversation()
        var reply = engine.reply(to: "is this serious? I don't have a fever and there's no chest pain", in: &conversation)
        var asked: [String] = []
        while let question = reply.pendingQuestion, asked.count < 30 {
            asked.append(question)
            reply = engine.reply(to: "no", in: &conversation)
        }
        #expect(!asked.contains("s_chest"))
        #expect(asked.contains("s_saddle"))
        #expect(reply.triage == .selfCare)
    }

    @Test func aSymptomDescribedInAnAnswerCountsAsYes() {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: "my inner thighs are a bit numb actually", in: &conversation)
        #expect(reply.triage == .emergency)
    }

    // MARK: Interruptions

    @Test func anotherQuestionMidFlowIsAnsweredThenThePendingQuestionAskedAgain() {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: "should i use ice or heat?", in: &conversation)
        #expect(reply.intent == "heat_cold")
        #expect(reply.expectsAnswer)
        #expect(reply.pendingQuestion == "s_saddle")
        #expect(reply.text.contains("Back to my question:"))
        // The answer still counts afterwards.
        #expect(engine.reply(to: "no", in: &conversation).pendingQuestion == "s_bladder")
    }

    @Test("Skip, stop or never mind leaves the questions, saying what to watch for",
          arguments: ["skip", "stop", "never mind", "Stop asking me questions"])
    func leavingTheFlow(_ message: String) {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.intent == Reply.Intent.triageStopped)
        #expect(!reply.expectsAnswer)
        #expect(reply.pendingQuestion == nil)
        #expect(reply.text.contains("999"))
        #expect(conversation.triage.pendingQuestion == nil)
        // The conversation carries on normally.
        #expect(engine.reply(to: "what causes back spasms", in: &conversation).intent == "causes")
    }

    @Test func leavingAfterARedFlagRemindsOfItsLevel() {
        var conversation = Conversation()
        _ = engine.reply(to: "I have a fever and back spasms", in: &conversation)
        let reply = engine.reply(to: "skip", in: &conversation)
        #expect(reply.triage == .urgent)
        #expect(reply.text.contains("medical advice today"))
    }

    @Test func aNewRedFlagMidFlowEscalatesAtOnce() {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: "no, but I do have a fever", in: &conversation)
        #expect(reply.triage == .urgent)
        #expect(reply.pendingQuestion == "i_confused")
    }

    @Test func anEmergencyMidFlowComesFirst() {
        var conversation = Conversation()
        _ = engine.reply(to: "I have a fever", in: &conversation)
        #expect(conversation.triage.pendingQuestion != nil)
        let reply = engine.reply(to: "what helps? also my face is drooping", in: &conversation)
        #expect(reply.intent == Reply.Intent.emergency)
        #expect(reply.outcome == "emergency_stroke")
        #expect(conversation.triage.pendingQuestion == nil)
    }

    @Test func anUnclearAnswerIsAskedAgainTwiceInOtherWordsThenTakenAsNotSure() {
        var (conversation, first) = startCheck()
        let second = engine.reply(to: "purple elephant", in: &conversation)
        let third = engine.reply(to: "hmm?", in: &conversation)
        #expect(second.pendingQuestion == "s_saddle")
        #expect(third.pendingQuestion == "s_saddle")
        #expect(Set([first.text, second.text, third.text]).count == 3, "each time in other words")
        let fourth = engine.reply(to: "blorp", in: &conversation)
        #expect(fourth.outcome == "urgent_unsure_nerves", "taken as not sure, which never lowers the level")
        #expect(fourth.text.hasPrefix("I'll take that as"))
    }

    @Test func theLevelNeverGoesDown() {
        var conversation = Conversation()
        var reply = engine.reply(to: "I have a fever", in: &conversation)
        while reply.expectsAnswer { reply = engine.reply(to: "no", in: &conversation) }
        #expect(reply.triage == .urgent)
        // A later general check, answered "no" throughout, still ends urgent.
        reply = engine.reply(to: "is this serious?", in: &conversation)
        while reply.expectsAnswer { reply = engine.reply(to: "no", in: &conversation) }
        #expect(reply.triage == .urgent)
    }

    @Test func mentioningAFollowedUpFlagAgainBringsAReminderNotReassurance() {
        var conversation = Conversation()
        var reply = engine.reply(to: "I have a fever", in: &conversation)
        while reply.expectsAnswer { reply = engine.reply(to: "no", in: &conversation) }
        reply = engine.reply(to: "I still have a fever, should I use ice or heat?", in: &conversation)
        #expect(reply.intent == "heat_cold")
        #expect(reply.triage == .urgent)
        // The answer first, then the reminder.
        #expect(reply.text.contains("heat"))
        #expect(reply.text.split(separator: "\n").last?.hasPrefix("Remember:") == true)
    }

    @Test func aSavedConversationResumesMidQuestion() throws {
        var (conversation, _) = startCheck()
        _ = engine.reply(to: "no", in: &conversation)
        let data = try JSONEncoder().encode(conversation)
        var restored = try JSONDecoder().decode(Conversation.self, from: data)
        #expect(restored == conversation)
        #expect(restored.triage.pendingQuestion == "s_bladder")
        #expect(engine.reply(to: "yes", in: &restored).outcome == "emergency_cauda_equina")
    }

    @Test func replyJSONCarriesTheTriageFields() throws {
        var (conversation, reply) = startCheck()
        _ = conversation
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(reply)) as? [String: Any])
        #expect(object["pendingQuestion"] as? String == "s_saddle")
        #expect(object["expectsAnswer"] as? Bool == true)
        #expect(object["outcome"] is NSNull)
        #expect(object["triage"] is NSNull)
        reply = engine.reply(to: "yes", in: &conversation)
        let concluded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(reply)) as? [String: Any])
        #expect(concluded["triage"] as? String == "emergency")
        #expect(concluded["outcome"] as? String == "emergency_cauda_equina")
    }
}
