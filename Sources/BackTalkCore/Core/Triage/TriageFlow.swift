/// The questions, the checks they make up, and the outcomes: `triage/flow.yaml`.
struct TriageFlow: Sendable {
    /// A yes / no / not-sure question about one or more warning signs.
    ///
    /// "Yes" reports the finding it `asks`; "no" denies it and every finding it
    /// `covers`; "not sure" leaves it in doubt. A question is skipped when a
    /// finding it covers is already known to be present, or all are denied.
    struct Question: Sendable {
        var id: String
        var ask: String
        /// The wording for someone the person is asking about ("Do they have…").
        var askOther: String?
        /// Other wordings, for an answer that was not understood.
        ///
        /// "Yes" always means the sign is there.
        var rephrasings: [String]
        /// The finding a "yes" reports.
        var asks: Int
        /// The findings it asks about.
        var covers: [Int]
        /// Asked only if one of these findings is present (a follow-up to a "yes").
        var onlyIf: [Int]
        /// Findings that, when present, answer it "no" ("my legs feel normal").
        var noIf: [Int]
        /// Never asked after one of these findings.
        var notIf: [Int]
        /// Asked only of someone in one of these groups (a toddler's own wording).
        var onlyFor: [TriageRules.Population] = []
        /// Never asked of someone in one of these groups (a child is not asked about injecting drugs).
        var notFor: [TriageRules.Population] = []
        var line: Int?

        /// Whether asking tells anything new about `person`: its follow-up
        /// condition met, and what it asks not already known.
        func isWorthAsking(for person: TriagePerson, lexicon: TriageLexicon) -> Bool {
            func status(_ finding: Int) -> FindingStatus? { person.findings[lexicon.findings[finding].id] }
            if !onlyIf.isEmpty && !onlyIf.contains(where: { status($0) == .present }) { return false }
            if notIf.contains(where: { status($0) == .present }) { return false }
            if !onlyFor.isEmpty && !onlyFor.contains(where: { $0.holds(for: person) }) { return false }
            if notFor.contains(where: { $0.holds(for: person) }) { return false }
            if status(asks) != nil { return false }
            if covers.contains(where: { status($0) == .present }) { return false }
            if noIf.contains(where: { status($0) == .present }) { return false }
            if !covers.isEmpty && covers.allSatisfy({ status($0) == .absent }) { return false }
            // Someone who has already denied two of the things asked has answered it.
            if covers.filter({ status($0) == .absent }).count >= 2 { return false }
            return true
        }

        /// `person` after the answer `answer`.
        func recording(_ answer: Answer, for person: TriagePerson, lexicon: TriageLexicon) -> TriagePerson {
            var person = person
            let asked = lexicon.findings[asks].id
            switch answer {
            case .yes:
                person.settle(asked, .present)
            case .no:
                person.settle(asked, .absent)
                for finding in covers {
                    let id = lexicon.findings[finding].id
                    if person.findings[id] == nil || person.findings[id] == .uncertain { person.settle(id, .absent) }
                }
            case .notSure:
                person.settle(asked, .uncertain)
            }
            return person
        }
    }

    /// Where a check ends: a triage level and what to do.
    struct Outcome: Sendable {
        var id: String
        var level: TriageLevel
        var text: String
        var line: Int?
    }

    /// What is said about a level reached earlier in the conversation.
    struct LevelNote: Sendable {
        var outcome: String
        var reminder: String
    }

    /// The fixed phrases of the triage.
    struct Texts: Sendable {
        /// Said when an answer was not understood.
        ///
        /// For example, "Sorry, I didn't follow that."
        var unclear: String
        var takenAsNotSure: String
        var backToQuestion: String
        /// Said before a question about something the person is unsure of.
        var unsure: String
        /// Said when the person leaves the questions.
        var left: String
        /// Offered after information about a warning sign that nobody reported.
        var offer: String
        /// Said after "no" to the one question asked alongside an answer.
        var screenClear: String
        /// Said when a message mid-check tells something new without answering.
        var noted: String
        /// Said to a question mid-check that BackTalk cannot answer.
        var notCovered: String
    }

    /// A named list of questions, asked in order, skipping what is known.
    struct Check: Sendable {
        var name: String
        var questions: [String]
        var line: Int?
    }

    var checks: [String: Check]
    var questions: [String: Question]
    /// Question ids in file order, for listings and lint.
    var questionOrder: [String]
    var outcomes: [String: Outcome]
    var outcomeOrder: [String]
    var levels: [TriageLevel: LevelNote]
    var texts: Texts
    var answers: AnswerReader
    /// The check run for a vague worry or "is this serious?".
    var fullCheck: String
    /// The one question asked alongside an answer to someone describing their back pain.
    var screenCheck: String
    /// The outcome of a check that finds no warning sign.
    var clearOutcome: String
    var path: String
    /// What lint looks for in these texts and in the entries' answers.
    var lint = LintPhrases()

    /// The phrases triage lint looks for in a wording, in the knowledge base's language.
    struct LintPhrases: Sendable {
        /// Wordings that ask for "yes" when the sign is absent: "if not, answer yes".
        var reversedYes: [String] = []
        /// Phrases that send someone back later instead of to help now, in file order: "come back".
        var softening: [String] = []
        /// Parts of words that name a warning sign: "numb", "tingl", "999".
        var warningSigns: [String] = []

        /// The fields of `lint` in `flow.yaml`.
        static let keys = ["reversed_yes", "softening", "warning_signs"]
    }
}

/// A reply to a yes / no question.
enum Answer: String, Sendable, Hashable, Codable {
    case yes, no
    case notSure = "not_sure"
}
