/// Two values written one after the other: the compiled form of a tuple, which
/// cannot conform to a protocol itself.
///
/// Its parameters are constrained by the conformance, not the type: a type with
/// constraints is made at run time by checking them, which searches every
/// conformance of the program (a tenth of a millisecond or more, at every start).
struct CompiledPair<First, Second> {
    var first: First
    var second: Second

    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }
}

extension CompiledPair: CompiledCodable where First: CompiledCodable, Second: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(first)
        writer.write(second)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        first = try reader.read()
        second = try reader.read()
    }
}

extension CompiledReader {
    /// A list of pairs as `[CompiledPair<First, Second>]` is written, read straight into tuples.
    ///
    /// A list of `CompiledPair`s would have its type made at run time, which checks that
    /// `First` and `Second` are `CompiledCodable` by searching every conformance of the
    /// program: a tenth of a millisecond or more for each such type, at every start.
    mutating func readPairs<First: CompiledCodable, Second: CompiledCodable>(
        _ first: First.Type = First.self, _ second: Second.Type = Second.self
    ) throws(CompiledFormError) -> [(First, Second)] {
        let count = try readCount()
        var pairs: [(First, Second)] = []
        pairs.reserveCapacity(count)
        for _ in 0..<count { pairs.append((try read(First.self), try read(Second.self))) }
        return pairs
    }
}
