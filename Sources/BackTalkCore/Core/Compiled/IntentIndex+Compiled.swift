extension IntentIndex.Example: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(entry)
        writer.write(norm)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(entry: try reader.read(), norm: try reader.read())
    }
}

extension IntentIndex: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(analyzer)
        writer.write(termIDs)
        writer.write(idf)
        writer.write(unknownWeight)
        writer.write(examples)
        writer.write(examplePostings)
        writer.write(coveragePostings)
        writer.write(keywords)
        writer.write(anchorIDs)
        writer.write(offTopicKeys)
        writer.write(offTopicUnlessKeys)
        writer.write(offTopicAlwaysKeys)
        writer.write(offTopicAlwaysUnlessKeys)
        writer.write(choiceWords)
        writer.write(entryCount)
        writer.write(model)
        writer.write(modelKnowsOutOfScope)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        analyzer = try reader.read()
        termIDs = try reader.read()
        idf = try reader.read()
        unknownWeight = try reader.read()
        examples = try reader.read()
        examplePostings = try reader.read()
        coveragePostings = try reader.read()
        keywords = try reader.read()
        anchorIDs = try reader.read()
        offTopicKeys = try reader.read()
        offTopicUnlessKeys = try reader.read()
        offTopicAlwaysKeys = try reader.read()
        offTopicAlwaysUnlessKeys = try reader.read()
        choiceWords = try reader.read()
        entryCount = try reader.read()
        model = try reader.read()
        modelKnowsOutOfScope = try reader.read()
        // The term ids and postings are read without checking by every reply: bytes that are not
        // the library's own (which the build checked) are checked here, once.
        guard !reader.isConstant else { return }
        var fits =
            examplePostings.count == idf.count && coveragePostings.count == idf.count
            && termIDs.dictionary.values.allSatisfy { $0 >= 0 && $0 < idf.count }
            && keywords.count == entryCount && examples.allSatisfy { $0.entry >= 0 && $0.entry < entryCount }
        for term in 0..<idf.count where fits {
            examplePostings.forEach(at: term) { if $0 >= examples.count { fits = false } }
            coveragePostings.forEach(at: term) { if Self.coverage(of: $0).entry >= entryCount { fits = false } }
        }
        guard fits else { throw CompiledFormError("the index in the compiled knowledge base is malformed") }
    }
}
