import BackTalk
import Testing

/// How a finding is read in its context, as clinical text processing reads it
/// (NegEx, ConText): negated, uncertain, hypothetical or asked in general,
/// historical or resolved, long-standing or changed, and whose it is.
@Suite("Findings are read in their context")
struct ContextReadingTests {
    let engine: Engine

    init() throws {
        engine = try Engine()
    }

    /// The findings the reply to `message`, as a first message, read in it.
    func findings(_ message: String) -> [FindingMention] {
        var conversation = Conversation()
        return engine.reply(to: message, in: &conversation).understanding.findings
    }

    func finding(_ id: String, in message: String) -> FindingMention? {
        findings(message).first { $0.finding == id }
    }

    @Test(
        "Present",
        arguments: [
            ("retention", "haven't managed a wee all day and my back's in bits"),
            ("retention", "I have to push to get my wee out"),
            ("saddle_numbness", "numb when I wipe"),
            ("legs_numb_both", "my wife says both her legs have gone numb"),
            ("tearing_pain", "sudden tearing pain between the shoulder blades"),
            ("fever", "got a temp and the shivers"),
            ("self_harm", "I feel like ending it all because of this pain"),
            // "No" that answers, then a sentence: it negates nothing after it.
            ("legs_ok", "No she's walking ok, just seems tired"),
            ("saddle_numbness", "No, I have numbness in my bum"),
        ])
    func present(_ id: String, _ message: String) throws {
        let mention = try #require(finding(id, in: message), "\(findings(message))")
        #expect(mention.status == .present)
        #expect(!mention.general)
    }

    @Test(
        "Negated",
        arguments: [
            ("numbness", "no numbness, no fever, just stiff"),
            ("retention", "I have no trouble peeing"),
            ("fever", "I don't have a temperature"),
            ("legs_numb_both", "no numbness, tingling or weakness in my legs"),
        ])
    func negated(_ id: String, _ message: String) throws {
        let mention = try #require(finding(id, in: message))
        #expect(mention.status == .absent)
        #expect(mention.context.contains("negated"))
    }

    @Test(
        "In doubt, which is asked about, never taken as a denial",
        arguments: [
            ("numbness", "not sure if it's numb"),
            ("incontinence", "not sure if I've lost control of my bladder"),
        ])
    func uncertain(_ id: String, _ message: String) throws {
        let mention = try #require(finding(id, in: message))
        #expect(mention.status == .uncertain)
    }

    @Test(
        "Imagined or asked in general",
        arguments: [
            ("legs_numb_both", "what if my legs go numb?"),
            ("serious_accident", "can a car crash cause back spasms?"),
            ("cough_pain", "why does it hurt when I sneeze?"),
        ])
    func general(_ id: String, _ message: String) throws {
        let mention = try #require(finding(id, in: message))
        #expect(mention.general)
    }

    @Test(
        "Over, or long-standing and unchanged",
        arguments: [
            ("fever", "had a fever last week, gone now"),
            ("kidney_stone", "I had a kidney stone years ago"),
            ("sexual_new", "erection problems for years with my diabetes, nothing new"),
        ])
    func past(_ id: String, _ message: String) throws {
        let mention = try #require(finding(id, in: message))
        #expect(mention.status == .past)
    }

    @Test func aChangeMakesALongStandingProblemNew() throws {
        let mention = try #require(finding("sexual_new", in: "erection problems for years, but much worse since my back went"))
        #expect(mention.status == .present)
    }

    @Test(
        "Whose finding it is",
        arguments: [
            ("legs_numb_both", "my wife says both her legs have gone numb", "wife"),
            ("walk_refusal", "my toddler won't walk", "toddler"),
            ("fever", "my dad has a fever", "father"),
            ("back_pain", "my back hurts", "self"),
        ])
    func experiencer(_ id: String, _ message: String, _ person: String) throws {
        let mention = try #require(finding(id, in: message))
        #expect(mention.person == person)
    }

    @Test func weeksOfPregnancyAreNotAnAge() {
        var conversation = Conversation()
        _ = engine.reply(to: "I'm 8 weeks pregnant and my back aches", in: &conversation)
        let me = conversation.triage.people["self"]
        #expect(me?.pregnant == true)
        #expect(me?.pregnancyWeeks == 8)
        #expect(me?.age == nil)
    }

    @Test(
        "Ages as people write them",
        arguments: [
            ("55F, first time ever having back pain", 55), ("my 10yo has back pain", 10), ("I'm 72 and my back hurts", 72),
            ("my dad is in his 80s and his back hurts", 85),
        ])
    func ages(_ message: String, _ age: Int) {
        var conversation = Conversation()
        _ = engine.reply(to: message, in: &conversation)
        #expect(conversation.triage.people.values.contains { $0.age == age }, "\(conversation.triage.people)")
    }
}
