import BackTalk
import BackTalkAuthoring
import Testing

/// One way a person might report a red flag, and the level it must reach.
struct Phrasing: CustomTestStringConvertible, Sendable {
    var row: String
    var messages: [String]
    var level: TriageLevel
    var testDescription: String { "\(row) \(level.rawValue): \(messages.joined(separator: " / "))" }
}

/// Every row of the red-flag table (Intents/triage/CLINICAL-BASIS.md), phrased
/// as people write: first person and third, a child, pregnancy, slang, typos, a
/// long message, and findings that arrive in a later message.
enum RedFlagPhrasings {
    static func rows(_ level: TriageLevel, _ rows: [(String, [[String]])]) -> [Phrasing] {
        rows.flatMap { row, phrasings in phrasings.map { Phrasing(row: row, messages: $0, level: level) } }
    }

    static let emergency = rows(
        .emergency,
        [
            (
                "ces_bladder",
                [
                    ["my back went on monday and since last night i just can't pee"],
                    ["strong pain in my back from work, and today I cannot make the urine, only a little comes"],
                    ["Mum's back is terrible and she's wet herself twice today, that never happens"],
                    ["my lower back is agony", "oh and I have to strain really hard to wee"],
                    ["my dad's back went this morning and he hasn't been to the loo to pee since breakfast"],
                ]
            ),
            (
                "ces_saddle",
                [
                    ["my bum and the inside of my thighs feel numb since my back went"],
                    ["when i wipe i cant feel the paper properly, back is killing me"],
                    ["Weird tingling around my privates with this sciatica, is that the nerve?"],
                    ["lower back spasm since saturday, and this morning it felt weird when I wiped, like numb"],
                ]
            ),
            (
                "ces_sexual",
                [
                    ["since my back spasm last week I can't get an erection at all"],
                    ["my husband says he has lost feeling down there since he hurt his back"],
                    ["back pain for 3 days and now I can't ejaculate, never had that before"],
                    ["since my back went I don't feel a thing when I finish with my partner, that's new"],
                ]
            ),
            (
                "legs_both_or_worsening",
                [
                    ["both my legs feel weak and wobbly since this morning"],
                    ["my 80 year old dad can't feel his legs"],
                    ["sciatica was in my left leg, now it's down both legs"],
                    ["sciatica in my left leg for a month, now it's started in my right leg too"],
                    ["my right foot is dragging and the leg is getting weaker every day"],
                ]
            ),
            (
                "heart",
                [
                    ["pain between my shoulder blades and a heavy feeling in my chest"],
                    ["my upper back hurts and my jaw aches and I'm sweating"],
                    ["back pain and I'm really short of breath"],
                ]
            ),
            (
                "aorta",
                [
                    ["sudden ripping pain in my back, worst ever"],
                    ["my grandad has sudden terrible pain in his back and his stomach and looks grey"],
                    ["I passed out in the kitchen and my back is agony"],
                ]
            ),
            (
                "stroke",
                [
                    ["my wife's face has dropped on one side and her words are slurred"],
                    ["suddenly my right arm and leg went weak"],
                    ["can't see properly out of one eye since an hour ago and my back hurts"],
                ]
            ),
            (
                "serious_accident",
                [
                    ["i fell off the roof onto my back"],
                    ["I was knocked off my bike by a car this morning and my back is killing me"],
                    ["car crash yesterday, now lower back spasms"],
                ]
            ),
            (
                "cancer_cord",
                [
                    ["I had breast cancer and now my legs feel weak"],
                    ["my dad had prostate cancer and now he can't pee properly and his back hurts"],
                    ["had lymphoma, now my left foot has gone numb and my back aches"],
                ]
            ),
            (
                "spinal_infection",
                [
                    ["I inject heroin and I've got a fever and my back is agony"],
                    ["on prednisolone for years and now a high temperature with back pain"],
                    ["had an epidural last week, now back pain and I'm hot and shivery"],
                ]
            ),
            (
                "sepsis",
                [
                    ["my mum has back pain and she's really confused and breathing fast"],
                    ["my husband has a temperature, is very drowsy and his skin is blotchy"],
                    ["i feel like something is very wrong, back pain and shivering"],
                    ["the tramadol has made him so drowsy we can't wake him up"],
                ]
            ),
            (
                "kidney_confusion",
                [
                    ["my nan has pain in her side, her wee stings and today she's confused"],
                    ["blood in his urine, pain in his back, and he's very drowsy"],
                    ["kidney pain and burning pee and she is disoriented"],
                ]
            ),
            (
                "pregnancy_emergency",
                [
                    ["I'm 24 weeks pregnant and bleeding heavily"],
                    ["pregnant with severe constant tummy pain that won't go away and back ache"],
                    ["my back hurts", "I'm 30 weeks pregnant and I'm soaking pads with blood"],
                ]
            ),
            (
                "crisis",
                [
                    ["I feel like ending it all because of this pain"],
                    ["honestly I don't want to be here anymore, the back pain never stops"],
                    ["my son keeps saying he wants to kill himself since his back injury"],
                ]
            ),
        ])

