extension StemmerName: CompiledCodable {}

extension Language: CompiledByFields {
    /// Every stored property, in the order written.
    ///
    /// A test fails when a property is missing here (`CompiledKnowledgeTests`),
    /// and the build fails when one with content is.
    static func visitCompiledFields<Visitor: CompiledFieldVisitor>(
        _ value: inout Language, _ visitor: inout Visitor
    ) throws(CompiledFormError) {
        try visitor.visit("name", &value.name)
        try visitor.visit("stemmerName", &value.stemmerName)
        try visitor.visit("lexicon", &value.lexicon)
    }
}

extension Lexicon: CompiledByFields {
    /// Every stored property, in the order written (checked as ``Language/visitCompiledFields(_:_:)`` is).
    static func visitCompiledFields<Visitor: CompiledFieldVisitor>(
        _ value: inout Lexicon, _ visitor: inout Visitor
    ) throws(CompiledFormError) {
        try visitor.visit("expansions", &value.expansions)
        try visitor.visit(
            "apostropheSuffixes", &value.apostropheSuffixes, as: { $0.map { CompiledPair($0.suffix, $0.word) } },
            from: { $0.map { (suffix: $0.first, word: $0.second) } })
        try visitor.visit("possessive", &value.possessive)
        try visitor.visit("possessiveReadAsWordAfter", &value.possessiveReadAsWordAfter)
        try visitor.visit("clauseWords", &value.clauseWords)
        try visitor.visit("stopWords", &value.stopWords)
        try visitor.visit("questionWords", &value.questionWords)
        try visitor.visit("commonWords", &value.commonWords)
        try visitor.visit("ordinals", &value.ordinals)
        try visitor.visit("phraseFillers", &value.phraseFillers)
        try visitor.visit("stems", &value.stems)
    }
}
