extension Reply {
    /// What a reply answers: a knowledge entry's id, or one of the special replies
    /// that answer no entry (``outOfScope``, ``clarify``, ``emergency``…).
    ///
    /// Written as a string literal where an entry's id is meant (`reply.intent == "heat_cold"`),
    /// and encoded in JSON as that string.
    public struct Intent: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        /// The entry's id, or the special reply's name.
        public var rawValue: String

        /// The intent named `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The intent named `rawValue`: an entry's id, or a special reply's name.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// The intent written as a literal, such as `"heat_cold"`.
        public init(stringLiteral value: String) { rawValue = value }

        /// The name, as it appears in transcripts and JSON.
        public var description: String { rawValue }

        /// Orders by name.
        public static func < (lhs: Intent, rhs: Intent) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The message is about something BackTalk does not cover.
        public static let outOfScope: Intent = "out_of_scope"
        /// Two entries fit equally well; the reply asks which was meant.
        public static let clarify: Intent = "clarify"
        /// The message had no words.
        public static let empty: Intent = "empty"
        /// The message could not be read as text.
        public static let unreadable: Intent = "unreadable"
        /// An emergency red flag: what to do now, before anything else.
        public static let emergency: Intent = "emergency"
        /// A follow-up question about red flags.
        public static let triageQuestion: Intent = "triage_question"
        /// The end of the follow-up: a triage level and the next step.
        public static let triageOutcome: Intent = "triage_outcome"
        /// The person left the follow-up questions.
        public static let triageStopped: Intent = "triage_stopped"
        /// An answer to the one safety question asked alongside an answer was taken.
        public static let triageNoted: Intent = "triage_noted"
        /// A person doubting advice already given ("is it really that serious?"): the level again, never reassurance.
        public static let triageReminder: Intent = "triage_reminder"
        /// On BackTalk's subject, but nothing in the knowledge base answers it.
        public static let notCovered: Intent = "not_covered"

        /// Every intent that answers no knowledge entry.
        public static let special: Set<Intent> = [
            outOfScope, clarify, empty, unreadable, emergency, triageQuestion, triageOutcome, triageStopped,
            triageNoted, triageReminder, notCovered,
        ]

        /// Whether this answers no knowledge entry.
        public var isSpecial: Bool { Self.special.contains(self) }
    }
}

extension Reply.Intent: Codable {
    /// Reads the intent from a single string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Writes the intent as a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
