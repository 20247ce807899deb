import BackTalk
import BackTalkAuthoring
import Foundation
import Testing

@Suite("Matching questions to entries")
struct MatchingTests {
    let engine: Engine

    init() throws {
        engine = try Engine()
    }

    func intent(_ message: String) -> Reply.Intent {
        var conversation = Conversation()
        return engine.reply(to: message, in: &conversation).intent
    }

    /// The trace of the reply to `message` as a first message.
    func trace(_ message: String) -> Understanding {
        var conversation = Conversation()
        return engine.reply(to: message, in: &conversation).understanding
    }

    @Test(
        "Typos and shorthand still reach the entry",
        arguments: [
            ("symtoms of back spams", "symptoms"),
            ("wat causes it", "causes"),
            ("wat causes back spasms", "causes"),
            ("how lng do back spasms last", "duration"),
            ("should i use ice or heat", "heat_cold"),
            ("wots a bk spasm", "definition"),
            ("cn i drive wiv a bad bk", "driving"),
        ])
    func typos(message: String, expected: String) {
        #expect(intent(message).rawValue == expected, "\(trace(message))")
    }

    @Test("Synonyms map to one concept", arguments: ["back cramp", "knot in my back", "back seized up", "charley horse in my back"])
    func synonyms(message: String) {
        let terms = trace(message).match?.terms ?? []
        #expect(terms.contains("#spasm"), "\(terms)")
    }

    @Test(
        "Everyday names reach their concept",
        arguments: [
            ("can being over weight give you back spasms", "#body_weight"),
            ("is it ok to go to a&e with back spasms", "#emergency_department"),
            ("how long will my back take to heal", "#recover"),
        ])
    func everydayNames(message: String, concept: String) {
        let terms = trace(message).match?.terms ?? []
        #expect(terms.contains(concept), "\(terms)")
    }

    @Test(
        "Brand and US names reach their medicine",
        arguments: [
            ("is skelaxin ok for my back spasms", "muscle_relaxants"),
            ("my doctor gave me tylenol 3 for my back, is it strong", "codeine"),
        ])
    func brandNames(message: String, expected: String) {
        #expect(intent(message).rawValue == expected, "\(trace(message))")
    }

    @Test(
        "A pet in a story of one's own back is not the subject",
        arguments: ["hurt my back walking the dog", "my back went when i picked up the cat"])
    func petInAStory(message: String) {
        #expect(intent(message) != Reply.Intent.outOfScope, "\(trace(message))")
    }

    @Test(
        "Everyday names reach their entry",
        arguments: [
            ("my boss wants a paper from the doctor for my back", "fit_note"),
            ("would a counsellor help with my back", "low_mood"),
        ])
    func everydayNames(message: String, expected: String) {
        #expect(intent(message).rawValue == expected, "\(trace(message))")
    }

    @Test(
        "Anything else gets the honest out-of-scope reply",
        arguments: [
            "book me a flight", "what are the symptoms of diabetes", "call back my mom", "what's the weather tomorrow",
            "tell me a joke", "how do i back up my laptop", "my dog's back legs are going weak",
            "can i take ibuprofen for a toothache",
        ])
    func outOfScope(message: String) {
        #expect(intent(message) == Reply.Intent.outOfScope, "\(trace(message))")
    }

    @Test func outOfScopeReplySaysWhatItCanHelpWith() {
        var conversation = Conversation()
        let reply = engine.reply(to: "book me a flight", in: &conversation)
        #expect(reply.text.contains("back"))
        #expect(!reply.suggestions.isEmpty)
        #expect(reply.triage == nil)
    }

    /// A long message that names the back early and asks its question in a last sentence of
    /// its own is on the subject: it is answered, not turned away as out of scope.
    @Test func aQuestionInItsOwnSentenceKeepsTheSubjectOfTheMessage() {
        let message =
            "My lower back has been aching for a fortnight and seizes when I stand from my desk. "
            + "I'd prefer to steer clear of tablets. What else is there that I could do at home, gadgets, hot things, whatever?"
        #expect(![Reply.Intent.outOfScope, .notCovered].contains(intent(message)))
    }

    /// A story that ends in a question is answered on its question, where an entry answers it,
    /// not on the story's strongest words (here, a GP appointment).
    @Test func aStoryIsAnsweredOnItsLastQuestion() {
        let message =
            "My back went into spasm a fortnight ago and it's still no better. I can't get a GP appointment for three weeks. "
            + "Could the chemist help me in the meantime, and what would they do?"
        #expect(intent(message) == "pharmacist", "\(trace(message))")
    }

    /// A question typed without a question mark is still the question of its message: what
    /// "am I safe to drive on it" asks, not the medicine the sentence before it names.
    @Test func aQuestionWithoutAQuestionMarkIsStillTheQuestion() {
        let message = "The GP put me on diazepam for my back. am I safe to drive to work on it"
        #expect(intent(message) == "driving", "\(trace(message))")
    }

    /// A twitch somewhere else, however long it has lasted, is not a report of back pain.
    @Test func aTwitchElsewhereIsNotABackPainReport() {
        let reply = {
            var conversation = Conversation()
            return engine.reply(to: "my eyelid has been flickering for four days now", in: &conversation)
        }()
        #expect(reply.intent == .outOfScope, "\(reply.understanding)")
    }

