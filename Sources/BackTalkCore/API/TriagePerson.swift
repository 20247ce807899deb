/// What is known about one finding (a symptom, a condition, a circumstance) in one person.
///
/// Ordered by how much it says: a finding reported as present outranks one in
/// doubt, which outranks a denial, which outranks one that is over.
public enum FindingStatus: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// There once, and over now, or long-standing and unchanged.
    case past
    /// Denied: "no numbness".
    case absent
    /// In doubt: "not sure if it's numb". Asked about, never taken as a no.
    case uncertain
    /// Reported.
    case present

    /// Whether `lhs` says less than `rhs`: ``past`` is the least, ``present`` the greatest.
    public static func < (lhs: FindingStatus, rhs: FindingStatus) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// What a conversation has learnt about one person it is about: the writer,
/// or someone they ask for (a child, a parent, a partner).
///
/// Findings accumulate across messages, so that a cancer history in one
/// message and new upper-back pain in a later one reach the right level together.
public struct TriagePerson: Sendable, Hashable, Codable {
    /// Age in years, when a message gave it.
    public internal(set) var age: Int?
    /// The age band, from an age or from words such as "toddler" or "my nan".
    public internal(set) var ageGroup: AgeGroup?
    /// Whether the person is pregnant.
    public internal(set) var pregnant = false
    /// Weeks of pregnancy, when given.
    public internal(set) var pregnancyWeeks: Int?
    /// How many days the back pain has lasted, when given.
    public internal(set) var painDays: Int?
    /// What is known about each finding, by finding id.
    public internal(set) var findings: [String: FindingStatus] = [:]

    /// Nothing known yet.
    public init() {}

    /// The age band, worked out from the age if only that is known.
    public var band: AgeGroup? { age.map(AgeGroup.init(age:)) ?? ageGroup }

    /// Records what a message said, never forgetting a finding reported as present.
    mutating func record(_ finding: String, _ status: FindingStatus) {
        if finding == Self.pregnancy && status == .present { pregnant = true }
        if let known = findings[finding], known >= status || known == .present { return }
        findings[finding] = status
    }

    /// What is wrong with a decoded person, if anything.
    var problem: String? {
        if let age, !(0...130).contains(age) { return "age must be 0 to 130, not \(age)" }
        if let pregnancyWeeks, !(0...45).contains(pregnancyWeeks) { return "pregnancyWeeks must be 0 to 45, not \(pregnancyWeeks)" }
        if let painDays, !(0...36_500).contains(painDays) { return "painDays must be 0 to 36500, not \(painDays)" }
        if findings.count > TriageState.maximumFindings { return "at most \(TriageState.maximumFindings) findings, not \(findings.count)" }
        return nil
    }

    /// The finding that says a person is pregnant.
    static let pregnancy = "pregnant"

    /// Records an answer to a question: it settles a doubt either way, but never
    /// takes back a finding reported as present.
    mutating func settle(_ finding: String, _ status: FindingStatus) {
        if findings[finding] == .present { return }
        findings[finding] = status
    }

    /// Adds what a message said about the person's age, pregnancy and pain.
    mutating func merge(_ facts: PersonFacts) {
        if let age = facts.age { self.age = age }
        if let group = facts.ageGroup { ageGroup = group }
        if facts.pregnant { pregnant = true }
        if let weeks = facts.pregnancyWeeks { pregnancyWeeks = weeks }
        if let days = facts.painDays { painDays = max(painDays ?? days, days) }
    }
}

/// What one message says about a person's age, pregnancy and how long the pain has lasted.
struct PersonFacts: Sendable, Hashable {
    var age: Int?
    var ageGroup: AgeGroup?
    var pregnant = false
    var pregnancyWeeks: Int?
    var painDays: Int?
}

/// One finding read from a message, with its context: for explanations and tests.
public struct FindingMention: Sendable, Hashable, Codable {
    /// The finding's id, such as `retention`.
    public var finding: String
    /// Who it is about: `self` for the writer, else a key such as `father` or `child`.
    public var person: String
    /// What the message says about it.
    public var status: FindingStatus
    /// Named in a general question or an imagined case ("what are the signs of…",
    /// "what if…"): information is given and a check offered, but nothing is reported.
    public var general: Bool
    /// The context that decided the status: `negated`, `uncertain`, `hypothetical`,
    /// `question`, `historical`, `resolved`, `long-standing`, `changed`.
    public var context: [String]
    /// The words it was read from.
    public var words: String
}
