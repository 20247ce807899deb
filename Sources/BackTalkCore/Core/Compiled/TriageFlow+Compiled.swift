extension TriageFlow.Question: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(id)
        writer.write(ask)
        writer.write(askOther)
        writer.write(rephrasings)
        writer.write(asks)
        writer.write(covers)
        writer.write(onlyIf)
        writer.write(noIf)
        writer.write(notIf)
        writer.write(onlyFor)
        writer.write(notFor)
        writer.write(line)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            id: try reader.read(), ask: try reader.read(), askOther: try reader.read(), rephrasings: try reader.read(),
            asks: try reader.read(), covers: try reader.read(), onlyIf: try reader.read(), noIf: try reader.read(),
            notIf: try reader.read(), onlyFor: try reader.read(), notFor: try reader.read(), line: try reader.read())
    }
}

extension TriageFlow.Outcome: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(id)
        writer.write(level)
        writer.write(text)
        writer.write(line)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(id: try reader.read(), level: try reader.read(), text: try reader.read(), line: try reader.read())
    }
}

extension TriageFlow.LevelNote: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(outcome)
        writer.write(reminder)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(outcome: try reader.read(), reminder: try reader.read())
    }
}

extension TriageFlow.Texts: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        for text in [unclear, takenAsNotSure, backToQuestion, unsure, left, offer, screenClear, noted, notCovered] {
            writer.write(text)
        }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            unclear: try reader.read(), takenAsNotSure: try reader.read(), backToQuestion: try reader.read(),
            unsure: try reader.read(), left: try reader.read(), offer: try reader.read(),
            screenClear: try reader.read(), noted: try reader.read(), notCovered: try reader.read())
    }
}

extension TriageFlow.Check: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(name)
        writer.write(questions)
        writer.write(line)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(name: try reader.read(), questions: try reader.read(), line: try reader.read())
    }
}

extension AnswerReader.Reading: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        switch self {
        case .answer(let answer):
            writer.writeTag(0)
            writer.write(answer)
        case .stop: writer.writeTag(1)
        case .accept: writer.writeTag(2)
        }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        switch try reader.readTag() {
        case 0: self = .answer(try reader.read())
        case 1: self = .stop
        case 2: self = .accept
        default: throw CompiledFormError("an answer reading in the compiled knowledge base is malformed")
        }
    }
}

extension AnswerReader: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(leading.map { CompiledPair($0.pattern, $0.reading) })
        writer.write(whole.map { CompiledPair($0.pattern, $0.reading) })
        writer.write(courtesy)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let leading = try reader.readPairs(PhrasePattern.self, Reading.self)
        let whole = try reader.readPairs(PhrasePattern.self, Reading.self)
        self.init(
            leading: leading.map { (pattern: $0.0, reading: $0.1) }, whole: whole.map { (pattern: $0.0, reading: $0.1) },
            courtesy: try reader.read())
    }
}

extension TriageFlow: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(checks)
        writer.write(questions)
        writer.write(questionOrder)
        writer.write(outcomes)
        writer.write(outcomeOrder)
        writer.write(levels)
        writer.write(texts)
        writer.write(answers)
        writer.write(fullCheck)
        writer.write(screenCheck)
        writer.write(clearOutcome)
        writer.write(path)
        writer.write(lint)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(
            checks: try reader.read(), questions: try reader.read(), questionOrder: try reader.read(),
            outcomes: try reader.read(), outcomeOrder: try reader.read(), levels: try reader.read(),
            texts: try reader.read(), answers: try reader.read(), fullCheck: try reader.read(),
            screenCheck: try reader.read(), clearOutcome: try reader.read(), path: try reader.read())
        lint = try reader.read()
    }
}

extension TriageFlow.LintPhrases: CompiledByFields {
    /// Every stored property, in the order written (checked as ``Language/visitCompiledFields(_:_:)`` is).
    static func visitCompiledFields<Visitor: CompiledFieldVisitor>(
        _ value: inout TriageFlow.LintPhrases, _ visitor: inout Visitor
    ) throws(CompiledFormError) {
        try visitor.visit("reversedYes", &value.reversedYes)
        try visitor.visit("softening", &value.softening)
        try visitor.visit("warningSigns", &value.warningSigns)
    }
}
