/// Where a conversation stands with red flags: what it has learnt about each
/// person it is about, the level reached, and the question waiting for an answer.
///
/// Part of ``Conversation``, and `Codable` with it, so that a saved
/// conversation resumes mid-question.
public struct TriageState: Sendable, Hashable, Codable {
    /// The id of the question waiting for an answer.
    public internal(set) var pendingQuestion: String?
    /// The check the pending question belongs to (`full`, `screen`, or the rule that started it).
    public internal(set) var flow: String?
    /// The highest level reached so far.
    ///
    /// It never goes down.
    public internal(set) var level: TriageLevel?
    /// What has been learnt about each person: `self` for the writer, else a
    /// key such as `father` or `child`.
    public internal(set) var people: [String: TriagePerson] = [:]

    /// Who a message with no person word is about, and who "he" and "she" are.
    var experiencers = MessageReader.Experiencers()
    /// Questions of the check under way still to ask, in order.
    var queue: [String] = []
    /// The level of the rule that started the check under way: only a higher one interrupts it.
    var flowLevel: TriageLevel?
    /// How many replies in a row to the pending question were not understood.
    var unclearReplies = 0
    /// Whether the pending question was already asked again after being passed over.
    var reasked = false
    /// Rules whose notice or outcome has been said, by `rule person`.
    var announced: Set<String> = []
    /// Questions asked in this conversation, never asked twice.
    var asked: Set<String> = []
    /// Whether the one question about bladder and saddle numbness has been asked.
    var screened = false
    /// Whether a check was offered and not yet taken up or passed over.
    var offered = false

    /// No red flags reported, no question pending.
    public init() {}

    /// The person a message with no person word is about.
    public var subject: String { experiencers.subject }

    /// What earlier messages established, for reading the next one.
    var known: MessageReader.Known {
        MessageReader.Known(
            inPain: Set(people.filter { $0.value.findings[Triage.backPain] == .present }.keys),
            pregnant: Set(people.filter(\.value.pregnant).keys))
    }

    /// Forgets the check under way, keeping what was learnt.
    mutating func endFlow() {
        pendingQuestion = nil
        flow = nil
        flowLevel = nil
        queue = []
        unclearReplies = 0
        reasked = false
    }

    /// Raises the reached level to `level` if it is higher.
    mutating func raise(to level: TriageLevel?) {
        guard let level else { return }
        self.level = max(self.level ?? level, level)
    }

    /// The most people one conversation may be about, and the most findings each may have.
    static let maximumPeople = 64
    static let maximumFindings = 1_000

    /// What is wrong with a decoded state, if anything.
    ///
    /// It looks for counts out of range and ages no one has; `nil` when the state is sound.
    var problem: String? {
        if !(0...10).contains(unclearReplies) { return "unclearReplies must be 0 to 10, not \(unclearReplies)" }
        if people.count > Self.maximumPeople { return "at most \(Self.maximumPeople) people, not \(people.count)" }
        if queue.count > Self.maximumFindings { return "at most \(Self.maximumFindings) queued questions, not \(queue.count)" }
        for (key, person) in people.sorted(by: { $0.key < $1.key }) {
            if let problem = person.problem { return "person `\(key)`: \(problem)" }
        }
        return nil
    }

    /// Forgets questions and a check that `flow` does not have, so that a state
    /// saved with another knowledge base never points at nothing.
    mutating func fit(to flow: TriageFlow) {
        unclearReplies = min(max(unclearReplies, 0), 10)
        if let pending = pendingQuestion, flow.questions[pending] == nil { endFlow() }
        queue.removeAll { flow.questions[$0] == nil }
    }
}
