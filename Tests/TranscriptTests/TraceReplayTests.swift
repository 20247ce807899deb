import BackTalk
import Synchronization
import Testing

/// Every transcript replayed through an observed engine: each reply's trace ends
/// with the decision the reply carries out.
@Suite("Every transcript's replies carry their own decision")
struct TraceReplayTests {
    @Test(arguments: TranscriptFiles.all)
    func eachTraceDecisionIsItsReplys(_ file: TranscriptFile) throws {
        let transcript = try file.transcript()
        let observed = ObservedReplies()
        let engine = try Engine(observer: { reply in observed.append(reply) })
        let result = engine.replay(transcript)
        #expect(result.passed, "the transcript replays")
        let replies = observed.replies
        #expect(replies.count == transcript.turns.count, "the observer saw every reply")
        for (turn, reply) in zip(transcript.turns, replies) {
            let decision = reply.understanding.decision
            #expect(decision.intent == reply.intent, "\(file.name): \(turn.message)")
            #expect(decision.triage == reply.triage, "\(file.name): \(turn.message)")
            #expect(decision.question == reply.pendingQuestion, "\(file.name): \(turn.message)")
            #expect(decision.outcome == reply.outcome, "\(file.name): \(turn.message)")
        }
    }
}

/// What an observer was given, safe to fill from any thread.
final class ObservedReplies: Sendable {
    private let storage = Mutex<[Reply]>([])

    func append(_ reply: Reply) { storage.withLock { $0.append(reply) } }

    var replies: [Reply] { storage.withLock { $0 } }
}
