extension KnowledgeBase {
    /// The limits a topic's answer must keep, in words.
    public static let answerWordRange = 20...200
    /// The fewest examples an entry may have.
    public static let minimumExamples = 10

    /// Every problem in a knowledge base: what stops it loading, and what
    /// would make it answer badly (short answers, examples that reach another entry).
    public static func lint(files: [KnowledgeFile]) -> [Diagnostic] {
        do throws(KnowledgeBaseError) {
            return try KnowledgeBase(files: files).lint()
        } catch {
            return error.diagnostics
        }
    }

    /// The problems of a loaded knowledge base that do not stop it loading.
    public func lint() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            let (path, lines) = entryFiles[entry.id]!
            func report(_ field: String, _ message: String) {
                diagnostics.append(Diagnostic(file: path, line: lines[field], message: message))
            }
            let words = entry.answer.split(whereSeparator: { $0.isWhitespace }).count
            if entry.kind == .topic && !Self.answerWordRange.contains(words) {
                report("answer", "the answer has \(words) words; a topic's answer should have \(Self.answerWordRange.lowerBound) to \(Self.answerWordRange.upperBound)")
            }
            if entry.examples.count < Self.minimumExamples {
                report("examples", "\(entry.examples.count) examples; at least \(Self.minimumExamples) are needed")
            }
            if entry.kind == .topic && entry.sources.isEmpty {
                report("sources", "a topic needs at least one source")
            }
            for (question, field) in [(entry.title, "title")] + entry.examples.map({ ($0, "examples") }) {
                let result = matcher.match(question)
                guard case .answer(let index) = result.decision, entries[index].id == entry.id else {
                    let reached: String
                    switch result.decision {
                    case .answer(let index): reached = "`\(entries[index].id)`"
                    case .clarify(let a, let b): reached = "a question between `\(entries[a].id)` and `\(entries[b].id)`"
                    case .outOfScope: reached = "the out-of-scope reply"
                    }
                    report(field, "\(field == "title" ? "the title" : "example") \"\(question)\" reaches \(reached), not `\(entry.id)`")
                    continue
                }
            }
        }
        var owners: [[String]: String] = [:]
        for concept in vocabulary.concepts {
            for phrase in concept.phrases {
                let stems = TextAnalyzer.stems(of: phrase)
                if let owner = owners[stems], owner != concept.name {
                    diagnostics.append(Diagnostic(file: vocabularyPath, line: nil,
                                                  message: "\"\(phrase)\" is listed under both `\(owner)` and `\(concept.name)`"))
                }
                owners[stems] = concept.name
            }
        }
        return diagnostics + triageLint()
    }
}
