extension TypoCorrector: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(words)
        writer.write(frequencies)
        writer.write(longest)
        writer.write(starts)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        // The words stay as bytes where they lie: a lookup compares a few dozen of them.
        let words: ByteStrings = try reader.read()
        let frequencies: NumberList = try reader.read()
        let longest: Int = try reader.read()
        let starts: NumberList = try reader.read()
        self.init(words: words, frequencies: frequencies, longest: longest, starts: starts)
        let malformed = CompiledFormError("the typo corrector in the compiled knowledge base is malformed")
        guard frequencies.count == words.count, longest >= 0, longest < 1 << 20, starts.count == 26 * (longest + 2) + 1 else {
            throw malformed
        }
        // The library's own bytes were checked by the build; others must be what the words give.
        guard !reader.isConstant else { return }
        var vocabulary: [String: Int] = [:]
        for position in 0..<words.count { vocabulary[words.string(at: position)] = frequencies[position] }
        let rebuilt = TypoCorrector(vocabulary: vocabulary)
        guard rebuilt.longest == longest, rebuilt.words.count == words.count, Array(rebuilt.starts) == Array(starts),
            Array(rebuilt.frequencies) == Array(frequencies),
            (0..<words.count).allSatisfy({ position in
                rebuilt.words.withBytes(at: position) { rebuiltWord in words.withBytes(at: position) { rebuiltWord.elementsEqual($0) } }
            })
        else { throw malformed }
    }
}
