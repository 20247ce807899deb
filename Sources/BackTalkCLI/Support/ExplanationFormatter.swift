import BackTalk
import Foundation

/// The `--explain`, `/why` and `eval --explain` report: a reply's trace, as lines of text.
///
/// It words the ``Understanding`` the reply carries; it never matches the message again.
enum ExplanationFormatter {
    static func lines(_ trace: Understanding) -> [String] {
        var lines: [String] = []
        func add(_ label: String, _ rows: [String]) {
            let padded = label.padding(toLength: 13, withPad: " ", startingAt: 0)
            if rows.isEmpty { return lines.append(padded + "-") }
            for (position, row) in rows.enumerated() {
                lines.append((position == 0 ? padded : String(repeating: " ", count: 13)) + row)
            }
        }
        add("taken as:", [trace.kind.rawValue + (trace.reason.isEmpty ? "" : " (\(trace.reason))")])
        add("context:", trace.fromContext.isEmpty ? [] : [trace.fromContext.joined(separator: ", ")])
        add("findings:", trace.findings.map(finding))
        add("pruned:", pruned(trace.pruned))
        if let match = trace.match {
            lines += matcherLines(match)
        } else {
            add("matcher:", ["not used: the reply did not come from matching"])
        }
        add("decision:", [decision(trace.decision)])
        return lines
    }

    /// What the matcher made of the text it matched.
    private static func matcherLines(_ match: MatchExplanation) -> [String] {
        func score(_ value: Double) -> String { String(format: "%.2f", value) }
        func list(_ items: [String], _ separator: String = ", ") -> String {
            items.isEmpty ? "-" : items.joined(separator: separator)
        }
        let corrections: [String] = match.corrections.map { "\($0.from) -> \($0.to)" }
        let synonyms: [String] = match.synonyms.map { "\($0.phrase) -> \($0.concept)" }
        var lines: [String] = []
        lines.append("tokens:      " + list(match.tokens, " "))
        lines.append("corrected:   " + list(corrections))
        lines.append("synonyms:    " + list(synonyms))
        lines.append("terms:       " + list(match.terms, " "))
        lines.append(
            "on topic:    " + (match.anchored ? "yes (names back or spasm)" : "no subject word: unknown words count against a match"))
        for (position, candidate) in match.candidates.enumerated() {
            let label = position == 0 ? "candidates:  " : "             "
            lines.append(
                label + "\(candidate.intent) \(score(candidate.score))"
                    + " (model \(score(candidate.probability)), similarity \(score(candidate.similarity)), coverage \(score(candidate.coverage))\(candidate.keyword ? ", keyword" : ""))"
            )
        }
        if match.candidates.isEmpty { lines.append("candidates:  -") }
        lines.append("matched:     " + match.decision)
        return lines
    }

    private static func finding(_ finding: FindingMention) -> String {
        let context = finding.context.isEmpty ? "" : ", " + finding.context.joined(separator: ", ")
        return "\(finding.finding) \(finding.status.rawValue)\(finding.general ? " (asked in general)" : "")"
            + " for \(finding.person)\(context): \"\(finding.words)\""
    }

    /// The pruned words, grouped by why: `numbness, fever (denied)`.
    private static func pruned(_ words: [Understanding.PrunedWord]) -> [String] {
        Understanding.PrunedWord.Reason.allCases.compactMap { reason in
            let group = words.filter { $0.reason == reason }.map(\.word)
            return group.isEmpty ? nil : group.joined(separator: ", ") + " (\(reason.rawValue.replacingOccurrences(of: "_", with: " ")))"
        }
    }

    private static func decision(_ decision: Understanding.Decision) -> String {
        var parts = [decision.intent.rawValue]
        if let level = decision.triage { parts.append("triage \(level.rawValue)") }
        if let question = decision.question { parts.append("asks \(question)") }
        if let outcome = decision.outcome { parts.append("outcome \(outcome)") }
        return parts.joined(separator: ", ")
    }
}
