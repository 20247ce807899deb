import BackTalk
import Foundation
import Testing

@Suite("The follow-up questions")
struct FollowUpTests {
    let engine: Engine

    init() throws {
        engine = try Engine()
    }

    /// Starts the full check and returns the conversation waiting on its first question.
    func startCheck() -> (Conversation, Reply) {
        var conversation = Conversation()
        let reply = engine.reply(to: "is this serious?", in: &conversation)
        return (conversation, reply)
    }

    @Test func ofTwoWarningSignsAtOneLevelTheMoreSpecificIsSaid() {
        // Side pain with a fever is the kidney rule, not any fever; and "is this a spasm?" beside it
        // gets the entry on kidney pain, not the leaflet on what a spasm feels like.
        var conversation = Conversation()
        let reply = engine.reply(
            to: "pain in my side going round to my back, i feel hot and shivery and it stings when i wee. is this just a spasm?",
            in: &conversation)
        #expect(reply.triage == .urgent)
        #expect(reply.text.contains("kidney infection"))
        #expect(reply.intent == "kidney_pain")
        #expect(reply.pendingQuestion == "q_sepsis", "with a fever already told, the signs of sepsis come next")
    }

    @Test func aQuestionBesideAWarningSignLeansToTheSignsEntry() {
        // The words alone fitted coughing and sneezing hardly better than kidney pain.
        var conversation = Conversation()
        let reply = engine.reply(to: "it burns when i pee and my back hurts, how is it treated?", in: &conversation)
        #expect(reply.triage == .urgent)
        #expect(reply.intent == "kidney_pain")
        // Burning must be told apart from new trouble starting to pee: the kidney check asks about it too.
        let (asked, last) = answerNo(&conversation, after: reply)
        #expect(asked.contains("q_ces"))
        #expect(last.triage == .urgent)
    }

    @Test func aChildWithAFeverIsAskedAboutSepsisNotDrugs() {
        // The child's rule wins over the fever rule; its check must still look for sepsis, and a
        // parent is not asked whether their 6-year-old injects drugs.
        var conversation = Conversation()
        let first = engine.reply(to: "my 6 year old has a temperature and a sore back", in: &conversation)
        #expect(first.triage == .urgent)
        let (asked, last) = answerNo(&conversation, after: first)
        #expect(asked.contains("q_sepsis"))
        #expect(asked.contains("q_legs"))
        #expect(!asked.contains("q_danger"))
        #expect(last.triage == .urgent)
        #expect(last.outcome == "urgent_child", "the outcome speaks of the child, not \"if you become confused\"")
        // The fever is not announced again when the parent says something more.
        let after = engine.reply(to: "ok thanks", in: &conversation)
        #expect(after.pendingQuestion == nil)
    }

    @Test func aToddlersParentIsAskedWhatTheyCanSee() {
        // A 2-year-old cannot say whether a leg is numb or tingly: the parent is asked about weak or floppy legs
        // and wetting, never about numbness.
        var conversation = Conversation()
        let first = engine.reply(to: "my 2 year old keeps crying and pointing at her back", in: &conversation)
        #expect(first.triage == .urgent)
        let (asked, last) = answerNo(&conversation, after: first)
        #expect(asked.first == "q_toddler_legs")
        #expect(asked.contains("q_toddler_ces"))
        #expect(!asked.contains("q_legs") && !asked.contains("q_ces"))
        #expect(!first.text.lowercased().contains("numb"))
        #expect(last.outcome == "urgent_child")
    }

    @Test(
        "Every sign of sepsis asked after a fever is an emergency when answered yes",
        arguments: ["my back hurts and I have a fever", "my dad has a fever and back pain", "my 9 year old has a fever and back ache"])
    func sepsisAnsweredYesIsAnEmergency(_ opening: String) {
        var conversation = Conversation()
        var reply = engine.reply(to: opening, in: &conversation)
        var asked: [String] = []
        while let question = reply.pendingQuestion, question != "q_sepsis", asked.count < 10 {
            asked.append(question)
            reply = engine.reply(to: "no", in: &conversation)
        }
        #expect(reply.pendingQuestion == "q_sepsis")
        #expect(reply.text.contains("breathing very fast") && reply.text.contains("blotchy"))
        let yes = engine.reply(to: "yes", in: &conversation)
        #expect(yes.triage == .emergency)
        #expect(yes.outcome == "emergency_sepsis")
    }

