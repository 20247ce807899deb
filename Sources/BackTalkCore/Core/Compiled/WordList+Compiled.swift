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
