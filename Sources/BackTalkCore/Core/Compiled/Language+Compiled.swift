extension StemmerName: CompiledCodable {}

extension Language: CompiledByFields {
    /// Every stored property, in the order written.
    ///
    /// A test fails when a property is missing here (`CompiledKnowledgeTests`),
    /// and the build fails when one with content is.
    static var compiledFields: [CompiledField<Language>] {
        [
            .init("name", \.name),
            .init("stemmerName", \.stemmerName),
            .init("lexicon", \.lexicon),
        ]
    }
}

extension Lexicon: CompiledByFields {
    /// Every stored property, in the order written (checked as ``Language/compiledFields`` is).
    static var compiledFields: [CompiledField<Lexicon>] {
        [
            .init("expansions", \.expansions),
            .init(
                "apostropheSuffixes", \.apostropheSuffixes, as: { $0.map { CompiledPair($0.suffix, $0.word) } },
                from: { $0.map { (suffix: $0.first, word: $0.second) } }),
            .init("possessive", \.possessive),
            .init("possessiveReadAsWordAfter", \.possessiveReadAsWordAfter),
            .init("clauseWords", \.clauseWords),
            .init("stopWords", \.stopWords),
            .init("questionWords", \.questionWords),
            .init("commonWords", \.commonWords),
            .init("ordinals", \.ordinals),
            .init("phraseFillers", \.phraseFillers),
            .init("stems", \.stems),
        ]
    }
}