    static let urgent = rows(
        .urgent,
        [
            (
                "pregnancy_urgent",
                [
                    ["I'm 32 weeks pregnant and my back pain comes and goes every few minutes"],
                    ["pregnant and I've got a bit of spotting with this back ache"],
                    ["30 weeks and the baby hasn't moved much today, and my back hurts"],
                ]
            ),
            (
                "cancer_pain",
                [
                    ["I had bowel cancer and my back pain is constant"],
                    ["history of breast cancer and now pain between my shoulder blades"],
                    ["I had myeloma treatment, and my back pain wakes me at night"],
                ]
            ),
            (
                "fever",
                [
                    ["I have a fever and back spasms"],
                    ["my back hurts and I'm burning up with a temperature"],
                    ["got the shivers and a temp with this lower back pain"],
                ]
            ),
            (
                "infection_risk_no_fever",
                [
                    ["I inject drugs and my back hurts"],
                    ["I've had a kidney transplant and my back has started aching"],
                    ["i'm on long term steroids and my back hurts"],
                ]
            ),
            (
                "serious_signs",
                [
                    ["I've lost weight without trying and my back aches"],
                    ["there's a lump on my spine"],
                    ["my back hurts more when I cough and sneeze"],
                ]
            ),
            (
                "fragile_fall",
                [
                    ["my nan slipped on the rug and now her back hurts"],
                    ["I'm 72 and I hurt my back lifting a suitcase"],
                    ["I have osteoporosis and I fell, now my back is sore"],
                ]
            ),
            (
                "kidney",
                [
                    ["my lower back hurts and it burns when I pee"],
                    ["there's blood in my urine and my back hurts"],
                    ["excruciating pain in my side that comes in waves"],
                ]
            ),
            (
                "child_urgent",
                [
                    ["my 9 year old has back pain and a fever"],
                    ["my toddler keeps holding her back and crying"],
                    ["my son is 12, his back hurts and he's started limping"],
                ]
            ),
        ])

    static let seeDoctor = rows(
        .seeDoctor,
        [
            (
                "child_long",
                [
                    ["my 14 year old has had back pain for about 2 months"],
                    ["my daughter is 10 and her back has been sore for 5 weeks"],
                    ["my son has back ache", "he's 13 and it's been going on for 6 weeks"],
                ]
            ),
            (
                "new_pain_age",
                [
                    ["I'm 17 and my lower back has started hurting"],
                    ["I'm 63 and this is the first time I've ever had back pain"],
                    ["never had back trouble before, I'm 58, now my back aches"],
                ]
            ),
            (
                "inflammatory",
                [
                    ["I'm 27 and my back has been stiff every morning for 6 months, it eases once I move"],
                    ["my husband is 33 and his back is stiff in the mornings, for about a year now"],
                    ["morning stiffness in my lower back for 4 months", "I'm 30"],
                    ["I'm 29, my back is stiff every morning since last autumn and loosens up at the gym"],
                ]
            ),
            (
                "not_improving",
                [
                    ["my back spasms are not getting better after 3 weeks"],
                    ["the back pain is getting worse every day"],
                    ["I can't work because of my back"],
                    ["my back has been bad for 6 weeks now"],
                ]
            ),
        ])

    static var all: [Phrasing] { emergency + urgent + seeDoctor }
}

@Suite("Every red flag of the clinical table is noticed and escalated")
struct RedFlagTests {
    let engine: Engine

    init() throws {
        engine = try Engine()
    }

    /// Sends `messages`, then answers every waiting safety question "no".
    func run(_ messages: [String]) -> (replies: [Reply], conversation: Conversation) {
        var conversation = Conversation()
        var replies = messages.map { engine.reply(to: $0, in: &conversation) }
        while let last = replies.last, last.expectsAnswer, last.pendingQuestion != nil, replies.count < 20 {
            replies.append(engine.reply(to: "no", in: &conversation))
        }
        return (replies, conversation)
    }

    @Test("An emergency gets the emergency reply as soon as it is said", arguments: RedFlagPhrasings.emergency)
    func emergencyFirst(_ phrasing: Phrasing) {
        let (replies, _) = run(phrasing.messages)
        let reply = replies[phrasing.messages.count - 1]
        #expect(reply.intent == Reply.Intent.emergency, "\(reply.text)")
        #expect(reply.triage == .emergency)
        #expect(!reply.expectsAnswer, "an emergency is never held back behind a question")
        #expect(
            reply.text.hasPrefix("Call your local emergency number") || reply.text.hasPrefix("Please get help now"),
            "the level comes first: \(reply.text)")
    }

    @Test(
        "Urgent and see-a-doctor flags reach their level, and the questions never end lower",
        arguments: RedFlagPhrasings.urgent + RedFlagPhrasings.seeDoctor)
    func levelIsReachedAndKept(_ phrasing: Phrasing) {
        let (replies, conversation) = run(phrasing.messages)
        let announced = replies.compactMap(\.triage)
        #expect(announced.max() == phrasing.level, "\(replies.map(\.text))")
        #expect(replies.last?.triage == phrasing.level)
        #expect(conversation.triage.level == phrasing.level)
    }

    @Test("Every row of the table, and the crisis line, is tested in three ways or more")
    func phrasingsCoverEveryRow() throws {
        let rows = try KnowledgeBase.bundled().clinicalRows
        #expect(rows.count == 26)
        for row in rows {
            #expect(RedFlagPhrasings.all.filter { $0.row == row }.count >= 3, "\(row)")
        }
    }

    @Test("Thoughts of self-harm get crisis lines at once, whatever else is going on")
    func crisisLines() {
        var conversation = Conversation()
        _ = engine.reply(to: "is this serious?", in: &conversation)
        let reply = engine.reply(to: "I just want to die, I can't take this pain anymore", in: &conversation)
        #expect(reply.intent == Reply.Intent.emergency)
        #expect(reply.text.contains("116 123"))
        #expect(reply.text.contains("988"))
        #expect(reply.text.contains("999, 911 or 112"))
    }
}
