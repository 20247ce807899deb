extension PatternWord: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        switch self {
        case .word(let text):
            writer.writeTag(0)
            writer.write(text)
        case .prefix(let start):
            writer.writeTag(1)
            writer.write(start)
        case .atLeast(let bound):
            writer.writeTag(2)
            writer.write(bound)
        case .below(let bound):
            writer.writeTag(3)
            writer.write(bound)
        case .feverTemperature: writer.writeTag(4)
        }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        switch try reader.readTag() {
        case 0: self = .word(try reader.read())
        case 1: self = .prefix(try reader.read())
        case 2: self = .atLeast(try reader.read())
        case 3: self = .below(try reader.read())
        case 4: self = .feverTemperature
        default: throw CompiledFormError("a phrase word in the compiled knowledge base is malformed")
        }
    }
}

extension PhrasePattern: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(words)
        writer.write(text)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        words = try reader.read()
        text = try reader.read()
    }
}
