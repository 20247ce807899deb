extension DialogueCues: CompiledByFields {
    /// Every stored property, in the order written.
    ///
    /// A test fails when a property is missing here (`CompiledKnowledgeTests`),
    /// and the build fails when one with content is.
    static var compiledFields: [CompiledField<DialogueCues>] {
        [
            .init("fillers", \.fillers),
            .init("more", \.more),
            .init("somethingElse", \.somethingElse),
            .init("instead", \.instead),
            .init("notWorking", \.notWorking),
            .init("nextStep", \.nextStep),
            .init("defaultNextStep", \.defaultNextStep),
            .init("suggestions", \.suggestions),
            .init("openers", \.openers),
            .init("pronouns", \.pronouns),
            .init(
                "smalltalk", \.smalltalk, as: { $0.map { CompiledPair($0.entry, $0.markers) } },
                from: { $0.map { (entry: $0.first, markers: $0.second) } }),
            .init("smalltalkWords", \.smalltalkWords),
            .init(
                "smalltalkMarkers", \.smalltalkMarkers, as: { $0.map { CompiledPair($0.entry, $0.phrase) } },
                from: { $0.map { (entry: $0.first, phrase: $0.second) } }),
            .init("emoji", \.emoji),
            .init("reportEntries", \.reportEntries),
            .init("flare", \.flare),
            .init("personal", \.personal),
            .init("time", \.time),
            .init("episode", \.episode),
            .init("help", \.help),
            .init("namingOpeners", \.namingOpeners),
            .init("questionWords", \.questionWords),
            .init("whWords", \.whWords),
            .init("audienceEntries", \.audienceEntries),
            .init("reconsider", \.reconsider),
            .init("frameWords", \.frameWords),
            .init("whatNow", \.whatNow),
            .init("asksWhere", \.asksWhere),
            .init("whereEntry", \.whereEntry),
            .init("doubts", \.doubts),
            .init("switchTopic", \.switchTopic),
            .init(
                "ellipses", \.ellipses, as: { $0.map { CompiledPair($0.entry, $0.phrases) } },
                from: { $0.map { (entry: $0.first, phrases: $0.second) } }),
            .init(
                "entryReferences", \.entryReferences, as: { $0.map { CompiledPair($0.id, $0.line) } },
                from: { $0.map { (id: $0.first, line: $0.second) } }),
        ]
    }
}
