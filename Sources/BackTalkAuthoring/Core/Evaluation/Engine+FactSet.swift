// The logic behind `Engine.evaluateFacts(tsv:file:)`.

extension Engine {
    func runFactSet(tsv text: String, file: String) throws(EvaluationSetError) -> FactReport {
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
