import BackTalk
import BackTalkAuthoring
import Testing

@Suite("Replaying a transcript")
struct ReplayTests {
    let engine: Engine
    let greeting: String
    let thanks: String

    init() throws {
        engine = try Engine()
        greeting = try #require(engine.knowledgeBase.entry(id: "greeting")).answer
        thanks = try #require(engine.knowledgeBase.entry(id: "thanks")).answer
    }

    /// A transcript of "hi" then "thanks", as recorded now.
    func recorded() -> Transcript {
        var transcript = Transcript()
        var conversation = Conversation()
        for message in ["hi", "thanks"] {
            transcript.record(message: message, reply: engine.reply(to: message, in: &conversation))
        }
        return transcript
    }

    @Test func aRecordedConversationReplaysClean() {
        let result = engine.replay(recorded())
        #expect(result.passed)
        #expect(result.updated == recorded())
        #expect(result.reached == [.entry("greeting"), .entry("thanks")])
    }

    @Test func containsAndPatternLinesAcceptRepliesMeantToVary() throws {
        let text = """
            > hi
            ~contains I'm BackTalk.
            ~ intent: greeting

            > thanks
            ~re You're welcome, .+ doctor or pharmacist\\.
            ~ intent: thanks

            """
        let transcript = try Transcript(parsing: text, file: "vary.txt")
        let result = engine.replay(transcript)
        #expect(result.passed, "\(result.divergence?.diff ?? "")")
        #expect(result.updated.text == text)
    }

    @Test func theFirstDivergenceIsReportedWithItsTurnAndAUnifiedDiff() throws {
        var transcript = recorded()
        transcript.turns[1].reply = [.exact("You are welcome.")]
        transcript.turns[1].checks[0] = .intent("goodbye")
        let parsed = try Transcript(parsing: transcript.text, file: "t.txt")
        let divergence = try #require(engine.replay(parsed).divergence)
        #expect(divergence.turn == 2)
        let lines = divergence.diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(2)) == ["--- expected", "+++ actual"])
        // The hunk starts at turn 2's message, line 10 of the file, and ends three lines after the last change.
        let messageLine = try #require(parsed.turns[1].line)
        #expect(messageLine == 10)
        #expect(lines[2] == "@@ -10,6 +10,6 @@")
        #expect(lines.contains(" > thanks"))
        #expect(lines.contains("-You are welcome."))
        #expect(lines.contains("+" + thanks))
        #expect(lines.contains("-~ intent: goodbye"))
        #expect(lines.contains("+~ intent: thanks"))
        #expect(lines.contains(" ~ triage: none"))
    }

    @Test func onlyTheFirstDivergenceIsReportedButEveryTurnIsUpdated() throws {
        var transcript = recorded()
        transcript.turns[0].comments = ["kept"]
        transcript.turns[0].reply = [.contains("I'm BackTalk."), .exact("an extra line")]
        transcript.turns[1].reply = [.exact("wrong")]
        let result = engine.replay(transcript)
        #expect(result.divergence?.turn == 1)
        #expect(result.updated.turns[0].comments == ["kept"])
        // The ~contains line still matches the first line, so it is kept; the extra line goes.
        #expect(result.updated.turns[0].reply == [.contains("I'm BackTalk.")])
        #expect(result.updated.turns[1].reply == [.exact(thanks)])
        #expect(engine.replay(result.updated).passed)
    }

    @Test func aDiffShowsOnlyTheChangedLinesWithThreeLinesOfContext() throws {
        // A reply of many lines: the warning signs, a list.
        let message = "what are the warning signs of a serious back problem"
        var conversation = Conversation()
        let answer = engine.reply(to: message, in: &conversation).text
        var lines = answer.split(separator: "\n", omittingEmptySubsequences: false).map { Transcript.Line.exact(String($0)) }
        try #require(lines.count >= 10)
        lines[6] = .exact("changed")
        let transcript = Transcript(turns: [.init(message: message, reply: lines, line: 20)])
        let diff = try #require(engine.replay(transcript).divergence).diff.split(separator: "\n").map(String.init)
        // Line 20 is the message, so reply line 6 (0-based) is line 27; context starts three lines before.
        #expect(diff[2] == "@@ -24,7 +24,7 @@")
        #expect(diff.count == 3 + 8)
        #expect(diff.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") } == ["-changed"])
    }
}

@Suite("Coverage targets")
struct CoverageTargetTests {
    @Test func everyEntryQuestionAndOutcomeIsATarget() throws {
        let knowledgeBase = try KnowledgeBase.bundled()
        let targets = knowledgeBase.coverageTargets
        let expected =
            knowledgeBase.entries.map { CoverageTarget.entry($0.id) }
            + knowledgeBase.triageQuestions.map(CoverageTarget.triageQuestion)
            + knowledgeBase.triageOutcomes.map(CoverageTarget.triageOutcome)
        #expect(Set(targets) == Set(expected))
        #expect(targets.contains(.triageQuestion("q_ces")))
        #expect(targets.contains(.triageOutcome("self_care")))
        #expect(targets == targets.sorted())
    }

    @Test func aReplyReachesItsEntryAndTheQuestionItAsks() {
        #expect(Reply(text: "", intent: "causes", confidence: 1).coverageTargets == [.entry("causes")])
        for special in [Reply.Intent.outOfScope, Reply.Intent.clarify, Reply.Intent.empty, Reply.Intent.unreadable] {
            #expect(Reply(text: "", intent: special, confidence: 1).coverageTargets.isEmpty)
        }
        let question = Reply(text: "", intent: "red_flags", confidence: 1, expectsAnswer: true, pendingQuestion: "fever")
        #expect(question.coverageTargets == [.entry("red_flags"), .triageQuestion("fever")])
    }

    @Test func targetsReadAsWordsAndSortByKind() {
        #expect(CoverageTarget.entry("causes").description == "entry causes")
        #expect(CoverageTarget.triageQuestion("fever").description == "triage question fever")
        #expect(CoverageTarget.triageOutcome("emergency").description == "triage outcome emergency")
        #expect(
            [CoverageTarget.triageOutcome("a"), .triageQuestion("b"), .entry("z")].sorted()
                == [.entry("z"), .triageQuestion("b"), .triageOutcome("a")])
    }
}
