/// A conversation written down: each message, the reply expected for it, and
/// checks on the reply beyond its text.
///
/// Transcripts are plain text (see `Transcripts/README.md`): parse one with
/// ``init(parsing:file:)``, write one with ``text``, and replay one with
/// ``BackTalkCore/Engine/replay(_:)``. A value: nothing here reads or writes files.
public struct Transcript: Sendable, Hashable {
    /// The turns, in the order they are replayed.
    public var turns: [Turn]
    /// `#` comments after the last turn, without the `# ` prefix.
    public var closingComments: [String]
    /// The line where an unfinished turn began, if recording was interrupted.
    ///
    /// Set when parsed from a file whose recording was interrupted in the middle of
    /// a turn. That line, and anything after it, is not part of the transcript (nor of ``text``).
    public var unfinishedTurnLine: Int?

    /// Creates a transcript.
    public init(turns: [Turn] = [], closingComments: [String] = [], unfinishedTurnLine: Int? = nil) {
        self.turns = turns
        self.closingComments = closingComments
        self.unfinishedTurnLine = unfinishedTurnLine
    }

    /// One message and what the assistant is expected to answer.
    public struct Turn: Sendable, Hashable {
        /// `#` comments written just before the message, without the `# ` prefix.
        public var comments: [String]
        /// What the person types.
        public var message: String
        /// The expected reply, line by line.
        public var reply: [Line]
        /// Checks on the reply beyond its text, in the order they are written.
        public var checks: [Check]
        /// The 1-based line of the message in its file, when parsed from one.
        public var line: Int?

        /// Creates a turn.
        public init(comments: [String] = [], message: String, reply: [Line], checks: [Check] = [], line: Int? = nil) {
            self.comments = comments
            self.message = message
            self.reply = reply
            self.checks = checks
            self.line = line
        }
    }

    /// One expected line of a reply.
    public enum Line: Sendable, Hashable {
        /// The reply line must be exactly this.
        case exact(String)
        /// The reply line must contain this text (`~contains TEXT`).
        case contains(String)
        /// The whole reply line must match this regular expression (`~re PATTERN`).
        case pattern(String)
    }

    /// A check on a reply beyond its text (`~ key: value`).
    public enum Check: Sendable, Hashable {
        /// The entry answered, or a special intent such as `out_of_scope` (`~ intent:`).
        case intent(String)
        /// The triage level announced, or `nil` for none (`~ triage:`).
        case triage(TriageLevel?)
        /// Whether the reply waits for an answer (`~ expects-answer: yes|no`).
        case expectsAnswer(Bool)
        /// The id of the question waiting for an answer, or `nil` (`~ pending:`).
        case pendingQuestion(String?)
        /// The suggestions offered, in order (`~ suggestion:` lines).
        case suggestions([String])
    }
}
