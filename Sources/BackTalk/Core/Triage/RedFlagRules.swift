/// How red-flag symptoms are recognised: `Intents/triage/red_flags.yaml`.
struct RedFlagRules: Sendable {
    /// A named list of phrases, such as `numb` or `saddle_area`.
    struct Sign: Sendable {
        var name: String
        var phrases: [PhrasePattern]
    }

    /// One red flag: the signs that reveal it and what follows.
    struct Rule: Sendable {
        var id: String
        /// The CLINICAL.md row it implements, if any.
        var clinical: String?
        /// The level it sets; `nil` for a vague report that only starts the check.
        var level: TriageLevel?
        /// Each alternative is a list of sign indices that must all appear.
        var alternatives: [[Int]]
        /// Rules of which one must have been reported already (history of cancer, a fever).
        var requires: [String]
        /// For an emergency: the outcome said at once.
        var outcome: String?
        /// Otherwise: the flow it starts.
        var flow: String?
        /// The question that asks about it, for a mention the person is unsure of.
        var question: String?
        /// Said before the first question of its flow.
        var notice: String?
        var examples: [String]
        var counterExamples: [String]
        var line: Int?
    }

    var signs: [Sign]
    var rules: [Rule]
    var fillers: Set<String>
    /// Phrases whose words are not signs ("hay fever").
    var ignored: [PhrasePattern]
    var negationCues: [PhrasePattern]
    var uncertaintyCues: [PhrasePattern]
    /// CLINICAL.md's red flags: id → description.
    var clinical: [(id: String, text: String, line: Int?)]
    /// Greatest distance, in words, between the signs of one alternative.
    var window: Int
    var path: String

    func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Every word the phrases use, so that typos are corrected towards them.
    var vocabularyWords: [String] {
        var words: [String] = []
        for phrase in signs.flatMap(\.phrases) + negationCues + uncertaintyCues + ignored {
            for word in phrase.words {
                switch word {
                case .word(let text), .prefix(let text): words.append(text)
                case .atLeast, .below: break
                }
            }
        }
        return words
    }
}
