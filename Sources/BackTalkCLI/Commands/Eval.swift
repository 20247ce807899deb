import ArgumentParser
import BackTalk
import Foundation

/// `backtalk eval`: measure accuracy on a labelled file.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure accuracy on a labelled file of questions.",
        discussion: """
            FILE has one row per line: INTENT<TAB>QUESTION, with | between acceptable \
            intents and out_of_scope for questions that should be turned away.
            """
    )

    @Argument(help: "The labelled file (.tsv).")
    var file: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.message("cannot read \(file)")
        }
        let engine = try engineOptions.engine()
        let report: EvaluationReport
        do throws(EvaluationSetError) {
            report = try engine.evaluate(tsv: String(decoding: data, as: UTF8.self), file: file)
        } catch {
            throw CLIError.message(error.description)
        }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        for miss in report.misses {
            try output.line("\(file):\(miss.line): expected \(miss.expected.joined(separator: "|")), got \(miss.got) (\(String(format: "%.2f", miss.confidence))): \(miss.question)")
        }
        if !report.misses.isEmpty { try output.line() }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        if report.inScope > 0 {
            try output.line("in scope:     \(report.inScopeCorrect)/\(report.inScope) answered right (\(percent(report.accuracy))), \(report.clarified) by asking which was meant")
        }
        if report.outOfScope > 0 {
            try output.line("out of scope: \(report.outOfScopeRejected)/\(report.outOfScope) turned away (\(percent(report.rejectionRate)))")
        }
    }
}
