/// Something a set of transcripts should reach at least once: a knowledge
/// entry, a triage question, or a triage outcome.
///
/// This file is the one place that decides what coverage means:
/// ``BackTalkCore/KnowledgeBase/coverageTargets`` lists what there is to reach, and
/// ``BackTalkCore/Reply/coverageTargets`` what one reply reaches.
public enum CoverageTarget: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A knowledge entry, by id, reached when a reply answers it.
    case entry(String)
    /// A triage question, by id, reached when a reply asks it.
    case triageQuestion(String)
    /// A triage outcome, by id, reached when a reply concludes it.
    case triageOutcome(String)

    /// `entry causes`, `triage question fever`, `triage outcome emergency_call`.
    public var description: String {
        switch self {
        case .entry(let id): "entry \(id)"
        case .triageQuestion(let id): "triage question \(id)"
        case .triageOutcome(let id): "triage outcome \(id)"
        }
    }

    /// Entries first, then questions, then outcomes; by id within each.
    public static func < (lhs: CoverageTarget, rhs: CoverageTarget) -> Bool {
        (lhs.rank, lhs.id) < (rhs.rank, rhs.id)
    }

    private var rank: Int {
        switch self {
        case .entry: 0
        case .triageQuestion: 1
        case .triageOutcome: 2
        }
    }

    private var id: String {
        switch self {
        case .entry(let id), .triageQuestion(let id), .triageOutcome(let id): id
        }
    }
}

extension KnowledgeBase {
    /// Everything transcripts should reach, sorted.
    public var coverageTargets: [CoverageTarget] {
        (entries.map { CoverageTarget.entry($0.id) }
            + triageQuestions.map(CoverageTarget.triageQuestion)
            + triageOutcomes.map(CoverageTarget.triageOutcome)).sorted()
    }
}

extension Reply {
    /// What this reply reaches: the entry it answers and the triage question it asks.
    public var coverageTargets: [CoverageTarget] {
        var targets: [CoverageTarget] = []
        if !intent.isSpecial { targets.append(.entry(intent.rawValue)) }
        if let pendingQuestion { targets.append(.triageQuestion(pendingQuestion)) }
        if let outcome { targets.append(.triageOutcome(outcome)) }
        return targets
    }
}
