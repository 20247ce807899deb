extension CannedReplies: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        for text in [outOfScope, clarify, empty, unreadable, suggestionsIntro, notCovered, moreHint, noMore, subjectName] {
            writer.write(text)
        }
        writer.write(tooLong)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(outOfScope: try reader.read(), clarify: try reader.read(), empty: try reader.read(),
                  unreadable: try reader.read(), suggestionsIntro: try reader.read(), notCovered: try reader.read(),
                  moreHint: try reader.read(), noMore: try reader.read(), subjectName: try reader.read(),
                  tooLong: try reader.read())
    }
}
