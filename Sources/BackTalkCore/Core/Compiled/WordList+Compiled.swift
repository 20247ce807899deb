extension WordList: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        // The bytes are a file's text, so they keep the stream valid UTF-8.
        bytes.withBytes { writer.writeUTF8Bytes(Array($0)) }
        writer.write(start)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        // Left where they lie: a lookup reads a few lines of the 600 KB.
        let bytes = try reader.readPacked(try reader.readCount())
        let start: Int = try reader.read()
        guard start >= 0, start <= bytes.count else { throw CompiledFormError("the word list in the compiled knowledge base is malformed") }
        self.init(bytes: bytes, start: start)
    }
}
