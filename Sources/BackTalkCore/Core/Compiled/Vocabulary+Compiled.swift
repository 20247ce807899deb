extension Vocabulary: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(concepts.map { CompiledPair($0.name, $0.phrases) })
        writer.write(anchors)
        writer.write(offTopic)
        writer.write(offTopicUnless)
        writer.write(offTopicAlways)
        writer.write(offTopicAlwaysUnless)
        writer.write(choiceWords)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            concepts: try reader.readPairs(String.self, [String].self), anchors: try reader.read(), offTopic: try reader.read(),
            offTopicUnless: try reader.read(), offTopicAlways: try reader.read(),
            offTopicAlwaysUnless: try reader.read(), choiceWords: try reader.read())
    }
}
