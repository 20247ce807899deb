/// How the triage fares on a set of clinical vignettes, each with the level a
/// clinician would give it.
///
/// A vignette is a conversation opening: one to three messages a person writes,
/// whatever the assistant says in between. Any safety question still waiting
/// afterwards is answered "no", as a person would who has said all they have.
/// The level reached is the highest any reply announces (none is self-care).
public struct VignetteReport: Sendable, Hashable, Codable {
    /// One vignette and what the triage made of it.
    public struct Result: Sendable, Hashable, Codable {
        /// The 1-based line of the vignette in its file.
        public var line: Int
        /// The vignette's id.
        public var id: String
        /// What it tests: a row of the red-flag table, an over-triage trap (`trap_…`), or `self_care_plain`.
        public var group: String
        /// The level the clinician gave it.
        public var gold: TriageLevel
        /// The highest level any reply announced; `TriageLevel.selfCare` when none did.
        public var reached: TriageLevel
        /// Whether an emergency reply came within the first two replies: at
        /// most one question after the person had said everything (for a
        /// vignette of one message, the first or second reply).
        public var emergencyEarly: Bool
        /// What the person wrote, message by message.
        public var messages: [String]
        /// The outcome concluded with, if any.
        public var outcome: String?

        /// At or above the gold level, or one level below for urgent and
        /// see-a-doctor; an emergency must be reached as an emergency.
        public var isSafe: Bool {
            if reached >= gold { return true }
            switch gold {
            case .urgent: return reached == .seeDoctor
            case .seeDoctor: return reached == .selfCare
            default: return false
            }
        }
    }

    /// Every vignette, in file order.
    public var results: [Result] = []

    /// A report over `results`, for combining several files.
    public init(results: [Result] = []) {
        self.results = results
    }

    /// Share of vignettes given exactly their gold level.
    public var exact: Double { share { $0.reached == $0.gold } }
    /// Share of vignettes handled safely (see ``Result/isSafe``).
    public var safe: Double { share(\.isSafe) }
    /// Share of gold emergencies that got the emergency reply within the first two replies.
    public var emergencySensitivity: Double {
        share(of: results.filter { $0.gold == .emergency }, \.emergencyEarly)
    }
    /// Share of self-care and see-a-doctor vignettes sent to the emergency number.
    public var falseEmergencies: Double {
        share(of: results.filter { $0.gold == .selfCare || $0.gold == .seeDoctor }) { $0.reached == .emergency }
    }
    /// Share of vignettes given a level above their gold one.
    public var overTriage: Double { share { $0.reached > $0.gold } }
    /// The vignettes not given their gold level, unsafe ones first.
    public var misses: [Result] {
        results.filter { $0.reached != $0.gold }.sorted { ($0.isSafe ? 1 : 0, $0.line) < ($1.isSafe ? 1 : 0, $1.line) }
    }

    private func share(_ test: (Result) -> Bool) -> Double { share(of: results, test) }
    private func share(of rows: [Result], _ test: (Result) -> Bool) -> Double {
        rows.isEmpty ? 0 : Double(rows.filter(test).count) / Double(rows.count)
    }
}

extension Engine {
    /// Runs every vignette of a file, each in a fresh conversation.
    ///
    /// Each line is `ID<TAB>GROUP<TAB>LEVEL<TAB>MESSAGE[<TAB>MESSAGE…]`, where
    /// LEVEL is `emergency`, `urgent`, `see_doctor` or `self_care`. Blank lines
    /// and lines starting with `#` are skipped.
    public func evaluateVignettes(tsv text: String, file: String) throws(EvaluationSetError) -> VignetteReport {
        try runVignetteSet(tsv: text, file: file)
    }
}
