import BackTalk
import BackTalkAuthoring
import Synchronization
import Testing

@Suite("The transcripts in Transcripts/")
struct TranscriptFileTests {
    @Test("Transcripts/ exists and holds transcripts")
    func theFolderHoldsTranscripts() {
        // Without this, a missing or emptied folder would make the replay test below pass with no cases.
        #expect(TranscriptFiles.all.count >= 30, "expected at least 30 transcripts in \(TranscriptFiles.folder.path)")
    }

    /// Replayed through an observed engine, so that the one replay also checks that the
    /// observer sees every reply and that each reply's trace ends with the reply's own decision.
    @Test("Replays as recorded, each trace's decision the reply's", arguments: TranscriptFiles.all)
    func replays(_ file: TranscriptFile) throws {
        let transcript = try file.transcript()
        let observed = ObservedReplies()
        let result = try Engine(observer: { reply in observed.append(reply) }).replay(transcript)
        if let divergence = result.divergence {
            Issue.record(
                """
                Transcripts/\(file.name) differs at turn \(divergence.turn):
                \(divergence.diff)
                If the change is intended: backtalk replay --update Transcripts/\(file.name)
                """)
        }
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

    @Test("Is written in the canonical layout", arguments: TranscriptFiles.all)
    func isCanonical(_ file: TranscriptFile) throws {
        // The layout `record` and `replay --update` write, so that an update changes only the lines that changed.
        let text = try file.text()
        let canonical = try file.transcript().text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = canonical.split(separator: "\n", omittingEmptySubsequences: false)
        if let line = zip(lines, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("Transcripts/\(file.name):\(line + 1): expected `\(expected[line])`, found `\(lines[line])`")
        } else if lines.count != expected.count {
            Issue.record(
                "Transcripts/\(file.name): \(lines.count) lines where the canonical layout has \(expected.count) (one newline at the end, no blank lines)"
            )
        }
    }

    @Test("Every entry, triage question and outcome is reached by some transcript")
    func coverageIsComplete() throws {
        let engine = try Engine()
        var reached = Set<CoverageTarget>()
        for file in TranscriptFiles.all {
            reached.formUnion(engine.replay(try file.transcript()).reached)
        }
        let unreached = engine.knowledgeBase.coverageTargets.filter { !reached.contains($0) }
        #expect(unreached.isEmpty, "no transcript reaches: \(unreached.map(\.description).joined(separator: ", "))")
    }
}

/// What an observer was given, safe to fill from any thread.
final class ObservedReplies: Sendable {
    private let storage = Mutex<[Reply]>([])

    func append(_ reply: Reply) { storage.withLock { $0.append(reply) } }

    var replies: [Reply] { storage.withLock { $0 } }
}
