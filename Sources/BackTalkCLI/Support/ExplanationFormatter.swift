import BackTalk

/// The `--explain` and `/why` report, as lines of text.
enum ExplanationFormatter {
    static func lines(_ explanation: MatchExplanation) -> [String] {
        func score(_ value: Double) -> String { String(format: "%.2f", value) }
        func list(_ items: [String], _ separator: String = ", ") -> String {
            items.isEmpty ? "-" : items.joined(separator: separator)
        }
        let corrections: [String] = explanation.corrections.map { "\($0.from) -> \($0.to)" }
        let synonyms: [String] = explanation.synonyms.map { "\($0.phrase) -> \($0.concept)" }
        var lines: [String] = []
        lines.append("tokens:      " + list(explanation.tokens, " "))
        lines.append("corrected:   " + list(corrections))
        lines.append("synonyms:    " + list(synonyms))
        lines.append("terms:       " + list(explanation.terms, " "))
        lines.append("on topic:    " + (explanation.anchored ? "yes (names back or spasm)" : "no subject word: unknown words count against a match"))
        for (position, candidate) in explanation.candidates.enumerated() {
            let label = position == 0 ? "candidates:  " : "             "
            lines.append(label + "\(candidate.intent) \(score(candidate.score))"
                + " (model \(score(candidate.probability)), similarity \(score(candidate.similarity)), coverage \(score(candidate.coverage))\(candidate.keyword ? ", keyword" : ""))")
        }
        if explanation.candidates.isEmpty { lines.append("candidates:  -") }
        lines.append("decision:    " + explanation.decision)
        for (position, finding) in explanation.findings.enumerated() {
            let label = position == 0 ? "findings:    " : "             "
            let context = finding.context.isEmpty ? "" : ", " + finding.context.joined(separator: ", ")
            lines.append(label + "\(finding.finding) \(finding.status.rawValue)\(finding.general ? " (asked in general)" : "")"
                + " for \(finding.person)\(context): \"\(finding.words)\"")
        }
        if explanation.findings.isEmpty { lines.append("findings:    -") }
        return lines
    }
}

import Foundation
