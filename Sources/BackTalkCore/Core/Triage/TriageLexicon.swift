/// The words BackTalk reads symptoms with: the lay vocabulary of findings
/// (`triage/findings.yaml`) and the words that give them context
/// (`triage/context.yaml`), compiled into one phrase index.
struct TriageLexicon: Sendable {
    /// The ConText categories: words that change what a nearby finding means.
    enum Cue: String, Sendable, Hashable, CaseIterable {
        /// "no", "not", "without": denies the findings that follow.
        case negation
        /// "ruled out": denies the finding just before.
        case negationAfter = "negation_after"
        /// "not sure", "maybe": the finding is in doubt (asked about, never taken as a no).
        case uncertain
        /// "if", "what if", "in case": the finding is imagined, not reported.
        case hypothetical
        /// "years ago", "as a child": the finding is in the past.
        case historical
        /// "gone now", "cleared up": the finding was there and is over.
        case resolved
        /// "for years", "since childbirth": the finding is long-standing.
        case longstanding
        /// "new", "worse", "since my back went": the finding is new or has changed.
        case changed
        /// "but", "however": ends the reach of a negation or a hypothesis.
        case terminator
        /// Words that look like cues and are not: "no doubt", "as if", "if I cough".
        case pseudo
        /// Words that end a search for knowledge: "cauda equina symptoms", "sciatica red flags list".
        /// Before `general`, which has some of the same words: at the end of a sentence they end a search.
        case search
        /// Question frames that ask for knowledge: "cause", "signs of", "what does … mean".
        case general
        /// Asides that make a whole sentence a matter of interest, not a report:
        /// "just curious", "for my first aid course", "only asking because".
        case aside
    }

    /// A person a message can be about, other than the writer.
    struct Person: Sendable, Hashable {
        enum Gender: String, Sendable, Hashable { case male, female, unknown }
        /// A stable key such as `father` or `child`.
        var id: String
        var gender: Gender
        /// What the word says about their age, if anything.
        var group: AgeGroup?
    }

    /// What a matched phrase marks.
    enum Label: Sendable, Hashable {
        /// A word list that findings are built from.
        case term(Int)
        case cue(Cue)
        /// A phrase whose words look like a term but mean something else: "hay fever".
        case ignore
        /// A mention of someone else: "my dad", "my 3 year old".
        case person(Int)
        /// A word for the writer: "I", "my".
        case writer
        /// A word for people in general: "you", "people".
        case generic
        /// He, she, they: the person last mentioned.
        case pronoun(Person.Gender)
        /// A word that says how old the person is: "toddler", "elderly".
        case ageGroup(AgeGroup)
        /// A phrase that says how long the pain has lasted: "for years" → 730 days.
        case duration(Int)
    }

    /// A symptom, condition or circumstance, found where its terms appear close together.
    struct Finding: Sendable {
        enum Kind: String, Sendable {
            /// Something happening: its tense and resolution matter.
            case symptom
            /// Part of the person's history (cancer, osteoporosis): a past tense is expected.
            case history
            /// A sign that matters even when it has passed (a stroke sign that
            /// came and went is still an emergency): "better now" does not undo it.
            case transient
        }
        var id: String
        /// What it is, in plain words, for explanations.
        var label: String
        var kind: Kind
        /// Each alternative lists term indices that must all appear; the first
        /// is the anchor, whose context decides.
        var alternatives: [[Int]]
        /// A long-standing, unchanged mention does not count ("for years, with diabetes").
        var needsNew: Bool
        /// Named in a general question, it earns an offer of the check even if no rule uses it.
        var offer = false
        /// Greatest distance, in words, between its terms.
        var window: Int
        /// Always about the person ("is this serious?"), never a question in general.
        var personal = false
        /// Only a woman can have it: said of a man or a baby ("my little boy, exclusively breastfeeding"), it is the writer's.
        var female = false
        var line: Int?
    }

