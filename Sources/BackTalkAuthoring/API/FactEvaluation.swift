/// Whether specific questions get replies that contain what was asked.
///
/// Each question comes with patterns for the facts its first reply must
/// contain ("how much ibuprofen in a day?" must say 1,200 mg).
public struct FactReport: Sendable, Hashable, Codable {
    /// One question and what its reply lacked.
    public struct Result: Sendable, Hashable, Codable {
        /// The 1-based line of the question in its file.
        public var line: Int
        /// The question's id.
        public var id: String
        /// The question, as written in the file.
        public var question: String
        /// The entry (or reply kind) that answered.
        public var got: String
        /// The patterns the reply did not match.
        public var missing: [String]
        /// Whether the reply matched every pattern.
        public var isRight: Bool { missing.isEmpty }
    }

    /// Every question, in file order.
    public var results: [Result] = []

    /// A report over `results`, for combining several files.
    public init(results: [Result] = []) {
        self.results = results
    }

    /// Share of questions whose reply contains every fact asked for.
    public var accuracy: Double {
        results.isEmpty ? 0 : Double(results.filter(\.isRight).count) / Double(results.count)
    }
}

extension Engine {
    /// Asks every question of a file, each as the first message of a conversation,
    /// and checks its reply against the question's patterns.
    ///
    /// Each line is `ID<TAB>QUESTION<TAB>PATTERN[<TAB>PATTERN…]`: every pattern
    /// (a regular expression, matched ignoring case) must be found in the reply.
    public func evaluateFacts(tsv text: String, file: String) throws(EvaluationSetError) -> FactReport {
        var rows: [(line: Int, id: String, question: String, patterns: [(String, Regex<AnyRegexOutput>)])] = []
        var diagnostics: [Diagnostic] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard fields.count >= 3, !fields[1].isEmpty else {
                diagnostics.append(Diagnostic(file: file, line: offset + 1, message: "expected ID<TAB>QUESTION<TAB>PATTERN[<TAB>PATTERN…]"))
                continue
            }
            var patterns: [(String, Regex<AnyRegexOutput>)] = []
            for source in fields[2...] where !source.isEmpty {
                do {
                    patterns.append((source, try Regex(source).ignoresCase()))
                } catch {
                    diagnostics.append(
                        Diagnostic(file: file, line: offset + 1, message: "pattern `\(source)` is not a regular expression: \(error)"))
                }
            }
            rows.append((offset + 1, fields[0], fields[1], patterns))
        }
        guard diagnostics.isEmpty else { throw EvaluationSetError(diagnostics: diagnostics) }
        if rows.isEmpty { throw EvaluationSetError(diagnostics: [Diagnostic(file: file, line: nil, message: "no questions")]) }

        var report = FactReport()
        for row in rows {
            var conversation = Conversation()
            let reply = reply(to: row.question, in: &conversation)
            let missing = row.patterns.filter { reply.text.firstMatch(of: $0.1) == nil }.map(\.0)
            report.results.append(.init(line: row.line, id: row.id, question: row.question, got: reply.intent.rawValue, missing: missing))
        }
        return report
    }
}
