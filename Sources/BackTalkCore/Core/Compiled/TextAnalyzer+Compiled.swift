extension TextAnalyzer: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(phrases)
        writer.write(stemsOfKnownWords)
        writer.write(corrector)
        writer.write(dictionary)
        writer.write(language)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        phrases = try reader.read()
        stemsOfKnownWords = try reader.read()
        corrector = try reader.read()
        dictionary = try reader.read()
        language = try reader.read()
    }
}
