// The examples a knowledge base learnt from, and the same knowledge base learning from
// fewer of them: what cross-validation (BackTalkAuthoring) holds out and retrains.

extension KnowledgeBase {
    /// The classes cross-validation splits: each entry's examples, then the out-of-scope ones.
    package var exampleClasses: [(label: String, file: String, examples: [String], lines: [Int])] {
        source.entries.map { entry in
            (entry.id, source.entryFiles[entry.id]?.path ?? entry.id, entry.examples, source.exampleLines[entry.id] ?? [])
        }
            + (source.outOfScope.isEmpty
                ? []
                : [
                    (
                        Reply.Intent.outOfScope.rawValue, source.outOfScopeFile.path, source.outOfScope,
                        source.outOfScopeFile.lines
                    )
                ])
    }

    /// This knowledge base with only the examples `keep` accepts (by class, as in
    /// ``exampleClasses``, and position), its matcher trained on those.
    package func keepingExamples(_ keep: (_ kind: Int, _ example: Int) -> Bool) -> KnowledgeBase {
        var loaded = source
        for position in loaded.entries.indices {
            loaded.entries[position].examples = loaded.entries[position].examples.indices
                .filter { keep(position, $0) }.map { loaded.entries[position].examples[$0] }
        }
        loaded.outOfScope = loaded.outOfScope.indices.filter { keep(loaded.entries.count, $0) }.map { loaded.outOfScope[$0] }
        return KnowledgeBase(loaded: loaded, model: nil)
    }
}