    var terms: [String]
    var findings: [Finding]
    var people: [Person]
    var phrases: PhraseSet<Label>
    /// Words that open a question when they start a sentence.
    var questionStarts: Set<String>
    /// Words that continue a list of denied findings: "no numbness, tingling or weakness".
    var listWords: Set<String>
    /// How many words after a negation cue it reaches, words of findings aside.
    var negationReach: Int
    /// Number words: "two" → 2, "a couple of" → 2.
    var numberWords: [String: Int]
    /// Number words too vague to be an age: "I am a nurse".
    var vagueNumbers: Set<String> = []
    /// Verbs that make a clause a statement of its own, where a negation from
    /// the clause before stops: "I didn't fall, both my legs are numb".
    var predicates: Set<String> = []
    /// Words after which a person is the object of the sentence, not whom it is about.
    var objectWords: Set<String> = []
    /// Findings that make a bare "36 weeks" weeks of pregnancy.
    var pregnancySigns: Set<String> = []
    /// The words read around numbers and within cue scopes: "years old", "ago", "and".
    var readingWords = ReadingWords()
    /// Time units in days: "week" → 7.
    var timeUnits: [String: Int]
    /// Words that make a number an age: "yo", "yrs old".
    var ageWords: Set<String>
    /// Words that make a number after "I am" something other than an age: "8 weeks", "5 foot".
    var nonAgeUnits: Set<String>
    /// Terms that mark pregnancy, for reading "33 weeks" as weeks of pregnancy.
    var pregnancyTerms: [Int]
    var path: String

    private var findingIndex: [String: Int]

    init(
        terms: [String], findings: [Finding], people: [Person], phrases: PhraseSet<Label>, questionStarts: Set<String>,
        listWords: Set<String>, negationReach: Int, numberWords: [String: Int], timeUnits: [String: Int],
        ageWords: Set<String>, nonAgeUnits: Set<String>, pregnancyTerms: [Int], path: String
    ) {
        self.terms = terms
        self.findings = findings
        self.people = people
        self.phrases = phrases
        self.questionStarts = questionStarts
        self.listWords = listWords
        self.negationReach = negationReach
        self.numberWords = numberWords
        self.timeUnits = timeUnits
        self.ageWords = ageWords
        self.nonAgeUnits = nonAgeUnits
        self.pregnancyTerms = pregnancyTerms
        self.path = path
        // A loop, not a dictionary made from pairs: that makes the pairs' types at run time, at every start.
        var findingIndex: [String: Int] = [:]
        for (position, finding) in findings.enumerated() where findingIndex[finding.id] == nil { findingIndex[finding.id] = position }
        self.findingIndex = findingIndex
        var painTerms = Set<Int>()
        for id in Self.painFindings {
            guard let index = findingIndex[id] else { continue }
            for alternative in findings[index].alternatives { painTerms.formUnion(alternative) }
        }
        self.painTerms = painTerms
    }

    /// Findings about the pain itself: a duration in a sentence without one is not the pain's.
    static let painFindings = ["back_pain", "sciatica_one", "pain_limits", "not_improving", "worsening_pain", "stops_daily_life"]

    /// Terms of ``painFindings``.
    private(set) var painTerms: Set<Int> = []

    /// The finding with `id`, if there is one.
    func finding(_ id: String) -> Int? { findingIndex[id] }

    /// Every word the phrases use, so that typos are corrected towards them.
    var vocabularyWords: [String] {
        var words: [String] = []
        for (pattern, _) in phrases.allPatterns {
            for word in pattern.words {
                if case .word(let text) = word { words.append(text) }
            }
        }
        return words
    }
}

/// How old a person is, in the bands the red-flag table uses.
public enum AgeGroup: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Under about 5.
    case underFive = "under_five"
    /// Under about 16.
    case child
    /// About 13 to 19.
    case teenager
    /// An adult of no known age band.
    case adult
    /// About 65 or over.
    case older

    init(age: Int) {
        switch age {
        case ..<5: self = .underFive
        case ..<13: self = .child
        case ..<20: self = .teenager
        case ..<65: self = .adult
        default: self = .older
        }
    }

    /// Whether `lhs` is a younger band than `rhs`.
    public static func < (lhs: AgeGroup, rhs: AgeGroup) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