    @Test func aFactOfferedAfterEmergencyAdviceGetsThatAdviceAgain() {
        // "If that matters" asks whether it changes anything: after 999 advice it does not, and the
        // advice comes first again, not a leaflet.
        var conversation = Conversation()
        let first = engine.reply(to: "pain between my shoulder blades right now and my chest feels tight", in: &conversation)
        #expect(first.triage == .emergency)
        let next = engine.reply(to: "i'm 52 and a smoker if that matters", in: &conversation)
        #expect(next.triage == .emergency)
        #expect(next.text.contains("999, 911 or 112"))
    }

    @Test(
        "After 999 advice, a denial or a question about getting there gets that advice again",
        arguments: [
            "I don't have any numbness down there I don't think", "ambulance or can I get a taxi?", "really? A&E for that?",
            "do i ring 999 or get my wife to drive me in",
        ])
    func afterEmergencyAdviceItComesFirstAgain(_ message: String) {
        var conversation = Conversation()
        let first = engine.reply(to: "since my back went last week I can't get an erection, never had that before", in: &conversation)
        #expect(first.triage == .emergency)
        let next = engine.reply(to: message, in: &conversation)
        #expect(next.triage == .emergency)
        #expect(next.text.contains("999, 911 or 112"))
    }

    @Test func feelingABurdenMidCheckIsAnsweredNotNoted() {
        // "Feel like a burden to everyone" while the safety question waited had been "Thank you, I've noted that."
        var conversation = Conversation()
        _ = engine.reply(to: "my back has been bad for months and it's really getting me down", in: &conversation)
        let next = engine.reply(to: "i dont sleep, cant work, feel like a burden to everyone", in: &conversation)
        #expect(next.intent == "low_mood")
        #expect(!next.text.contains("noted"))
    }

    @Test func aQuestionAboutASignJustToldGetsTheWarningSigns() {
        // "Is that part of it?" about a limp, mid-check, had been "Thank you, I've noted that."
        var conversation = Conversation()
        _ = engine.reply(to: "my 8 year old girl says her back hurts, it's been a few days", in: &conversation)
        _ = engine.reply(to: "she's got a temperature as well, 38.4", in: &conversation)
        let next = engine.reply(to: "she has been limping this evening too, does that matter?", in: &conversation)
        #expect(next.intent == "red_flags_children")
        #expect(next.pendingQuestion != nil, "the check's question waits")
    }

    @Test func askingForTheWarningSignsMidCheckIsAnsweredNotNoted() {
        // "How do I know it's not something serious?" once read as a denial of the worry: "Thank you, I've noted that."
        var conversation = Conversation()
        let first = engine.reply(to: "I'm terrified this spasm is something serious, is this normal?", in: &conversation)
        #expect(first.pendingQuestion != nil)
        let next = engine.reply(
            to: "How do I know it's not something serious? What are the warning signs I should look out for?", in: &conversation)
        #expect(!next.text.contains("noted"))
        #expect(next.pendingQuestion == first.pendingQuestion, "the check's question waits")
    }

    /// Answers "no" until no question waits, returning the questions asked and the last reply.
    func answerNo(_ conversation: inout Conversation, after reply: Reply) -> (asked: [String], last: Reply) {
        var reply = reply
        var asked: [String] = []
        while let question = reply.pendingQuestion, asked.count < 20 {
            asked.append(question)
            reply = engine.reply(to: "no", in: &conversation)
        }
        return (asked, reply)
    }

    @Test func isThisSeriousAsksTheHighestYieldQuestionFirstOneAtATime() {
        let (conversation, reply) = startCheck()
        #expect(reply.intent == "red_flags", "the warning signs first, then the question")
        #expect(reply.expectsAnswer)
        #expect(reply.pendingQuestion == "q_ces", "bladder and saddle numbness first: people rarely mention them unasked")
        #expect(reply.triage == nil, "nothing is concluded before the answers")
        #expect(conversation.triage.pendingQuestion == "q_ces")
        #expect(reply.text.filter { $0 == "?" }.count == 1)
    }

    @Test(
        "Free-text answers are understood",
        arguments: [
            ("yeah", Reply.Intent.emergency), ("yep a bit", Reply.Intent.emergency), ("I think so", Reply.Intent.emergency),
            ("Yes.", Reply.Intent.emergency), ("kind of", Reply.Intent.emergency),
            ("my inner thighs are a bit numb actually", Reply.Intent.emergency),
            ("nope", Reply.Intent.triageQuestion), ("not really", Reply.Intent.triageQuestion), ("No", Reply.Intent.triageQuestion),
            ("nah", Reply.Intent.triageQuestion), ("I don't think so", Reply.Intent.triageQuestion),
            ("no, peeing fine", Reply.Intent.triageQuestion),
        ])
    func freeTextAnswers(_ answer: String, leadsTo intent: Reply.Intent) {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: answer, in: &conversation)
        #expect(reply.intent == intent)
        if intent == Reply.Intent.triageQuestion { #expect(reply.pendingQuestion == "q_legs") }
    }