    /// The skin of the back is not its muscles: sunburn or acne on the back is out of scope,
    /// unless the message asks about a spasm too.
    @Test func theSkinOfTheBackIsNotItsMuscles() {
        #expect(intent("sunburn on my back, what helps") == .outOfScope)
        #expect(intent("acne on my back, how do I get rid of it") == .outOfScope)
        #expect(intent("can I use a heat pad on a back spasm if I have sunburn") == "heat_how_to")
    }

    /// A medicine BackTalk knows, asked about for something other than the back, is out of scope.
    @Test func aBackMedicineForSomethingElseIsOutOfScope() {
        #expect(intent("is pregabalin any good for hot flashes") == .outOfScope)
        #expect(intent("diazepam before a flight for nerves, fear of flying") == .outOfScope)
        #expect(intent("which cough medicine is best for a toddler") == .outOfScope)
    }

    /// "His" stems to "hi": a word of a concept must not be found inside another word's stem.
    @Test func hisBackIsNotAGreeting() {
        for message in ["he's been moaning about his back all week", "his back went lifting the shopping"] {
            #expect(intent(message) != "greeting", "\(trace(message))")
        }
    }

    @Test func aLongRamblingMessageStillFindsTheQuestion() {
        let message = """
            So this week has been a lot. Monday the kids were off school, Tuesday my boss moved every meeting, \
            and on Wednesday I spent the whole evening carrying boxes up to the loft for my sister. \
            Then Thursday morning I bent down to feed the cat and my lower back just locked up completely. \
            Anyway, I've got a wedding on Saturday. Should I be using ice or heat on it?
            """
        #expect(intent(message) == "heat_cold", "\(trace(message))")
    }

    @Test func theSameInputAlwaysGivesTheSameReply() throws {
        let other = try Engine()
        for message in ["back spasm causes", "wat helps", "hmm knots", "book a flight"] {
            var a = Conversation()
            var b = Conversation()
            #expect(engine.reply(to: message, in: &a) == other.reply(to: message, in: &b))
        }
    }

    @Test func theTraceShowsTheMatchersSteps() throws {
        let explanation = try #require(trace("symtoms of back spams").match)
        #expect(explanation.corrections.contains { $0.from == "symtoms" && $0.to == "symptoms" })
        #expect(explanation.synonyms.contains { $0.concept == "#spasm" })
        #expect(explanation.decision == "symptoms")
        #expect(explanation.candidates.first?.intent == "symptoms")
        #expect(explanation.candidates.allSatisfy { (0...1).contains($0.score) })
    }

    @Test func aOneMegabyteLineGetsAReply() {
        let paragraph = "my lower back keeps cramping after work and I do not know why it happens so often "
        let message = String(repeating: paragraph, count: 1_048_576 / paragraph.utf8.count + 1)
        var conversation = Conversation()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.text.hasPrefix("That message is very long"), "says it read only the first part")
        #expect(reply.intent != Reply.Intent.outOfScope)
    }

    @Test func anEmergencyEarlyInAnEnormousMessageStillComesFirst() {
        let message = "I can't pee and my back is agony. " + String(repeating: "é and more words ", count: 100_000)
        var conversation = Conversation()
        let reply = engine.reply(to: message, in: &conversation)
        #expect(reply.intent == Reply.Intent.emergency)
        #expect(reply.text.hasPrefix("Call"), "the emergency reply first, the note after")
        #expect(reply.text.hasSuffix("(about 10,000 words)."))
    }
}

@Suite("Accuracy on the development set")
struct DevelopmentSetTests {
    /// Written apart from the entries' examples; see Tests/DevSet/README.md.
    static let devSet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "DevSet/questions.tsv")

    /// The floor under today's figures: the goal is 92% for both (issue 11);
    /// this stops a change from losing ground on the way there.
    static let accuracyFloor = 0.89
    static let rejectionFloor = 0.93

    @Test func topOneAccuracyAndOutOfScopeRejectionHoldTheirGround() throws {
        let text = try String(contentsOf: Self.devSet, encoding: .utf8)
        let report = try Engine().evaluate(tsv: text, file: "questions.tsv")
        #expect(report.inScope >= 1000)
        #expect(report.outOfScope >= 150)
        let misses = report.misses.map { "\($0.line): expected \($0.expected), got \($0.got): \($0.question)" }.joined(separator: "\n")
        #expect(report.accuracy >= Self.accuracyFloor, "accuracy \(report.accuracy)\n\(misses)")
        #expect(report.rejectionRate >= Self.rejectionFloor, "rejection \(report.rejectionRate)")
    }

    /// Specific questions and the facts (from CLINICAL.md) their replies must hold.
    static let facts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Facts/facts.tsv")

    /// Every row passes today (issue 11 asked for 95%); a fact lost is a wrong
    /// or missing answer, so the floor sits a point under that.
    static let factsFloor = 0.99

    @Test func repliesKeepTheFactsTheyAreAskedFor() throws {
        let text = try String(contentsOf: Self.facts, encoding: .utf8)
        let report = try Engine().evaluateFacts(tsv: text, file: "facts.tsv")
        #expect(report.results.count >= 70)
        let misses = report.results.filter { !$0.isRight }
            .map { "\($0.id): \($0.got) lacks \($0.missing): \($0.question)" }.joined(separator: "\n")
        #expect(report.accuracy >= Self.factsFloor, "facts \(report.accuracy)\n\(misses)")
    }
}
