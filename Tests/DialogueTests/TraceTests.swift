import BackTalk
import Foundation
import Synchronization
import Testing

/// Every reply carries its own trace, made as the reply was made: what the message was
/// taken to be, what was read and pruned in it, what the matcher scored, and the decision.
@Suite("A reply's trace")
struct TraceTests {
    let engine: Engine

    init() throws {
        engine = try Engine()
    }

    func reply(_ message: String) -> Reply {
        var conversation = Conversation()
        return engine.reply(to: message, in: &conversation)
    }

    /// Denied signs are pruned before matching, so the reply is about stiffness; the trace
    /// shows that match, not one of the raw text (which would find the warning signs).
    @Test func theTraceShowsWhatTheReplyMatchedNotTheRawText() throws {
        let reply = reply("no numbness, no fever, just stiff")
        #expect(reply.intent == "symptoms")
        let trace = reply.understanding
        let match = try #require(trace.match)
        #expect(match.decision == "symptoms")
        #expect(match.candidates.first?.intent == "symptoms")
        #expect(!match.terms.contains("numb") && !match.terms.contains("fever"), "\(match.terms)")
        #expect(trace.pruned == [.init(word: "numbness", reason: .denied), .init(word: "fever", reason: .denied)])
        #expect(trace.findings.map(\.finding) == ["numbness", "fever"])
        #expect(trace.findings.allSatisfy { $0.status == .absent && $0.context.contains("negated") })
        #expect(trace.decision == .init(intent: "symptoms"))
    }

    /// A negation that reaches the subject ("shouldn't do … back spasms") denies nothing the
    /// matcher needs: the back stays the subject, so the question is answered, not turned away.
    @Test func aNegationNeverPrunesTheSubject() {
        let reply = reply("things I shouldn't do when my back spasms")
        #expect(reply.intent == "worsening_factors")
        #expect(!reply.understanding.pruned.map(\.word).contains("back"))
    }

    @Test func topicSwitchWordsArePruned() {
        let trace = reply("totally different question, how long does ibuprofen take").understanding
        #expect(trace.pruned.map(\.reason) == [.topicSwitch, .topicSwitch, .topicSwitch])
        #expect(trace.pruned.map(\.word) == ["totally", "different", "question"])
    }

    @Test func aReplyNoMatchDecidedHasNoMatchInItsTrace() {
        let trace = reply("hi").understanding
        #expect(trace.kind == .smalltalk)
        #expect(trace.match == nil)
        #expect(trace.decision.intent == "greeting")
    }

    @Test("Thanks in British forms is thanks, not a bare OK", arguments: ["nice one", "nice one, ta", "much obliged"])
    func britishThanks(message: String) {
        #expect(reply(message).intent == "thanks")
    }

    @Test func anEmergencyTracesItsFindingsAndLevel() {
        let reply = reply("I can't feel my bum when I wipe and can't pee")
        #expect(reply.triage == .emergency)
        #expect(reply.understanding.kind == .emergency)
        #expect(reply.understanding.findings.contains { $0.finding == "saddle_numbness" && $0.status == .present })
        #expect(reply.understanding.decision.triage == .emergency)
        #expect(reply.understanding.decision.intent == Reply.Intent.emergency)
    }

    @Test func aFollowUpTracesTheWordsTakenFromTheConversation() throws {
        var conversation = Conversation()
        _ = engine.reply(to: "should I use heat or ice on a back spasm", in: &conversation)
        let trace = engine.reply(to: "how long for?", in: &conversation).understanding
        #expect(trace.kind == .followUp)
        #expect(trace.fromContext.contains("topic heat_cold"))
        let match = try #require(trace.match)
        #expect(match.terms.count > match.tokens.count - 2, "the last question's words were matched too: \(match.terms)")
    }

    @Test func theTraceSurvivesJSON() throws {
        let reply = reply("no numbness, no fever, just stiff")
        let decoded = try JSONDecoder().decode(Reply.self, from: JSONEncoder().encode(reply))
        #expect(decoded.understanding == reply.understanding)
    }

    @Test func anObserverSeesEveryReplyWithItsTrace() throws {
        let log = ReplyLog()
        let observed = Engine(knowledgeBase: engine.knowledgeBase, observer: { reply in log.append(reply) })
        var conversation = Conversation()
        var replies: [Reply] = []
        for message in ["hi", "what causes back spasms", "more", "", "no numbness, no fever, just stiff"] {
            replies.append(observed.reply(to: message, in: &conversation))
        }
        #expect(log.replies == replies)
        #expect(log.replies.map(\.understanding.decision.intent) == replies.map(\.intent))
        // An engine without one is the same engine.
        var other = Conversation()
        #expect(engine.reply(to: "hi", in: &other) == replies[0])
    }
}

/// What an observer was given, safe to fill from any thread.
final class ReplyLog: Sendable {
    private let storage = Mutex<[Reply]>([])

    func append(_ reply: Reply) { storage.withLock { $0.append(reply) } }

    var replies: [Reply] { storage.withLock { $0 } }
}
