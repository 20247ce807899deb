/// Two values written one after the other: the compiled form of a tuple, which
/// cannot conform to a protocol itself.
struct CompiledPair<First: CompiledCodable, Second: CompiledCodable>: CompiledCodable {
    var first: First
    var second: Second

    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    func write(to writer: inout CompiledWriter) {
        writer.write(first)
        writer.write(second)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        first = try reader.read()
        second = try reader.read()
    }
}
