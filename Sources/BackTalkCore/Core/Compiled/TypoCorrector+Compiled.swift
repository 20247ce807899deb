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
