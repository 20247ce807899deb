extension PhraseSet: CompiledCodable where Label: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(records)
        writer.write(byWord)
        writer.write(NumberList(secondWords.map(Int.init)))
        writer.write(byPrefix)
        writer.write(prefixLengths)
        writer.write(byNumber)
        writer.write(fillers)
        writer.write(maximumGap)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        // The phrases, the table by first word and the second words stay as bytes:
        // a reply reads the few its words reach.
        let records: ByteStrings = try reader.read()
        let byWord: StringKeyedLists = try reader.read()
        let secondWords: NumberList = try reader.read()
        let byPrefix: [String: [Int]] = try reader.read()
        let prefixLengths: [Int] = try reader.read()
        let byNumber: [Int] = try reader.read()
        self.init(fillers: try reader.read(), maximumGap: try reader.read())
        self.records = records
        self.byWord = byWord
        // Read into an array (see `secondWords`), each checked to fit.
        var second: [UInt32] = []
        second.reserveCapacity(secondWords.count)
        for key in secondWords {
            guard let narrow = UInt32(exactly: key) else {
                throw CompiledFormError("the phrases in the compiled knowledge base are malformed")
            }
            second.append(narrow)
        }
        self.secondWords = second
        self.byPrefix = byPrefix
        self.prefixLengths = prefixLengths
        self.byNumber = byNumber
        prefixGroups = Self.prefixGroups(byPrefix, lengths: prefixLengths)
        let count = records.count
        let malformed = CompiledFormError("the phrases in the compiled knowledge base are malformed")
        guard secondWords.count == count, byPrefix.values.joined().allSatisfy({ $0 >= 0 && $0 < count }),
            byNumber.allSatisfy({ $0 >= 0 && $0 < count })
        else { throw malformed }
        // The library's own bytes were checked by the build; others are checked here, once, so that matching can trust them.
        guard !reader.isConstant else { return }
        guard byWord.dictionary.values.joined().allSatisfy({ $0 < count }) else {
            throw malformed
        }
        for index in 0..<count {
            let valid = records.withBytes(at: index) { record in
                var recordReader = CompiledReader(record)
                return (try? recordReader.read(CompiledPair<PhrasePattern, Label>.self)) != nil && recordReader.isAtEnd
            }
            guard valid else { throw malformed }
        }
    }
}
