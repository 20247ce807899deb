extension PhraseSet: CompiledCodable where Label: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(patterns.map { CompiledPair($0.pattern, $0.label) })
        writer.write(byWord)
        writer.write(byPrefix)
        writer.write(prefixLengths)
        writer.write(byNumber)
        writer.write(fillers)
        writer.write(maximumGap)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let patterns: [CompiledPair<PhrasePattern, Label>] = try reader.read()
        self.patterns = patterns.map { (pattern: $0.first, label: $0.second) }
        byWord = try reader.read()
        byPrefix = try reader.read()
        prefixLengths = try reader.read()
        byNumber = try reader.read()
        fillers = try reader.read()
        maximumGap = try reader.read()
        prefixGroups = Self.prefixGroups(byPrefix, lengths: prefixLengths)
        secondWords = self.patterns.map { Self.secondWord(of: $0.pattern) }
    }
}
