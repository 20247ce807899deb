import BackTalk
import BackTalkAuthoring
import Foundation

/// A ``ConfusionReport`` as text: the entries with errors, worst F1 first, then
/// the pairs most often confused.
enum ConfusionTable {
    /// How many confused pairs the text shows; `--json` has them all.
    static let pairsShown = 10

    static func write(_ report: ConfusionReport, to output: Output) throws(OutputError) {
        for line in lines(report) { try output.line(line) }
    }

    static func lines(_ report: ConfusionReport) -> [String] {
        var lines: [String] = []
        let imperfect = report.scores.filter { !$0.isPerfect }
        if !imperfect.isEmpty {
            let width = max("entry".count, imperfect.map(\.id.count).max() ?? 0)
            lines.append(pad("entry", width) + "  support  answered  precision  recall     f1")
            for score in imperfect {
                lines.append(
                    pad(score.id, width) + "  " + right(String(score.support), 7) + "  " + right(String(score.predicted), 8)
                        + "  " + right(fraction(score.precision), 9) + "  " + right(fraction(score.recall), 6)
                        + "  " + right(fraction(score.f1), 5))
            }
            lines.append("")
        }
        if !report.confusions.isEmpty {
            lines.append("most confused (expected -> got):")
            for pair in report.confusions.prefix(pairsShown) {
                lines.append(right(String(pair.count), 5) + "  \(pair.expected) -> \(pair.got)")
            }
            lines.append("")
        }
        return lines
    }

    /// One line: how many entries were asked about, how many had no errors, and the mean F1s.
    static func summary(_ report: ConfusionReport) -> String {
        let labelled = report.scores.filter { $0.support > 0 }
        let perfect = report.scores.filter(\.isPerfect).count
        return "per entry:    \(labelled.count) asked about, \(perfect) without errors; "
            + "macro F1 \(fraction(report.macroF1)), weighted F1 \(fraction(report.weightedF1))"
    }

    static func fraction(_ value: Double) -> String { String(format: "%.3f", value) }
    private static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    private static func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
}
