import BackTalk
import BackTalkAuthoring
import TestFixtures
import Testing

@Suite("backtalk lint checks the triage")
struct TriageLintTests {
    static let flowPath = "KB/triage/flow.yaml"
    static let rulesPath = "KB/triage/rules.yaml"
    static let findingsPath = "KB/triage/findings.yaml"
    static let contextPath = "KB/triage/context.yaml"

    func text(_ path: String) throws -> String {
        try #require(Fixture.triage.first { $0.path == path }).text
    }

    /// Lint messages after replacing `old` with `new` in the file at `path`.
    func lint(_ path: String, replacing old: String, with new: String) throws -> [String] {
        let original = try text(path)
        #expect(original.contains(old), "the fixture still has \(old)")
        return KnowledgeBase.lint(files: Fixture.replacing(path, with: original.replacingOccurrences(of: old, with: new)))
            .map(\.description)
    }

    @Test func theBundledTriageIsClean() throws {
        #expect(try KnowledgeBase.bundled().lint().isEmpty)
        #expect(KnowledgeBase.lint(files: Fixture.valid).isEmpty)
    }

    @Test func aClearOutcomeThatIsNoOutcomeIsReported() throws {
        let messages = try lint(Self.flowPath, replacing: "clear_outcome: self_care", with: "clear_outcome: all_fine")
        #expect(messages.contains { $0.contains("`clear_outcome` names `all_fine`, which is not an outcome") }, "\(messages)")
    }

    @Test func aRowOfTheTableNoRuleImplementsIsReported() throws {
        let messages = try lint(Self.rulesPath, replacing: "    clinical: stroke\n", with: "")
        #expect(messages.contains { $0.contains("red flag `stroke` is implemented by no rule") })
    }

    @Test func aRuleThatMissesItsOwnExampleIsReported() throws {
        let messages = try lint(Self.rulesPath, replacing: "      - my face is drooping on one side\n", with: "      - my toe is purple\n")
        #expect(messages.contains { $0.contains("rule `stroke`: example \"my toe is purple\" does not reach it") })
    }

    @Test func aCounterExampleThatReachesItsRuleIsReported() throws {
        let messages = try lint(
            Self.rulesPath, replacing: "      - no slurred speech or face drooping\n", with: "      - my speech is slurred\n")
        #expect(messages.contains { $0.contains("rule `stroke`: \"my speech is slurred\" is listed under `not` but reaches it") })
    }

    @Test func aCheckThatAsksTooManyQuestionsIsReported() throws {
        let messages = try lint(
            Self.flowPath, replacing: "  after_cancer: [q_ces, q_legs]\n",
            with: "  after_cancer: [q_ces, q_legs, q_acute, q_fever, q_danger, q_pregnancy_emergency, q_injury]\n")
        #expect(messages.contains { $0.contains("check `after_cancer` can ask 7 questions") })
    }

    @Test func aRewordingThatReversesYesAndNoIsReported() throws {
        let messages = try lint(
            Self.flowPath,
            replacing: "      - Have your legs themselves gone weak or numb, not just sore? Please answer yes, no or not sure.\n",
            with: "      - Can you walk normally? If not, answer yes.\n")
        #expect(messages.contains { $0.contains("question `q_legs`") && $0.contains("makes \"yes\" mean the sign is absent") })
    }

    @Test func aSafetyNetThatSoftensA999SignIsReported() throws {
        let messages = try lint(
            Self.flowPath, replacing: "numbness in both legs, call 999, 911 or 112 at once. Get medical",
            with: "numbness in both legs, come back and tell me. Get medical")
        #expect(messages.contains { $0.contains("outcome `self_care`: \"come back\" softens a warning sign") })
    }

    @Test func anUnknownFindingIsALoadErrorWithItsLine() throws {
        let messages = try lint(
            Self.rulesPath, replacing: "      - [face_droop, slurred_speech,", with: "      - [face_drop, slurred_speech,")
        #expect(
            messages.contains {
                $0.range(of: #"^KB/triage/rules\.yaml:\d+: rule `stroke`: unknown finding `face_drop`"#, options: .regularExpression) != nil
            })
    }

    @Test func anOutcomeOfTheWrongLevelIsALoadError() throws {
        let messages = try lint(Self.rulesPath, replacing: "    outcome: emergency_stroke\n", with: "    outcome: urgent_general\n")
        #expect(messages.contains { $0.contains("rule `stroke`: outcome `urgent_general` is urgent, but the rule says emergency") })
    }

    @Test func anUnknownTermInAFindingIsALoadError() throws {
        let messages = try lint(
            Self.findingsPath, replacing: "      - [numb_word, saddle_place]\n", with: "      - [numb_word, sadle_place]\n")
        #expect(
            messages.contains {
                $0.range(
                    of: #"^KB/triage/findings\.yaml:\d+: finding `saddle_numbness`: unknown term `sadle_place`"#,
                    options: .regularExpression) != nil
            })
    }

    /// The words read around numbers are data: a malformed one is reported at its line.
    @Test func aMalformedReadingWordIsALoadErrorWithItsLine() throws {
        let old = "  age_verbs: [am, is, turned, turning]"
        let new = "  age_verbs:\n    - am\n    - Is Now\n"
        let original = try text(Self.contextPath)
        try #require(original.contains(old))
        let changed = original.replacingOccurrences(of: old, with: new)
        let lines = changed.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "    - Is Now" }) + 1
        let messages = KnowledgeBase.lint(files: Fixture.replacing(Self.contextPath, with: changed)).map(\.description)
        #expect(
            messages.contains("\(Self.contextPath):\(line): `reading_words.age_verbs`: \"Is Now\" should be one word in lower case"),
            "\(messages)")

        let missing = try lint(Self.contextPath, replacing: "  how_often:", with: "  how_oft:")
        #expect(missing.contains { $0.contains("missing field `how_often`") }, "\(missing)")
        #expect(missing.contains { $0.contains("unknown field `how_oft`") }, "\(missing)")
    }

    /// What lint looks for is data too: a softening phrase added to `lint` is reported, an upper-case one at its line.
    @Test func theLintPhrasesAreData() throws {
        let flow = try text(Self.flowPath)
        let old = "  softening: [come back, get help sooner, seek help sooner, see a doctor sooner]"
        try #require(flow.contains(old))
        let added = KnowledgeBase.lint(
            files: Fixture.replacing(
                Self.flowPath,
                with: flow.replacingOccurrences(of: old, with: "  softening: [come back, call 999]")
            )
        ).map(\.description)
        #expect(added.contains { $0.contains("\"call 999\" softens a warning sign") }, "\(added)")

        let changed = flow.replacingOccurrences(of: old, with: "  softening:\n    - Come Back")
        let line = try #require(changed.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "    - Come Back" }) + 1
        let messages = KnowledgeBase.lint(files: Fixture.replacing(Self.flowPath, with: changed)).map(\.description)
        #expect(messages.contains("\(Self.flowPath):\(line): `lint.softening`: \"Come Back\" should be in lower case"), "\(messages)")
    }
}
