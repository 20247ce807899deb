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
