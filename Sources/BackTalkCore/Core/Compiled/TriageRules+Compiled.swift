extension TriageRules.Condition: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        switch self {
        case .finding(let index):
            writer.writeTag(0)
            writer.write(index)
        case .population(let population):
            writer.writeTag(1)
            writer.write(population)
        }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        switch try reader.readTag() {
        case 0: self = .finding(try reader.read())
        case 1: self = .population(try reader.read())
        default: throw CompiledFormError("a rule condition in the compiled knowledge base is malformed")
        }
    }
}

extension TriageRules.Rule: CompiledCodable {
    // Without its examples: the knowledge base writes and reads those apart (``DeferredExamples``).
    func write(to writer: inout CompiledWriter) {
        writer.write(id)
        writer.write(clinical)
        writer.write(level)
        writer.write(when)
        writer.write(unless)
        writer.write(outcome)
        writer.write(unsureLevel)
        writer.write(unsureOutcome)
        writer.write(notice)
        writer.write(check)
        writer.write(question)
        writer.write(entry)
        writer.write(anyone)
        writer.write(line)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            id: try reader.read(), clinical: try reader.read(), level: try reader.read(), when: try reader.read(),
            unless: try reader.read(), outcome: try reader.read(), unsureLevel: try reader.read(),
            unsureOutcome: try reader.read(), notice: try reader.read(), check: try reader.read(),
            question: try reader.read(), entry: try reader.read(), anyone: try reader.read(),
            exampleList: ExampleList([]), counterExampleList: ExampleList([]), line: try reader.read())
    }
}

extension TriageRules: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(rules)
        writer.write(clinical.map { CompiledPair($0.id, CompiledPair($0.text, $0.line)) })
        writer.write(path)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let rules: [Rule] = try reader.read()
        let clinical = try reader.readPairs(String.self, CompiledPair<String, Int?>.self)
        self.init(
            rules: rules, clinical: clinical.map { (id: $0.0, text: $0.1.first, line: $0.1.second) },
            path: try reader.read())
    }
}

extension TriageRules.Population: CompiledCodable {}
