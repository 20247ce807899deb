import BackTalk
import Testing

/// One way a person might report a red flag, and the level it must reach.
struct Phrasing: CustomTestStringConvertible, Sendable {
    var message: String
    var level: TriageLevel
    var testDescription: String { "\(level.rawValue): \(message)" }
}

/// Every red flag of CLINICAL.md, phrased as a statement, a question, and in
/// slang or with typos, in capitals or inside a long message.
enum RedFlagPhrasings {
    static let emergency: [String] = [
        // New trouble passing urine, or loss of bladder or bowel control.
        "I can't control my bladder",
        "is it normal that i cant pee since my back went?",
        "peed myself this morning and my back is in spasm",
        "LOST CONTROL OF MY BOWELS",
        "my back has been bad for days, I've been resting and using heat, and today I realised I can't really hold my wee anymore. what should I do?",
        // Saddle numbness.
        "my inner thighs went numb",
        "why is there tingling around my groin with this back pain?",
        "cant feel my bum",
        "numbnes between my legs since the spasm",
        // Erection or ejaculation problems, or loss of genital sensation.
        "since my back went I can't get an erection",
        "can back pain give you problems ejaculating?",
        "my privates feel numb",
        // Both legs, worsening weakness, trouble walking.
        "both my legs are numb",
        "why are my legs tingling and weak?",
        "I can barely walk",
        "my leg keeps giving way and it is getting weaker",
        "cnt feel my legs",
        // Chest pain.
        "I have chest pain and back pain",
        "is chest pain with a back spasm serious?",
        "my chest feels tight n my back hurts",
        // Stroke signs.
        "my face is drooping",
        "is slurred speech with back pain bad?",
        "my left arm went numb suddenly",
        "i cant see out of one eye all of a sudden",
        // Serious accident.
        "I fell off a ladder",
        "does back pain after a car crash need checking?",
        "came off my motorbike and my back is agony",
        "fell down the stairs yesterday and now my back is in spasm",
        // Aortic aneurysm signs.
        "sudden severe pain in my lower back and belly",
        "why can I feel a pulsing in my stomach?",
        "I fainted and my back hurts",
        "feel really dizzy with this back pain",
        // Cancer history with weakness, numbness, walking or bladder problems.
        "I had breast cancer and now my leg feels weak",
        "I've had prostate cancer, could the numbness in my foot be related?",
        "had breast cancr n my leg keeps going weak",
        // A kidney infection with confusion or drowsiness.
        "I have a fever and I'm really confused",
        "my dad has a temperature and burning when he pees and is very drowsy",
        "got a temp and feel really confused, is that bad?",
    ]

    static let urgent: [String] = [
        // Cancer history with constant, worsening or night-time pain.
        "I had prostate cancer and the pain is constant",
        "is back pain that's worse at night a worry if I've had cancer?",
        "had chemo last year n now my back hurts all the time",
        // Fever or feeling generally unwell.
        "I have a fever and back spasms",
        "do back spasms cause chills and a temperature?",
        "ive got a high temp and my back is killing me",
        "I feel really unwell with this back pain",
        // Infection risk.
        "I inject drugs and my back hurts",
        "I'm on steroids long term, should I worry about my back pain?",
        "im immunocompromised with back pain",
        // Weight loss, lump or shape change, night pain, cough or sneeze.
        "I've lost weight without trying and my back aches",
        "is a lump on my spine normal?",
        "my back pain is worse at night",
        "it hurts when I cough or sneeze",
        "pain wakes me up every night",
        // A minor fall in someone older or with osteoporosis.
        "my grandma slipped and now her back hurts",
        "I have osteoporosis and I fell, what should I do?",
        "I'm 78 and tripped over the cat",
        // Kidney infection or stone.
        "my lower back hurts and it burns when i pee",
        "why is there blood in my urine with back pain?",
        "the pain in my side comes in waves",
    ]

    static let seeDoctor: [String] = [
        // New back pain over about 50 or under about 20.
        "my 15 year old son has back spasms",
        "I'm 62 and this is the first time my back has hurt, is that normal?",
        "teenager with bad back spasms",
        // Not better after about 4 weeks, getting worse, or stopping daily activities.
        "my back spasms have lasted 6 weeks",
        "why is it not getting better?",
        "ive had this for months",
        "I can't work because of my back",
        "the pain is getting worse every day",
    ]

