extension KnowledgeBase {
    /// The ids of the follow-up questions, in file order.
    public var triageQuestions: [String] { triageOutline.questions.map(\.id) }
    /// The ids of the triage outcomes, in file order.
    public var triageOutcomes: [String] { triageOutline.outcomes.map(\.id) }
    /// The ids of the triage rules, in file order.
    public var triageRules: [String] { triageOutline.rules.map(\.id) }
    /// The rows of the clinical red-flag table the rules implement, in file order.
    public var clinicalRows: [String] { triageOutline.clinical.map(\.id) }

    /// The level an outcome concludes with, if `id` is an outcome.
    public func triageLevel(ofOutcome id: String) -> TriageLevel? {
        triageOutline.outcomes.first { $0.id == id }?.level
    }

    /// The most questions one check may ask: more, and people give up.
    public static let maximumCheckQuestions = 6

    /// Problems with the triage that do not stop it loading but would make a
    /// conversation unsafe: a row of the red-flag table no rule implements, a
    /// rule that misses its own examples or fires on a counter-example, a
    /// question no one asks, a check too long, an outcome no one reaches, a
    /// rewording that reverses yes and no, or a safety net that softens a 999 sign.
    func triageLint() -> [Diagnostic] {
        TriageLint(knowledgeBase: self).diagnostics()
    }
}
