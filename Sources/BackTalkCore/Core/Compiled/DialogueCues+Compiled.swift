extension DialogueCues: CompiledByFields {
    /// Every stored property, in the order written.
    ///
    /// A test fails when a property is missing here (`CompiledKnowledgeTests`),
    /// and the build fails when one with content is.
    static func visitCompiledFields<Visitor: CompiledFieldVisitor>(
        _ value: inout DialogueCues, _ visitor: inout Visitor
    ) throws(CompiledFormError) {
        try visitor.visit("fillers", &value.fillers)
        try visitor.visit("more", &value.more)
        try visitor.visit("somethingElse", &value.somethingElse)
        try visitor.visit("instead", &value.instead)
        try visitor.visit("notWorking", &value.notWorking)
        try visitor.visit("nextStep", &value.nextStep)
        try visitor.visit("defaultNextStep", &value.defaultNextStep)
        try visitor.visit("suggestions", &value.suggestions)
        try visitor.visit("openers", &value.openers)
        try visitor.visit("pronouns", &value.pronouns)
        try visitor.visit("referents", &value.referents)
        try visitor.visit("referentPronouns", &value.referentPronouns)
        try visitor.visit(
            "smalltalk", &value.smalltalk, as: { $0.map { CompiledPair($0.entry, $0.markers) } },
            from: { $0.map { (entry: $0.first, markers: $0.second) } })
        try visitor.visit("smalltalkWords", &value.smalltalkWords)
        try visitor.visit(
            "smalltalkMarkers", &value.smalltalkMarkers, as: { $0.map { CompiledPair($0.entry, $0.phrase) } },
            from: { $0.map { (entry: $0.first, phrase: $0.second) } })
        try visitor.visit("smalltalkVocabulary", &value.smalltalkVocabulary)
        try visitor.visit("emoji", &value.emoji)
        try visitor.visit("reportEntries", &value.reportEntries)
        try visitor.visit("flare", &value.flare)
        try visitor.visit("personal", &value.personal)
        try visitor.visit("time", &value.time)
        try visitor.visit("episode", &value.episode)
        try visitor.visit("help", &value.help)
        try visitor.visit("namingOpeners", &value.namingOpeners)
        try visitor.visit("questionWords", &value.questionWords)
        try visitor.visit("whWords", &value.whWords)
        try visitor.visit("audienceEntries", &value.audienceEntries)
        try visitor.visit("reconsider", &value.reconsider)
        try visitor.visit("frameWords", &value.frameWords)
        try visitor.visit("whatNow", &value.whatNow)
        try visitor.visit("asksWhere", &value.asksWhere)
        try visitor.visit("whereEntry", &value.whereEntry)
        try visitor.visit("doubts", &value.doubts)
        try visitor.visit("switchTopic", &value.switchTopic)
        try visitor.visit("ellipses", &value.ellipses)
        try visitor.visit("together", &value.together)
        try visitor.visit("togetherEntries", &value.togetherEntries)
        try visitor.visit("togetherApart", &value.togetherApart)
        try visitor.visit(
            "entryReferences", &value.entryReferences, as: { $0.map { CompiledPair($0.id, $0.line) } },
            from: { $0.map { (id: $0.first, line: $0.second) } })
    }
}

// Written as a pair of the entry and the phrases was, so the layout is the same.
extension DialogueCues.Ellipsis: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(entry)
        writer.write(phrases)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(entry: try reader.read(), phrases: try reader.read())
    }
}