    @Test("\"Not sure\" is never taken as a no", arguments: ["dunno", "not sure", "no idea", "maybe"])
    func notSure(_ answer: String) {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: answer, in: &conversation)
        let (_, last) = answerNo(&conversation, after: reply)
        #expect(last.triage == .urgent)
        #expect(last.outcome == "urgent_unsure_nerves")
    }

    @Test func answeringNoToEverythingEndsInSelfCareWithinSixQuestions() {
        var (conversation, reply) = startCheck()
        let (asked, last) = answerNo(&conversation, after: reply)
        reply = last
        #expect(reply.triage == .selfCare)
        #expect(reply.outcome == "self_care")
        #expect(!reply.expectsAnswer)
        #expect(reply.text.contains("heat"))
        #expect(reply.text.contains("call 999, 911 or 112 at once"), "the safety net keeps 999 signs at 999")
        #expect(Set(asked).count == asked.count, "no question is asked twice")
        #expect(asked.count <= 6)
    }

    @Test func whatWasAlreadySaidIsNotAskedAgain() {
        var conversation = Conversation()
        let reply = engine.reply(to: "is this serious? I don't have a fever and there's no chest pain", in: &conversation)
        let (asked, last) = answerNo(&conversation, after: reply)
        #expect(!asked.contains("q_fever"))
        #expect(asked.contains("q_ces"))
        #expect(last.triage == .selfCare)
    }

    // MARK: A pending question never swallows a message

    @Test(
        "A question mid-check is answered, and the pending question asked again",
        arguments: [
            "should i use ice or heat?", "do I have to tell my parents?", "what causes back spasms",
        ])
    func questionsAreNotAnswers(_ message: String) {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.triage == nil, "a question is never read as \"yes\": \(reply.text)")
        #expect(reply.intent != Reply.Intent.emergency)
        #expect(reply.pendingQuestion == "q_ces")
        #expect(reply.text.contains("Back to my question:") || reply.text.contains("didn't follow"))
        // The answer still counts afterwards.
        #expect(engine.reply(to: "no", in: &conversation).pendingQuestion == "q_legs")
    }

    @Test func aNewFactIsNotAYes() {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: "I do have osteoporosis", in: &conversation)
        #expect(reply.triage != .emergency)
        #expect(reply.pendingQuestion == "q_ces" || reply.triage == .urgent)
    }

    @Test func neverSorryTwiceInARow() {
        var (conversation, _) = startCheck()
        let second = engine.reply(to: "purple elephant", in: &conversation)
        #expect(second.text.hasPrefix("Sorry, I didn't follow that."))
        #expect(second.pendingQuestion == "q_ces")
        let third = engine.reply(to: "blorp", in: &conversation)
        #expect(!third.text.hasPrefix("Sorry"), "taken as not sure instead")
        #expect(third.text.hasPrefix("I'll take that as"))
        #expect(conversation.triage.level.map { $0 >= .urgent } ?? third.expectsAnswer, "not sure never lowers the level")
    }

    @Test(
        "Skip, stop or never mind leaves the questions, saying what to watch for",
        arguments: ["skip", "stop", "never mind", "Stop asking me questions"])
    func leavingTheFlow(_ message: String) {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.intent == Reply.Intent.triageStopped)
        #expect(!reply.expectsAnswer)
        #expect(reply.text.contains("999"))
        #expect(conversation.triage.pendingQuestion == nil)
        #expect(engine.reply(to: "what causes back spasms", in: &conversation).intent == "causes")
    }

    @Test func leavingAfterARedFlagRemindsOfItsLevel() {
        var conversation = Conversation()
        _ = engine.reply(to: "I have a fever and back spasms", in: &conversation)
        let reply = engine.reply(to: "skip", in: &conversation)
        #expect(reply.triage == .urgent)
        #expect(reply.text.contains("medical advice today"))
    }

    // MARK: Escalation

    @Test func aNewRedFlagMidCheckEscalatesAtOnce() {
        var (conversation, _) = startCheck()
        let reply = engine.reply(to: "no, but I do have a fever", in: &conversation)
        #expect(reply.triage == .urgent)
        #expect(reply.text.hasPrefix("A fever"))
        #expect(reply.expectsAnswer, "then what could make it an emergency is asked")
    }

    @Test func anEmergencyMidCheckComesFirst() {
        var conversation = Conversation()
        _ = engine.reply(to: "I have a fever", in: &conversation)
        #expect(conversation.triage.pendingQuestion != nil)
        let reply = engine.reply(to: "what helps? also my face is drooping", in: &conversation)
        #expect(reply.intent == Reply.Intent.emergency)
        #expect(reply.outcome == "emergency_stroke")
        #expect(conversation.triage.pendingQuestion == nil)
    }

    @Test func findingsFromDifferentMessagesCombine() {
        var conversation = Conversation()
        _ = engine.reply(to: "I had breast cancer six years ago", in: &conversation)
        _ = engine.reply(to: "what helps a back spasm?", in: &conversation)
        let reply = engine.reply(to: "it's in my upper back, the pain is between my shoulder blades", in: &conversation)
        #expect(reply.triage == .urgent)
        #expect(conversation.triage.level == .urgent)
    }

    @Test func feverInSomeoneWhoInjectsDrugsIsAnEmergency() {
        var conversation = Conversation()
        _ = engine.reply(to: "my back is killing me and I've got a temperature", in: &conversation)
        let reply = engine.reply(to: "I inject heroin", in: &conversation)
        #expect(reply.intent == Reply.Intent.emergency)
    }

    @Test func theLevelNeverGoesDown() {
        var conversation = Conversation()
        var reply = engine.reply(to: "I have a fever", in: &conversation)
        reply = answerNo(&conversation, after: reply).last
        #expect(reply.triage == .urgent)
        reply = engine.reply(to: "is this serious?", in: &conversation)
        reply = answerNo(&conversation, after: reply).last
        #expect(reply.triage == .urgent)
    }

    @Test func mentioningAFlagAgainBringsAReminderNotReassurance() {
        var conversation = Conversation()
        var reply = engine.reply(to: "I have a fever", in: &conversation)
        _ = answerNo(&conversation, after: reply)
        reply = engine.reply(to: "I still have a fever, should I use ice or heat?", in: &conversation)
        #expect(reply.intent == "heat_cold")
        #expect(reply.triage == .urgent)
        #expect(reply.text.split(separator: "\n").last?.hasPrefix("Remember:") == true)
    }

    // MARK: Asking what people leave out

    @Test func someoneDescribingTheirBackPainIsAskedTheSafetyQuestionOnceAlongsideTheAnswer() {
        var conversation = Conversation()
        let first = engine.reply(to: "my back went this morning lifting a box, what should I do?", in: &conversation)
        #expect(first.intent != Reply.Intent.triageQuestion, "the answer comes first")
        #expect(first.pendingQuestion == "q_screen")
        #expect(first.text.contains("genitals"))
        let second = engine.reply(to: "no", in: &conversation)
        #expect(second.intent == Reply.Intent.triageNoted)
        #expect(second.triage == nil)
        let third = engine.reply(to: "my back is still sore, should I use heat?", in: &conversation)
        #expect(third.pendingQuestion == nil, "asked once in a conversation")
    }

    @Test func aGeneralQuestionIsNotAskedTheSafetyQuestion() {
        var conversation = Conversation()
        let reply = engine.reply(to: "what causes back spasms?", in: &conversation)
        #expect(reply.pendingQuestion == nil)
    }

    // MARK: Saved conversations and JSON

    @Test func aSavedConversationResumesMidQuestion() throws {
        var (conversation, _) = startCheck()
        _ = engine.reply(to: "no", in: &conversation)
        let data = try JSONEncoder().encode(conversation)
        var restored = try JSONDecoder().decode(Conversation.self, from: data)
        #expect(restored == conversation)
        #expect(restored.triage.pendingQuestion == "q_legs")
        #expect(engine.reply(to: "yes", in: &restored).outcome == "emergency_spinal_cord")
    }

    @Test func replyJSONCarriesTheTriageFields() throws {
        var (conversation, reply) = startCheck()
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(reply)) as? [String: Any])
        #expect(object["pendingQuestion"] as? String == "q_ces")
        #expect(object["expectsAnswer"] as? Bool == true)
        #expect(object["outcome"] is NSNull)
        #expect(object["triage"] is NSNull)
        reply = engine.reply(to: "yes", in: &conversation)
        let concluded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(reply)) as? [String: Any])
        #expect(concluded["triage"] as? String == "emergency")
        #expect(concluded["outcome"] as? String == "emergency_cauda_equina")
    }
}
