extension KnowledgeBase {
    /// The limits a topic's answer must keep, in words, in every variant too.
    ///
    /// An answer is read in a chat: the direct answer, then the essentials, in
    /// about 120 words; above the upper bound the detail belongs in `more`.
    public static let answerWordRange = 20...130
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
        let responder = Responder(knowledgeBase: self)
        let engine = Engine(knowledgeBase: self)
        for entry in entries {
            // Every loaded entry came from a file; the entry's id names it if that is ever not so.
            let (path, lines) = entryFiles[entry.id] ?? (entry.id, [:])
            func report(_ field: String, _ message: String) {
                diagnostics.append(Diagnostic(file: path, line: lines[field], message: message))
            }
            if entry.kind == .topic {
                let range = Self.answerWordRange
                let words = Self.wordCount(entry.answer)
                if !range.contains(words) {
                    report(
                        "answer",
                        "the answer has \(words) words; a topic's answer should have \(range.lowerBound) to \(range.upperBound)"
                            + (words > range.upperBound ? " (about 120): move the detail to `more`" : ""))
                }
                for variant in entry.variants where !range.contains(Self.wordCount(variant.answer)) {
                    let words = Self.wordCount(variant.answer)
                    report(
                        "variants",
                        "the answer for `\(variant.audience.rawValue)` has \(words) words; a topic's answer should have \(range.lowerBound) to \(range.upperBound)"
                            + (words > range.upperBound ? " (about 120): move the detail to `more`" : ""))
                }
            }
            if entry.examples.count < Self.minimumExamples {
                report("examples", "\(entry.examples.count) examples; at least \(Self.minimumExamples) are needed")
            }
            if entry.kind == .topic && entry.sources.isEmpty {
                report("sources", "a topic needs at least one source")
            }
            // Each example is read as the first message of a conversation, as a person would send it;
            // one whose warning sign makes the triage take over the reply is answered rightly.
            for (question, field) in [(entry.title, "title")] + entry.examples.map({ ($0, "examples") }) {
                var conversation = Conversation()
                if Engine.triageIntents.contains(engine.reply(to: question, in: &conversation).intent) { continue }
                let (reached, offered, kind) = responder.understandFirst(question)
                guard reached != entry.id else { continue }
                // A broad topic's question answered by one of its own specific entries is answered.
                if entry.isBroad, let reached, self.entry(id: reached)?.topic == entry.id { continue }
                let what: String
                if let reached {
                    what = "`\(reached)`\(kind == .report ? " (read as a report of one's own back pain)" : "")"
                } else if !offered.isEmpty {
                    what = "a question between \(offered.map { "`\($0)`" }.joined(separator: " and "))"
                } else {
                    what = kind == .notCovered ? "the \"nothing on that\" reply" : "the out-of-scope reply"
                }
                report(field, "\(field == "title" ? "the title" : "example") \"\(question)\" reaches \(what), not `\(entry.id)`")
            }
        }
        var owners: [[String]: String] = [:]
        for concept in vocabulary.concepts {
            for phrase in concept.phrases {
                let stems = TextAnalyzer.stems(of: phrase)
                if let owner = owners[stems], owner != concept.name {
                    diagnostics.append(
                        Diagnostic(
                            file: vocabularyPath, line: nil,
                            message: "\"\(phrase)\" is listed under both `\(owner)` and `\(concept.name)`"))
                }
                owners[stems] = concept.name
            }
        }
        // The dialogue cues may name entries this knowledge base lacks; they are then passed over.
        for (id, line) in cues.entryReferences where entry(id: id) == nil {
            diagnostics.append(Diagnostic(file: cuesPath, line: line, message: "entry `\(id)` does not exist, so this is never used"))
        }
        return diagnostics + triageLint()
    }

    /// The words of an answer, as a reader counts them.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
