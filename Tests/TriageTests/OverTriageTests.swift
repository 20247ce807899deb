import BackTalk
import Testing

/// What is not a red flag on its own (Intents/triage/CLINICAL-BASIS.md: the traps
/// in each rule's "why"): 999 advice for these frightens people and teaches them to ignore it.
@Suite("Ordinary spasms are not sent to 999")
struct OverTriageTests {
    let engine: Engine

    init() throws {
        engine = try Engine()
    }

    /// The highest level any reply announces, answering every safety question "no".
    func level(_ messages: String...) -> TriageLevel {
        var conversation = Conversation()
        var replies = messages.map { engine.reply(to: $0, in: &conversation) }
        while let last = replies.last, last.expectsAnswer, last.pendingQuestion != nil, replies.count < 20 {
            replies.append(engine.reply(to: "no", in: &conversation))
        }
        return replies.compactMap(\.triage).max() ?? .selfCare
    }

    @Test(
        "Severe pain that stops someone moving, with normal legs",
        arguments: [
            "can't stand up straight with this spasm",
            "my back has gone and I can barely walk because of the pain, my legs feel fine",
            "walking like an old man since my back went yesterday, no numbness anywhere",
            "I can hardly get out of bed this morning, my back is locked",
            // Worry is not incontinence: "can't stop" beside "toilet" once read as loss of control.
            "it keeps grabbing me, I can walk and go to the toilet normally, I just can't stop worrying",
        ])
    func severePain(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test(
        "Pins and needles in one leg with sciatica that is not getting worse, or in a hand",
        arguments: [
            "pins and needles down my left leg with the sciatica, same as last week",
            "pins and needles in one hand from typing all day",
            "my arm went dead from lying on it awkwardly, my back is stiff",
        ])
    func oneLimb(_ message: String) {
        #expect(level(message) < .urgent)
    }

    @Test(
        "Something in the past that is over",
        arguments: [
            "I had a kidney stone years ago, now my back is sore from gardening",
            "had a fever last week but it's gone now, just a stiff back",
            "I was in a car crash ten years ago, today my back is tight from painting",
        ])
    func past(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test(
        "Long-standing problems with a known cause",
        arguments: [
            "I've had erection problems for years with my diabetes, nothing has changed, and my back went yesterday",
            "I've leaked a bit of wee since having my kids 10 years ago, no change, back spasm from gardening",
        ])
    func longStanding(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test(
        "Expected, mild side effects of a medicine: a pharmacist, not 999",
        arguments: [
            "a bit dizzy since starting codeine",
            "the diazepam makes me a little drowsy",
            "co-codamol is making me feel a bit sick",
            "cyclobenzaprine makes me so sleepy, is that normal?",
        ])
    func sideEffects(_ message: String) {
        #expect(level(message) == .seeDoctor)
    }

    @Test(
        "General questions that name a red flag get information and an offer, not a triage",
        arguments: [
            "what are the signs of cauda equina?",
            "can a car crash cause back spasms?",
            "why does it hurt when I sneeze?",
            "what does numbness in both legs mean?",
            "can back pain cause erection problems?",
            "is a fever with back pain something to worry about? just asking for future reference",
            "back pain and chest pain together what does it mean",
            "back pain and impotence connection",
            "I read online back spasms cause impotence",
            // Searches: no question word, but the last words ask for knowledge.
            "cauda equina syndrome warning signs",
            "spinal cord compression red flags list",
            "heart attack back pain signs",
        ])
    func generalQuestions(_ message: String) {
        var conversation = Conversation()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.triage == nil, "\(reply.text)")
        #expect(reply.intent != Reply.Intent.triageQuestion)
        #expect(reply.text.contains("\"check\""), "the check is offered")
        let accepted = engine.reply(to: "check", in: &conversation)
        #expect(accepted.intent == Reply.Intent.triageQuestion, "saying \"check\" starts it")
    }

    @Test(
        "A search after a symptom of one's own still reports the symptom",
        arguments: [
            "both my legs are numb and weak, cauda equina symptoms",
            "I can't feel my bum when I wipe. cauda equina symptoms",
        ])
    func searchAfterOwnSymptom(_ message: String) {
        #expect(level(message) == .emergency)
    }

    @Test(
        "Words that look like red flags and are not",
        arguments: [
            "my mate swears by heat for back spasms",
            "I get hay fever every spring, does that affect back spasms?",
            "I'm 8 weeks pregnant and my back aches a bit",
            "my back is killing me and im 8 months pregnant",
            "my bum is sore from the spin bike, not numb, just sore",
            "a wee bit of a stiff back today",
            "I reached into the dishwasher and threw my back out",
            "can you swap my shift on the work rota",
            "my cat is being sick, should i worry",
            "my dad keeps falling asleep with his heat pad",
            "how long do i boil an egg",
            "can I take ibuprofen for a hangover headache",
        ])
    func lookAlikes(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test(
        "A denied symptom is not a red flag",
        arguments: [
            "no numbness, no fever, just stiff",
            "I don't have a fever or any numbness, what helps a spasm?",
            "my legs are fine, no numbness or tingling",
            "no bladder problems, just a sore back",
            "I can wee normally, nothing numb down below, no weakness",
            "it doesn't hurt when I cough",
        ])
    func negation(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test(
        "A denial does not hide a red flag said after it",
        arguments: [
            "no fever but my legs are numb",
            "I didn't fall, both my legs are numb",
            "no fever and I can't control my bladder",
        ])
    func negationDoesNotReachTooFar(_ message: String) {
        #expect(level(message) == .emergency)
    }

    @Test(
        "Someone else mentioned in passing",
        arguments: [
            "my mate crashed his car last year, my back's just stiff from gardening",
            "my brother has a kidney infection and I'm looking after him, my back is stiff from his sofa",
        ])
    func someoneElse(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test(
        "Ordinary questions start nothing",
        arguments: [
            "what causes back spasms", "should i use ice or heat", "how do I pick up my toddler safely",
            "how long do back spasms last", "can kidney stones cause back spasms", "best mattress for a bad back",
        ])
    func ordinaryQuestions(_ message: String) {
        var conversation = Conversation()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.triage == nil)
        #expect(!reply.expectsAnswer)
    }

    @Test("\"Go on\" to a question about a symptom is not a yes", arguments: ["go on", "ok go on", "go ahead"])
    func goOnIsNoAnswer(_ message: String) {
        var conversation = Conversation()
        let first = engine.reply(to: "my back went this morning lifting the shopping", in: &conversation)
        #expect(first.pendingQuestion != nil)
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.triage != .emergency)
        #expect(conversation.triage.level == nil)
    }

    @Test(
        "A denial carries along a list of findings with words between them",
        arguments: [
            "I haven't got any numbness or problems going to the toilet or anything like that",
            "I do not have any numbness, tingling or trouble going to the loo, my back is just stiff",
        ])
    func denialAlongAList(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test(
        "How a condition is treated is a question about it, not a report of it",
        arguments: ["how are kidney stones treated", "how do they treat a spinal infection"])
    func howItIsTreated(_ message: String) {
        #expect(level(message) == .selfCare)
    }

    @Test func strokingACatIsNotAStroke() {
        #expect(level("my cat's back twitches and ripples when I stroke her, is that normal") == .selfCare)
        // A stroke itself is still an emergency.
        #expect(level("i think im having a stroke, my face is drooping and my back hurts") == .emergency)
    }
}
