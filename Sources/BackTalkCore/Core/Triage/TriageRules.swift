/// The rules that turn findings into a triage level: `triage/rules.yaml`.
///
/// A rule holds when every line of its `when` holds, a line holding when any of
/// its conditions does: a finding, or a fact about the person (a child, pregnant,
/// pain for four weeks). Rules are read per person, over everything the
/// conversation has learnt about them, so findings from different messages combine.
struct TriageRules: Sendable {
    /// A fact about the person a rule can require.
    enum Population: String, Sendable, Hashable, CaseIterable {
        /// Under about 5.
        case underFive = "under_five"
        /// Under about 16.
        case child
        /// Under about 20.
        case underTwenty = "under_twenty"
        /// About 50 or over.
        case overFifty = "over_fifty"
        /// About 65 or over.
        case older
        /// Not known to be 45 or over.
        case underFortyFive = "under_forty_five"
        /// Pregnant.
        case pregnant
        /// Pregnant, and not known to be 37 weeks or more.
        case preterm
        /// Back pain for two weeks or more.
        case twoWeeks = "two_weeks"
        /// Back pain for three weeks or more.
        case threeWeeks = "three_weeks"
        /// Back pain for four weeks or more.
        case fourWeeks = "four_weeks"
        /// Back pain for three months or more.
        case threeMonths = "three_months"

        func holds(for person: TriagePerson) -> Bool {
            let age = person.age
            let band = person.band
            switch self {
            case .underFive: return age.map { $0 < 5 } ?? (band == .underFive)
            case .child: return age.map { $0 < 16 } ?? (band == .underFive || band == .child)
            case .underTwenty: return age.map { $0 < 20 } ?? (band.map { $0 <= .teenager } ?? false)
            case .overFifty: return age.map { $0 >= 50 } ?? (band == .older)
            case .older: return age.map { $0 >= 65 } ?? (band == .older)
            case .underFortyFive: return age.map { $0 < 45 } ?? (band != .older)
            case .pregnant: return person.pregnant
            case .preterm: return person.pregnant && (person.pregnancyWeeks.map { $0 < 37 } ?? true)
            case .twoWeeks: return (person.painDays ?? 0) >= 14
            case .threeWeeks: return (person.painDays ?? 0) >= 21
            case .fourWeeks: return (person.painDays ?? 0) >= 28
            case .threeMonths: return (person.painDays ?? 0) >= 84
            }
        }
    }

    /// One condition of a rule's line.
    enum Condition: Sendable, Hashable {
        case finding(Int)
        case population(Population)
    }

    /// How firmly a rule holds.
    enum Support: Int, Sendable, Hashable, Comparable {
        /// It holds only if something the person is unsure of is true.
        case uncertain
        /// It holds.
        case present

        static func < (lhs: Support, rhs: Support) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One rule: a row of the clinical red-flag table, or a step towards one
    /// (`Intents/triage/CLINICAL-BASIS.md` gives each rule's basis).
    struct Rule: Sendable {
        var id: String
        /// The row of the red-flag table it implements, if any.
        var clinical: String?
        /// The level it sets; `nil` for a vague worry that only starts a check.
        var level: TriageLevel?
        /// Every line must hold; a line holds if any of its conditions does.
        var when: [[Condition]]
        /// Findings that, when present, stop the rule ("my legs feel normal").
        var unless: [Int]
        /// What is said when it holds.
        var outcome: String?
        /// The level, and what is said, when it holds only through something in doubt.
        var unsureLevel: TriageLevel?
        var unsureOutcome: String?
        /// Said first, before the questions of `check`.
        var notice: String?
        /// The questions asked after the notice, for anything more serious.
        var check: String?
        /// The question that settles a doubt about it.
        var question: String?
        /// The knowledge entry about the warning sign, which follow-ups ("who do I call?") lean on.
        var entry: String?
        /// Whether it counts for someone mentioned in passing, not only for
        /// the person the conversation is about (a stroke, thoughts of self-harm).
        var anyone: Bool
        /// What it must catch, and what it must not: read by lint only.
        var exampleList: ExampleList
        var counterExampleList: ExampleList
        var line: Int?
    }

    /// A rule that holds for a person.
    struct Fired: Sendable, Hashable {
        var rule: Int
        var person: String
        var support: Support
        /// The level it sets with that support.
        var level: TriageLevel?
    }

    var rules: [Rule]
    /// The clinical red-flag table's rows (`clinical` in `rules.yaml`; see
    /// `Intents/triage/CLINICAL-BASIS.md`): row id → what it says.
    var clinical: [(id: String, text: String, line: Int?)]
    var path: String

    func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// The rules that hold for `person`, in file order.
    func evaluate(_ person: TriagePerson, named name: String, lexicon: TriageLexicon) -> [Fired] {
        var fired: [Fired] = []
        // Each finding's status for the person, by finding: the person's few findings placed once,
        // not a lookup by name for every rule that names one.
        var statuses = [FindingStatus?](repeating: nil, count: person.findings.isEmpty ? 0 : lexicon.findings.count)
        for (id, status) in person.findings {
            if let finding = lexicon.finding(id) { statuses[finding] = status }
        }
        func status(_ finding: Int) -> FindingStatus? { statuses.isEmpty ? nil : statuses[finding] }
        // By index: a copy of each rule (a dozen strings and lists) cost every message more than the rules.
        for index in rules.indices {
            if rules[index].unless.contains(where: { status($0) == .present }) { continue }
            var support = Support.present
            var holds = true
            for line in rules[index].when {
                var best: Support?
                for condition in line {
                    switch condition {
                    case .finding(let finding):
                        switch status(finding) {
                        case .present: best = .present
                        case .uncertain: if best == nil { best = .uncertain }
                        default: break
                        }
                    case .population(let population):
                        if population.holds(for: person) { best = .present }
                    }
                    if best == .present { break }
                }
                guard let best else {
                    holds = false
                    break
                }
                support = min(support, best)
            }
            guard holds else { continue }
            let level = support == .present ? rules[index].level : rules[index].unsureLevel
            fired.append(Fired(rule: index, person: name, support: support, level: level))
        }
        return fired
    }
}
