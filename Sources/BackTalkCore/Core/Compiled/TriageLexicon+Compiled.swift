extension TriageLexicon.Cue: CompiledCodable {}

extension TriageLexicon.Person.Gender: CompiledCodable {}

extension TriageLexicon.Finding.Kind: CompiledCodable {}

extension TriageLexicon.Person: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(id)
        writer.write(gender)
        writer.write(group)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(id: try reader.read(), gender: try reader.read(), group: try reader.read())
    }
}

extension TriageLexicon.Label: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        switch self {
        case .term(let index):
            writer.writeTag(0)
            writer.write(index)
        case .cue(let cue):
            writer.writeTag(1)
            writer.write(cue)
        case .ignore: writer.writeTag(2)
        case .person(let index):
            writer.writeTag(3)
            writer.write(index)
        case .writer: writer.writeTag(4)
        case .generic: writer.writeTag(5)
        case .pronoun(let gender):
            writer.writeTag(6)
            writer.write(gender)
        case .ageGroup(let group):
            writer.writeTag(7)
            writer.write(group)
        case .duration(let days):
            writer.writeTag(8)
            writer.write(days)
        }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        switch try reader.readTag() {
        case 0: self = .term(try reader.read())
        case 1: self = .cue(try reader.read())
        case 2: self = .ignore
        case 3: self = .person(try reader.read())
        case 4: self = .writer
        case 5: self = .generic
        case 6: self = .pronoun(try reader.read())
        case 7: self = .ageGroup(try reader.read())
        case 8: self = .duration(try reader.read())
        default: throw CompiledFormError("a phrase label in the compiled knowledge base is malformed")
        }
    }
}

extension TriageLexicon.Finding: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(id)
        writer.write(label)
        writer.write(kind)
        writer.write(alternatives)
        writer.write(needsNew)
        writer.write(offer)
        writer.write(window)
        writer.write(personal)
        writer.write(female)
        writer.write(line)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            id: try reader.read(), label: try reader.read(), kind: try reader.read(), alternatives: try reader.read(),
            needsNew: try reader.read(), offer: try reader.read(), window: try reader.read(),
            personal: try reader.read(), female: try reader.read(), line: try reader.read())
    }
}

extension TriageLexicon: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(terms)
        writer.write(findings)
        writer.write(people)
        writer.write(phrases)
        writer.write(questionStarts)
        writer.write(listWords)
        writer.write(negationReach)
        writer.write(numberWords)
        writer.write(timeUnits)
        writer.write(ageWords)
        writer.write(nonAgeUnits)
        writer.write(pregnancyTerms)
        writer.write(path)
        writer.write(vagueNumbers)
        writer.write(predicates)
        writer.write(objectWords)
        writer.write(pregnancySigns)
        writer.write(readingWords)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        // The designated initialiser also derives the finding index and the pain
        // terms, a look-up over a few hundred findings.
        self.init(
            terms: try reader.read(), findings: try reader.read(), people: try reader.read(),
            phrases: try reader.read(), questionStarts: try reader.read(), listWords: try reader.read(),
            negationReach: try reader.read(), numberWords: try reader.read(), timeUnits: try reader.read(),
            ageWords: try reader.read(), nonAgeUnits: try reader.read(), pregnancyTerms: try reader.read(),
            path: try reader.read())
        vagueNumbers = try reader.read()
        predicates = try reader.read()
        objectWords = try reader.read()
        pregnancySigns = try reader.read()
        readingWords = try reader.read()
    }
}
