import BackTalk
import Testing

@Suite("The transcripts in Transcripts/")
struct TranscriptFileTests {
    @Test("Transcripts/ exists and holds transcripts")
    func theFolderHoldsTranscripts() {
        // Without this, a missing or emptied folder would make the replay test below pass with no cases.
        #expect(TranscriptFiles.all.count >= 30, "expected at least 30 transcripts in \(TranscriptFiles.folder.path)")
    }

    @Test("Replays as recorded", arguments: TranscriptFiles.all)
    func replays(_ file: TranscriptFile) throws {
        let result = try Engine().replay(file.transcript())
        if let divergence = result.divergence {
            Issue.record("""
                Transcripts/\(file.name) differs at turn \(divergence.turn):
                \(divergence.diff)
                If the change is intended: backtalk replay --update Transcripts/\(file.name)
                """)
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
            Issue.record("Transcripts/\(file.name): \(lines.count) lines where the canonical layout has \(expected.count) (one newline at the end, no blank lines)")
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