    static var all: [Phrasing] {
        emergency.map { Phrasing(message: $0, level: .emergency) }
            + urgent.map { Phrasing(message: $0, level: .urgent) }
            + seeDoctor.map { Phrasing(message: $0, level: .seeDoctor) }
    }
}

@Suite("Red flags are noticed and escalated")
struct RedFlagTests {
    let engine = try! Engine()

    @Test("An emergency red flag gets the emergency reply at once", arguments: RedFlagPhrasings.emergency)
    func emergencyFirst(_ message: String) {
        var conversation = Conversation()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.intent == Reply.Intent.emergency)
        #expect(reply.triage == .emergency)
        #expect(!reply.expectsAnswer, "an emergency is never held back behind a question")
        #expect(reply.text.hasPrefix("Please call 999, 911 or 112"))
    }

    @Test("Other red flags announce their level, and the questions never end lower",
          arguments: RedFlagPhrasings.urgent.map { Phrasing(message: $0, level: .urgent) }
              + RedFlagPhrasings.seeDoctor.map { Phrasing(message: $0, level: .seeDoctor) })
    func levelIsReachedAndKept(_ phrasing: Phrasing) {
        var conversation = Conversation()
        var reply = engine.reply(to: phrasing.message, in: &conversation)
        #expect(reply.triage == phrasing.level, "the first reply announces the level")
        #expect(reply.expectsAnswer)
        // Answering "no" to everything ends exactly at the flag's level.
        var turns = 0
        while reply.expectsAnswer && turns < 20 {
            reply = engine.reply(to: "no", in: &conversation)
            turns += 1
        }
        #expect(reply.intent == Reply.Intent.triageOutcome)
        #expect(reply.triage == phrasing.level)
        #expect(conversation.triage.level == phrasing.level)
    }

    @Test("Every red flag is tested in at least three ways")
    func phrasingsCoverEveryRow() {
        // 17 rows in CLINICAL.md's table; each has three or more phrasings above.
        #expect(RedFlagPhrasings.all.count >= 17 * 3)
    }

    @Test("A denied symptom is not a red flag", arguments: [
        "no numbness, no fever, just stiff",
        "I don't have a fever or any numbness, what helps a spasm?",
        "my legs are fine, no numbness or tingling",
        "no bladder problems, just a sore back",
        "I didn't fall and there's no chest pain",
        "it doesn't hurt when I cough",
        "no weakness, tingling or numbness in my legs",
    ])
    func negation(_ message: String) {
        var conversation = Conversation()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.triage == nil)
        #expect(!reply.expectsAnswer)
    }

    @Test("A denial does not hide a red flag said after it", arguments: [
        "no fever but my legs are numb",
        "I didn't fall, my legs are both numb",
        "no fever and I can't control my bladder",
    ])
    func negationDoesNotReachTooFar(_ message: String) {
        var conversation = Conversation()
        #expect(engine.reply(to: message, in: &conversation).triage == .emergency)
    }

    @Test("A symptom the person is unsure of is asked about, never taken as a denial", arguments: [
        "I'm not sure if it's numb",
        "not sure if I've lost control of my bladder",
        "maybe a bit of tingling in my groin, I think",
    ])
    func uncertainty(_ message: String) {
        var conversation = Conversation()
        let first = engine.reply(to: message, in: &conversation)
        #expect(first.intent == Reply.Intent.triageQuestion)
        #expect(first.expectsAnswer)
        // "Not sure" again never ends at self-care.
        let second = engine.reply(to: "not sure", in: &conversation)
        #expect(second.triage.map { $0 >= .urgent } ?? second.expectsAnswer)
    }

    @Test func ordinaryQuestionsAreNotRedFlags() {
        for message in ["what causes back spasms", "should i use ice or heat", "how do I pick up my toddler safely",
                        "best hay fever tablets", "how long do back spasms last", "can kidney stones cause back spasms"] {
            var conversation = Conversation()
            let reply = engine.reply(to: message, in: &conversation)
            #expect(reply.triage == nil, "\(message)")
            #expect(!reply.expectsAnswer, "\(message)")
        }
    }
}
