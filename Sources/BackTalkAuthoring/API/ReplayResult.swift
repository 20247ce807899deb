/// What replaying a transcript found: whether every turn matched, where it
/// first diverged, what it reached, and the transcript as the engine answers today.
public struct ReplayResult: Sendable, Hashable {
    /// The first turn whose reply differs from the transcript, or `nil` if every turn matched.
    public var divergence: Divergence?
    /// The entries, triage questions and outcomes the replies reached.
    public var reached: Set<CoverageTarget>
    /// The transcript with every expected reply and check replaced by what the
    /// engine answers now; comments, and `~contains`/`~re` lines that still match, are kept.
    public var updated: Transcript

    /// Whether every turn matched.
    public var passed: Bool { divergence == nil }

    /// Creates a result.
    public init(divergence: Divergence?, reached: Set<CoverageTarget>, updated: Transcript) {
        self.divergence = divergence
        self.reached = reached
        self.updated = updated
    }

    /// The first turn that differs, and how.
    public struct Divergence: Sendable, Hashable {
        /// The 1-based number of the turn.
        public var turn: Int
        /// A unified diff (`--- expected`, `+++ actual`, `@@` hunks) of that turn's
        /// message, reply and checks; hunk line numbers are the transcript file's.
        public var diff: String

        /// Creates a divergence.
        public init(turn: Int, diff: String) {
            self.turn = turn
            self.diff = diff
        }
    }
}
