import ArgumentParser
import BackTalk
import BackTalkAuthoring
import Foundation

/// `backtalk eval`: measure accuracy on a labelled file.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure accuracy on a labelled file of questions, or the triage on vignettes.",
        discussion: """
            FILE has one row per line: INTENT<TAB>QUESTION, with | between acceptable \
            intents and out_of_scope for questions that should be turned away.

            With --vignettes, FILE has one vignette per line: \
            ID<TAB>GROUP<TAB>LEVEL<TAB>MESSAGE[<TAB>MESSAGE...], LEVEL being the level a \
            clinician gives it (emergency, urgent, see_doctor or self_care).

            With --conversations, FILE holds conversations: a `## ID | persona` line, \
            then for each message a `> message` line and an `= label` line (entry ids \
            joined with |, or smalltalk, out_of_scope, unknown, emergency).

            With --facts, FILE has one question per line: \
            ID<TAB>QUESTION<TAB>PATTERN[<TAB>PATTERN...], each PATTERN a regular \
            expression the first reply must contain (ignoring case).

            With --cross-validate K (5 if K is left out), there is no FILE: the \
            knowledge base's own examples (and out-of-scope examples) are split into \
            K folds, each class spread over all of them, and each fold is answered by \
            a knowledge base that learnt from the others only. Progress goes to \
            standard error.

            For labelled questions and cross-validation, the report gives each \
            entry's precision, recall and F1 (worst first, entries without errors \
            left out) and the entries most often taken for one another.
            """
    )

    @Argument(help: "The labelled file (.tsv).")
    var file: String?

    @Option(
        name: .customLong("cross-validate"),
        help: ArgumentHelp(
            "Cross-validate over the knowledge base's own examples in K folds (at least 2; 5 if left out).", valueName: "K"))
    var crossValidate: Int?

    @Flag(help: "FILE holds triage vignettes: report levels, safety and emergencies.")
    var vignettes = false

    @Flag(help: "FILE holds labelled conversations: report turns and whole conversations right.")
    var conversations = false

    @Flag(help: "FILE holds specific questions with the facts their replies must contain.")
    var facts = false

    @Flag(help: "Print the figures only, not the rows missed (for a held-out set).")
    var summary = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Under each question missed, show its reply's trace, as `ask --explain` does (labelled questions and cross-validation).")
    var explain = false

    @OptionGroup var engineOptions: EngineOptions

    /// The folds of `--cross-validate` when no number follows it.
    static let defaultFolds = 5

    func validate() throws {
        if let crossValidate {
            if crossValidate < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
            if file != nil { throw ValidationError("--cross-validate uses the knowledge base's own examples; give no FILE") }
            if vignettes || conversations || facts {
                throw ValidationError("--cross-validate works on the examples, not on vignettes, conversations or facts")
            }
        } else if file == nil {
            throw ValidationError("Missing expected argument '<file>'")
        }
    }

    /// `arguments` with the default number of folds after a `--cross-validate` that has none.
    static func defaultingFolds(_ arguments: [String]) -> [String] {
        guard arguments.first == "eval" else { return arguments }
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            result.append(argument)
            if argument == "--" {
                result += arguments[(index + 1)...]
                break
            }
            if argument == "--cross-validate" && (index + 1 == arguments.count || arguments[index + 1].hasPrefix("-")) {
                result.append(String(defaultFolds))
            }
        }
        return result
    }

    func run() throws {
        if let crossValidate {
            try runCrossValidation(folds: crossValidate)
            return
        }
        guard let file else { throw CLIError.message("no FILE to evaluate") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.message("cannot read \(file)")
        }
        let engine = try engineOptions.engine()
        let text = String(decoding: data, as: UTF8.self)
        if vignettes {
            try runVignettes(engine, text, file: file)
            return
        }
        if conversations {
            try runConversations(engine, text, file: file)
            return
        }
        if facts {
            try runFacts(engine, text, file: file)
            return
        }
        let report = try Self.reading { () throws(EvaluationSetError) in try engine.evaluate(tsv: text, file: file) }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        try writeQuestions(report, file: { _ in file }, to: output)
    }

    /// The misses (unless `--summary`), the per-entry table and the figures of a questions report.
    private func writeQuestions(_ report: EvaluationReport, file: (EvaluationReport.Miss) -> String, to output: Output) throws {
        if !summary {
            for miss in report.misses {
                try output.line(
                    "\(file(miss)):\(miss.line): expected \(miss.expected.joined(separator: "|")), got \(miss.got) (\(String(format: "%.2f", miss.confidence))): \(miss.question)"
                )
                if explain, let trace = miss.understanding {
                    for row in ExplanationFormatter.lines(trace) { try output.line("    " + row) }
                }
            }
            if !report.misses.isEmpty { try output.line() }
            try ConfusionTable.write(report.confusion, to: output)
        }
        try Self.writeFigures(report, to: output)
    }

    /// The report `evaluate` makes, or the reason the file cannot be evaluated as the command's one-line error.
    private static func reading<Report>(_ evaluate: () throws(EvaluationSetError) -> Report) throws -> Report {
        do throws(EvaluationSetError) {
            return try evaluate()
        } catch {
            throw CLIError.message(error.description)
        }
    }

    /// The accuracy lines, and the per-entry summary.
    static func writeFigures(_ report: EvaluationReport, to output: Output) throws {
        if report.inScope > 0 {
            try output.line(
                "in scope:     \(report.inScopeCorrect)/\(report.inScope) answered right (\(Self.percent(report.accuracy))), \(report.clarified) by asking which was meant"
            )
        }
        if report.outOfScope > 0 {
            try output.line(
                "out of scope: \(report.outOfScopeRejected)/\(report.outOfScope) turned away (\(Self.percent(report.rejectionRate)))")
        }
        try output.line(ConfusionTable.summary(report.confusion))
    }

    private func runCrossValidation(folds: Int) throws {
        let knowledgeBase = try engineOptions.knowledgeBase()
        let start = ContinuousClock.now
        let report: CrossValidationReport
        do throws(CrossValidationError) {
            report = try knowledgeBase.crossValidate(folds: folds) { done, folds in
                let seconds = (ContinuousClock.now - start).components.seconds
                try? Output.write(Array("cross-validation: fold \(done)/\(folds) done (\(seconds) s)\n".utf8), to: STDERR_FILENO)
            }
        } catch {
            throw CLIError.message(error.description)
        }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        // A held-out example's miss names the file and line it came from.
        try writeQuestions(report.evaluation, file: { $0.file ?? "?" }, to: output)
        let perFold = report.folds.map { Self.percent($0.heldOut == 0 ? 0 : Double($0.right) / Double($0.heldOut)) }
        try output.line(
            "folds:        \(report.folds.count) of \(report.folds.map(\.heldOut).reduce(0, +)) examples, seed \(report.seed), right per fold \(perFold.joined(separator: " "))"
        )
    }

    private func runFacts(_ engine: Engine, _ text: String, file: String) throws {
        let report = try Self.reading { () throws(EvaluationSetError) in try engine.evaluateFacts(tsv: text, file: file) }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        if !summary {
            for result in report.results where !result.isRight {
                try output.line(
                    "\(file):\(result.line): \(result.id): \(result.got) lacks \(result.missing.map { "/\($0)/" }.joined(separator: " ")): \(result.question)"
                )
            }
            if report.results.contains(where: { !$0.isRight }) { try output.line() }
        }
        try output.line(
            "facts: \(report.results.filter(\.isRight).count)/\(report.results.count) replies contain what was asked (\(Self.percent(report.accuracy)))"
        )
    }

    private func runConversations(_ engine: Engine, _ text: String, file: String) throws {
        let report = try Self.reading { () throws(EvaluationSetError) in try engine.evaluateConversations(text, file: file) }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        if !summary {
            for result in report.results where !result.isRight {
                for turn in result.turns where !turn.isRight {
                    try output.line(
                        "\(file):\(turn.line): \(result.id): expected \(turn.expected.joined(separator: "|")), got \(turn.got) (\(turn.understanding.rawValue)): \(turn.message)"
                    )
                }
            }
            if report.results.contains(where: { !$0.isRight }) { try output.line() }
        }
        let turns = report.turns
        try output.line(
            "conversations: \(report.results.filter(\.isRight).count)/\(report.results.count) right end to end (\(Self.percent(report.conversationAccuracy)))"
        )
        try output.line("turns:         \(turns.filter(\.isRight).count)/\(turns.count) right (\(Self.percent(report.turnAccuracy)))")
    }

    private func runVignettes(_ engine: Engine, _ text: String, file: String) throws {
        let report = try Self.reading { () throws(EvaluationSetError) in try engine.evaluateVignettes(tsv: text, file: file) }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        if !summary {
            for miss in report.misses {
                let safety = miss.isSafe ? "over" : "UNSAFE"
                try output.line(
                    "\(file):\(miss.line): \(miss.id) [\(miss.group)] \(safety): gold \(miss.gold.rawValue), got \(miss.reached.rawValue)"
                        + "\(miss.outcome.map { " (\($0))" } ?? ""): \(miss.messages.joined(separator: " / "))")
            }
            if !report.misses.isEmpty { try output.line() }
        }
        let rows = report.results
        let emergencies = rows.filter { $0.gold == .emergency }
        let lower = rows.filter { $0.gold == .selfCare || $0.gold == .seeDoctor }
        try output.line("vignettes:             \(rows.count)")
        try output.line(
            "exact level:           \(rows.filter { $0.reached == $0.gold }.count)/\(rows.count) (\(Self.percent(report.exact)))")
        try output.line("safe:                  \(rows.filter(\.isSafe).count)/\(rows.count) (\(Self.percent(report.safe)))")
        try output.line(
            "emergency sensitivity: \(emergencies.filter(\.emergencyEarly).count)/\(emergencies.count) (\(Self.percent(report.emergencySensitivity))) within the first two replies"
        )
        try output.line(
            "false emergencies:     \(lower.filter { $0.reached == .emergency }.count)/\(lower.count) (\(Self.percent(report.falseEmergencies))) of self_care and see_doctor"
        )
        try output.line(
            "over-triage:           \(rows.filter { $0.reached > $0.gold }.count)/\(rows.count) (\(Self.percent(report.overTriage)))")
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
