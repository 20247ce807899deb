import ArgumentParser
import BackTalk
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
            """
    )

    @Argument(help: "The labelled file (.tsv).")
    var file: String

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

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.message("cannot read \(file)")
        }
        let engine = try engineOptions.engine()
        let text = String(decoding: data, as: UTF8.self)
        if vignettes {
            try runVignettes(engine, text)
            return
        }
        if conversations {
            try runConversations(engine, text)
            return
        }
        if facts {
            try runFacts(engine, text)
            return
        }
        let report: EvaluationReport
        do throws(EvaluationSetError) {
            report = try engine.evaluate(tsv: text, file: file)
        } catch {
            throw CLIError.message(error.description)
        }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        if !summary {
            for miss in report.misses {
                try output.line("\(file):\(miss.line): expected \(miss.expected.joined(separator: "|")), got \(miss.got) (\(String(format: "%.2f", miss.confidence))): \(miss.question)")
            }
            if !report.misses.isEmpty { try output.line() }
        }
        if report.inScope > 0 {
            try output.line("in scope:     \(report.inScopeCorrect)/\(report.inScope) answered right (\(Self.percent(report.accuracy))), \(report.clarified) by asking which was meant")
        }
        if report.outOfScope > 0 {
            try output.line("out of scope: \(report.outOfScopeRejected)/\(report.outOfScope) turned away (\(Self.percent(report.rejectionRate)))")
        }
    }

    private func runFacts(_ engine: Engine, _ text: String) throws {
        let report: FactReport
        do throws(EvaluationSetError) {
            report = try engine.evaluateFacts(tsv: text, file: file)
        } catch {
            throw CLIError.message(error.description)
        }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        if !summary {
            for result in report.results where !result.isRight {
                try output.line("\(file):\(result.line): \(result.id): \(result.got) lacks \(result.missing.map { "/\($0)/" }.joined(separator: " ")): \(result.question)")
            }
            if report.results.contains(where: { !$0.isRight }) { try output.line() }
        }
        try output.line("facts: \(report.results.filter(\.isRight).count)/\(report.results.count) replies contain what was asked (\(Self.percent(report.accuracy)))")
    }

    private func runConversations(_ engine: Engine, _ text: String) throws {
        let report: ConversationReport
        do throws(EvaluationSetError) {
            report = try engine.evaluateConversations(text, file: file)
        } catch {
            throw CLIError.message(error.description)
        }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        if !summary {
            for result in report.results where !result.isRight {
                for turn in result.turns where !turn.isRight {
                    try output.line("\(file):\(turn.line): \(result.id): expected \(turn.expected.joined(separator: "|")), got \(turn.got) (\(turn.understanding.rawValue)): \(turn.message)")
                }
            }
            if report.results.contains(where: { !$0.isRight }) { try output.line() }
        }
        let turns = report.turns
        try output.line("conversations: \(report.results.filter(\.isRight).count)/\(report.results.count) right end to end (\(Self.percent(report.conversationAccuracy)))")
        try output.line("turns:         \(turns.filter(\.isRight).count)/\(turns.count) right (\(Self.percent(report.turnAccuracy)))")
    }

    private func runVignettes(_ engine: Engine, _ text: String) throws {
        let report: VignetteReport
        do throws(EvaluationSetError) {
            report = try engine.evaluateVignettes(tsv: text, file: file)
        } catch {
            throw CLIError.message(error.description)
        }
        let output = Output()
        if json {
            try output.json(report)
            return
        }
        if !summary {
            for miss in report.misses {
                let safety = miss.isSafe ? "over" : "UNSAFE"
                try output.line("\(file):\(miss.line): \(miss.id) [\(miss.group)] \(safety): gold \(miss.gold.rawValue), got \(miss.reached.rawValue)"
                    + "\(miss.outcome.map { " (\($0))" } ?? ""): \(miss.messages.joined(separator: " / "))")
            }
            if !report.misses.isEmpty { try output.line() }
        }
        let rows = report.results
        let emergencies = rows.filter { $0.gold == .emergency }
        let lower = rows.filter { $0.gold == .selfCare || $0.gold == .seeDoctor }
        try output.line("vignettes:             \(rows.count)")
        try output.line("exact level:           \(rows.filter { $0.reached == $0.gold }.count)/\(rows.count) (\(Self.percent(report.exact)))")
        try output.line("safe:                  \(rows.filter(\.isSafe).count)/\(rows.count) (\(Self.percent(report.safe)))")
        try output.line("emergency sensitivity: \(emergencies.filter(\.emergencyEarly).count)/\(emergencies.count) (\(Self.percent(report.emergencySensitivity))) within the first two replies")
        try output.line("false emergencies:     \(lower.filter { $0.reached == .emergency }.count)/\(lower.count) (\(Self.percent(report.falseEmergencies))) of self_care and see_doctor")
        try output.line("over-triage:           \(rows.filter { $0.reached > $0.gold }.count)/\(rows.count) (\(Self.percent(report.overTriage)))")
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
