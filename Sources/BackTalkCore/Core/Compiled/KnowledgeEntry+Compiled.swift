extension KnowledgeEntry.Kind: CompiledCodable {}
extension KnowledgeEntry.Audience: CompiledCodable {}

extension KnowledgeEntry: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(kind)
        writer.write(topic)
        writer.write(answer)
        writer.write(more)
        writer.write(variants)
        writer.write(keywords)
        writer.write(related)
        writer.write(sources)
    }

    /// Reads an entry without its examples: the knowledge base reads those apart (``DeferredExamples``).
    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            id: try reader.read(), title: try reader.read(), kind: try reader.read(), topic: try reader.read(String.self),
            answer: try reader.read(), more: try reader.read(), variants: try reader.read(),
            examples: [], keywords: try reader.read(), related: try reader.read(),
            sources: try reader.read())
    }
}

extension KnowledgeEntry.Variant: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(audience)
        writer.write(answer)
        writer.write(more)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(audience: try reader.read(), answer: try reader.read(), more: try reader.read())
    }
}
