extension WordList: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        // The bytes are a file's text, so they keep the stream valid UTF-8.
        writer.writeUTF8Bytes(bytes)
        writer.write(start)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        bytes = try reader.readBytes(try reader.readCount())
        start = try reader.read()
        guard start <= bytes.count else { throw CompiledFormError("the word list in the compiled knowledge base is malformed") }
    }
}

extension TypoCorrector: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(buckets.map { bucket in bucket.map { CompiledPair($0.word, $0.frequency) } })
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let buckets: [[CompiledPair<String, Int>]] = try reader.read()
        guard buckets.count == 26 else { throw CompiledFormError("the typo corrector in the compiled knowledge base is malformed") }
        // The bytes are the word's, kept beside it for speed; they need no sorting or hashing.
        self.buckets = buckets.map { bucket in bucket.map { Known(bytes: Array($0.first.utf8), frequency: $0.second, word: $0.first) } }
    }
}

extension PhraseTable: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(phrases)
        writer.write(starts)
        writer.write(longest)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        phrases = try reader.read()
        starts = try reader.read()
        longest = try reader.read()
    }
}

extension TextAnalyzer: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(phrases)
        writer.write(knownWords)
        writer.write(stemsOfKnownWords)
        writer.write(corrector)
        writer.write(dictionary)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        phrases = try reader.read()
        knownWords = try reader.read()
        stemsOfKnownWords = try reader.read()
        corrector = try reader.read()
        dictionary = try reader.read()
    }
}

extension LearnedModel: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(classCount)
        writer.write(features)
        writer.write(weights)
        writer.write(bias)
        writer.write(fingerprint)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(classCount: try reader.read(), features: try reader.read(), weights: try reader.read(),
                  bias: try reader.read(), fingerprint: try reader.read())
        guard weights.count == features.count * classCount, bias.count == classCount else {
            throw CompiledFormError("the learnt model in the compiled knowledge base is malformed")
        }
    }
}

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
        let coverage: [[CompiledPair<Int32, Double>]] = try reader.read()
        coveragePostings = coverage.map { postings in postings.map { (entry: $0.first, credit: $0.second) } }
        keywords = try reader.read()
        anchorIDs = try reader.read()
        offTopicKeys = try reader.read()
        offTopicUnlessKeys = try reader.read()
        choiceWords = try reader.read()
        entryCount = try reader.read()
        model = try reader.read()
        modelKnowsOutOfScope = try reader.read()
    }
}
