extension TriageLevel: CompiledCodable {}

extension AgeGroup: CompiledCodable {}

extension Answer: CompiledCodable {}

extension Triage: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(lexicon)
        writer.write(rules)
        writer.write(flow)
        writer.write(reader.anchoredOn.map { anchors in anchors.map { CompiledPair($0.finding, $0.alternative) } })
        writer.write(offerFindings)
        writer.write(screenFindings)
        writer.write(reader.clauseWords)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let lexicon: TriageLexicon = try reader.read()
        let rules: TriageRules = try reader.read()
        let flow: TriageFlow = try reader.read()
        let count = try reader.readCount()
        var anchoredOn: [[(Int, Int)]] = []
        anchoredOn.reserveCapacity(count)
        for _ in 0..<count { anchoredOn.append(try reader.readPairs(Int.self, Int.self)) }
        // The message reader shares the lexicon rather than holding a second copy.
        let offerFindings: Set<String> = try reader.read()
        let screenFindings: Set<Int> = try reader.read()
        let messageReader = MessageReader(
            lexicon: lexicon,
            anchoredOn: anchoredOn.map { anchors in anchors.map { (finding: $0.0, alternative: $0.1) } }, clauseWords: try reader.read())
        self.init(
            lexicon: lexicon, rules: rules, flow: flow, reader: messageReader, offerFindings: offerFindings,
            screenFindings: screenFindings)
    }
}
