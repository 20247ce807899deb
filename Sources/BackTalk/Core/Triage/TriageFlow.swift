/// The follow-up questions and outcomes: `Intents/triage/flow.yaml`.
struct TriageFlow: Sendable {
    /// What an answer leads to.
    enum Target: Sendable, Hashable {
        case question(String)
        case outcome(String)
    }

    /// A yes / no / not-sure question.
    struct Question: Sendable {
        var id: String
        var ask: String
        /// Other wordings, for an answer that was not understood.
        var rephrasings: [String]
        /// Red-flag rules it asks about.
        var covers: [String]
        var yes: Target
        var no: Target
        var notSure: Target
        var line: Int?

        func next(for answer: Answer) -> Target {
            switch answer {
            case .yes: yes
            case .no: no
            case .notSure: notSure
            }
        }
    }

    /// Where a flow ends: a triage level and what to do.
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

    /// The fixed phrases of the flow.
    struct Texts: Sendable {
        var unclear: String
        var takenAsNotSure: String
        var backToQuestion: String
        var check: String
        var left: String
    }

    var flows: [String: (start: String, line: Int?)]
    var questions: [String: Question]
    /// Question ids in file order, for listings and lint.
    var questionOrder: [String]
    var outcomes: [String: Outcome]
    var outcomeOrder: [String]
    var levels: [TriageLevel: LevelNote]
    var texts: Texts
    var answers: AnswerReader
    var path: String
}

/// A reply to a yes / no question.
enum Answer: String, Sendable, Hashable, Codable {
    case yes, no
    case notSure = "not_sure"
}
