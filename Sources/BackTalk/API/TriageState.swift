/// Where a conversation stands with red flags: what the person has reported,
/// and the follow-up question waiting for an answer, if any.
///
/// Part of ``Conversation``, and `Codable` with it, so that a saved
/// conversation resumes mid-question.
public struct TriageState: Sendable, Hashable, Codable {
    /// The id of the follow-up question waiting for an answer.
    public internal(set) var pendingQuestion: String?
    /// The flow the pending question belongs to (for example `screen` or `infection`).
    public internal(set) var flow: String?
    /// The highest level the person's reports have reached so far. It never goes down.
    public internal(set) var level: TriageLevel?
    /// The level of the red flag that started the flow under way: only a
    /// higher one interrupts it.
    var flowLevel: TriageLevel?
    /// How many replies to the pending question were not understood.
    var unclearReplies = 0
    /// What the person has said about each red-flag rule.
    var flags: [String: FlagStatus] = [:]
    /// Rules whose follow-up has been started, so that mentioning them again
    /// brings a reminder, not the same questions.
    var followedUp: Set<String> = []

    /// No red flags reported, no question pending.
    public init() {}

    /// Records what a message said, never lowering what was known: a flag once
    /// reported stays reported.
    mutating func record(_ detected: [String: FlagStatus]) {
        for (rule, status) in detected where status > (flags[rule] ?? .absent) || flags[rule] == nil {
            flags[rule] = status
        }
    }

    /// Forgets the flow under way, keeping what was reported.
    mutating func endFlow() {
        pendingQuestion = nil
        flow = nil
        flowLevel = nil
        unclearReplies = 0
    }

    /// Raises the reported level to `level` if it is higher.
    mutating func raise(to level: TriageLevel?) {
        guard let level else { return }
        self.level = max(self.level ?? level, level)
    }
}
