extension PhraseTable: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        let (phrases, starts) = tables
        var joined: [String: String] = [:]
        for (stems, concept) in phrases { joined[stems.joined(separator: Self.separator)] = concept }
        writer.write(StringsByString(joined))
        writer.write(NumbersByString(starts))
        writer.write(longest)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let phrases: StringsByString = try reader.read()
        let starts: NumbersByString = try reader.read()
        self.init(packed: phrases, starts: starts, longest: try reader.read())
    }
}
