/// The triage as its files describe it, as plain values: what triage lint
/// (BackTalkAuthoring) checks, without reaching into the engine's own types.
package struct TriageOutline: Sendable {
    /// A row of the clinical red-flag table.
    package struct Row: Sendable {
        package var id: String
        package var line: Int?
    }

    /// A rule over findings, as `rules.yaml` gives it.
    package struct Rule: Sendable {
        package var id: String
        package var clinical: String?
        package var entry: String?
        package var level: TriageLevel?
        package var outcome: String?
        package var unsureLevel: TriageLevel?
        package var unsureOutcome: String?
        package var question: String?
        package var examples: [String]
        package var counterExamples: [String]
        /// Whether every condition is a finding that only an answer reports ("yes" to "any chest pain?").
        package var answersOnly: Bool
        package var line: Int?
    }

    /// A follow-up question and every wording of it.
    package struct Question: Sendable {
        package var id: String
        package var wordings: [String]
        package var line: Int?
    }

    /// A list of questions asked in order.
    package struct Check: Sendable {
        package var name: String
        package var questions: [String]
        package var line: Int?
    }

    /// Where a check ends, with its level and text.
    package struct Outcome: Sendable {
        package var id: String
        package var level: TriageLevel
        package var text: String
        package var line: Int?
    }

    package var rulesPath: String
    package var flowPath: String
    package var clinical: [Row]
    package var rules: [Rule]
    /// In file order.
    package var questions: [Question]
    /// By name.
    package var checks: [Check]
    /// In file order.
    package var outcomes: [Outcome]
    /// The fallback outcome of each level already reached.
    package var levelOutcomes: [String]
    /// The outcome when nothing was found.
    package var defaultOutcome: String
    /// Wordings that ask for "yes" when the sign is absent: "if not, answer yes".
    package var reversedYes: [String] = []
    /// Phrases that send someone back later instead of to help now, in file order: "come back".
    package var softening: [String] = []
    /// Parts of words that name a warning sign: "numb", "tingl", "999".
    package var warningSigns: [String] = []
}
