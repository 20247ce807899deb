import BackTalk
import TestFixtures
import Testing

@Suite("backtalk lint checks the triage")
struct TriageLintTests {
    static let flowPath = "KB/triage/flow.yaml"
    static let rulesPath = "KB/triage/red_flags.yaml"

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

    @Test func aLoopOfQuestionsIsReported() throws {
        let messages = try lint(Self.flowPath, replacing: "    no: s_legs\n", with: "    no: s_saddle\n")
        #expect(messages.contains { $0.hasPrefix(Self.flowPath + ":") && $0.contains("the questions loop: s_saddle -> s_bladder -> s_saddle") })
    }

    @Test func anAnswerLeadingNowhereIsReportedWithItsLine() throws {
        let messages = try lint(Self.flowPath, replacing: "    no: s_legs\n", with: "    no: s_lgs\n")
        #expect(messages.contains { $0.range(of: #"^KB/triage/flow\.yaml:\d+: question `s_bladder`: `no` leads to `s_lgs`"#, options: .regularExpression) != nil })
    }

    @Test func anUnreachableQuestionIsReported() throws {
        let messages = try lint(Self.flowPath, replacing: "    no: s_injury\n", with: "    no: s_infection\n")
        #expect(messages.contains { $0.contains("question `s_injury` is never asked") })
    }

    @Test func aNotSureThatLeadsLowerThanNoIsReported() throws {
        let messages = try lint(Self.flowPath, replacing: "    no: self_care\n    not_sure: see_doctor_checkup\n",
                                with: "    no: see_doctor_checkup\n    not_sure: self_care\n")
        #expect(messages.contains { $0.contains("question `s_progress`: \"not sure\" can end at self_care, lower than \"no\" (see_doctor)") })
    }

    @Test func aFlowEndingBelowItsRedFlagIsReported() throws {
        let fever = try lint(Self.flowPath, replacing: "    yes: emergency_spinal_cord\n    no: urgent_infection\n", with: "    yes: emergency_spinal_cord\n    no: self_care\n")
        #expect(fever.contains { $0.contains("rule `fever` is urgent, but its flow `infection` can end at self_care") })
    }

    @Test func aRedFlagNoRuleDetectsIsReported() throws {
        let messages = try lint(Self.rulesPath, replacing: "    clinical: chest_pain\n", with: "")
        #expect(messages.contains { $0.contains("red flag `chest_pain` is detected by no rule") })
    }

    @Test func aRuleThatMissesItsOwnExampleIsReported() throws {
        let messages = try lint(Self.rulesPath, replacing: "      - my face is drooping\n", with: "      - my toe is purple\n")
        #expect(messages.contains { $0.contains("rule `stroke`: example \"my toe is purple\" is not detected") })
    }

    @Test func everyLevelMustBeReachable() throws {
        let messages = try lint(Self.flowPath, replacing: "    no: self_care\n", with: "    no: see_doctor_checkup\n")
        #expect(messages.contains { $0.contains("no path ends at the level `self_care`") })
    }

    @Test func anUnknownSignIsALoadError() throws {
        let messages = try lint(Self.rulesPath, replacing: "      - [face_droop]\n", with: "      - [face_drop]\n")
        #expect(messages.contains { $0.range(of: #"^KB/triage/red_flags\.yaml:\d+: rule `stroke`: unknown sign `face_drop`"#, options: .regularExpression) != nil })
    }
}
