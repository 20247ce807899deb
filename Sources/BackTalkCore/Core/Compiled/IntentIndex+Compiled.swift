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
        writer.write(coveragePostings.map { postings in postings.map { CompiledPair($0.entry, $0.credit) } })
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
        let count = try reader.readCount()
        var coverage: [[(entry: Int32, credit: Double)]] = []
        coverage.reserveCapacity(count)
        for _ in 0..<count { coverage.append(try reader.readPairs(Int32.self, Double.self).map { (entry: $0.0, credit: $0.1) }) }
        coveragePostings = coverage
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
    }
}
