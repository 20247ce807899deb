/// The checks behind ``KnowledgeBase/lint()`` on the entries, the vocabulary and the dialogue
/// cues: what makes a knowledge base answer badly without stopping it loading.
struct KnowledgeLint {
    let knowledgeBase: KnowledgeBase

    func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let engine = Engine(knowledgeBase: knowledgeBase)
        for entry in knowledgeBase.entries {
            // Every loaded entry came from a file; the entry's id names it if that is ever not so.
            let (path, lines) = knowledgeBase.entryFiles[entry.id] ?? (entry.id, [:])
            func report(_ field: String, _ message: String) {
                diagnostics.append(Diagnostic(file: path, line: lines[field], message: message))
            }
            if entry.kind == .topic {
                let range = KnowledgeBase.answerWordRange
                let words = KnowledgeBase.wordCount(entry.answer)
                if !range.contains(words) {
                    report(
                        "answer",
                        "the answer has \(words) words; a topic's answer should have \(range.lowerBound) to \(range.upperBound)"
                            + (words > range.upperBound ? " (about 120): move the detail to `more`" : ""))
                }
                for variant in entry.variants where !range.contains(KnowledgeBase.wordCount(variant.answer)) {
                    let words = KnowledgeBase.wordCount(variant.answer)
                    report(
                        "variants",
                        "the answer for `\(variant.audience.rawValue)` has \(words) words; a topic's answer should have \(range.lowerBound) to \(range.upperBound)"
                            + (words > range.upperBound ? " (about 120): move the detail to `more`" : ""))
                }
            }
            if entry.examples.count < KnowledgeBase.minimumExamples {
                report("examples", "\(entry.examples.count) examples; at least \(KnowledgeBase.minimumExamples) are needed")
            }
            if entry.kind == .topic && entry.sources.isEmpty {
                report("sources", "a topic needs at least one source")
            }
            // Each example is read as the first message of a conversation, as a person would send it;
            // one whose warning sign makes the triage take over the reply is answered rightly.
            for (question, field) in [(entry.title, "title")] + entry.examples.map({ ($0, "examples") }) {
                var conversation = Conversation()
                if Engine.triageIntents.contains(engine.reply(to: question, in: &conversation).intent) { continue }
                let (reached, offered, kind) = knowledgeBase.firstReading(of: question)
                guard reached != entry.id else { continue }
                // A broad topic's question answered by one of its own specific entries is answered.
                if entry.isBroad, let reached, knowledgeBase.entry(id: reached)?.topic == entry.id { continue }
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
        for (concept, phrases) in knowledgeBase.conceptPhrases {
            for phrase in phrases {
                let stems = knowledgeBase.conceptStems(of: phrase)
                if let owner = owners[stems], owner != concept {
                    diagnostics.append(
                        Diagnostic(
                            file: knowledgeBase.vocabularyPath, line: nil,
                            message: "\"\(phrase)\" is listed under both `\(owner)` and `\(concept)`"))
                }
                owners[stems] = concept
            }
        }
        // The dialogue cues may name entries this knowledge base lacks; they are then passed over.
        for (id, line) in knowledgeBase.cueEntryReferences where knowledgeBase.entry(id: id) == nil {
            diagnostics.append(
                Diagnostic(file: knowledgeBase.cuesPath, line: line, message: "entry `\(id)` does not exist, so this is never used"))
        }
        return diagnostics
    }
}
