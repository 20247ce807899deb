/// Something done to each stored property of a ``CompiledByFields`` value, in
/// the order of its ``CompiledByFields/visitCompiledFields(_:_:)``: writing it,
/// reading it, or noting its name.
///
/// A visitor is generic over each property's type and goes through the property
/// by `inout`, so that reading the compiled form instantiates no key paths and
/// no closures' type metadata (as a list of key paths did, a tenth of start-up).
protocol CompiledFieldVisitor {
    /// Visits the property `name`, which holds `value`.
    mutating func visit<Value: CompiledCodable>(_ name: String, _ value: inout Value) throws(CompiledFormError)
}

extension CompiledFieldVisitor {
    /// Visits a property written as another type (a list of tuples as a list of pairs).
    mutating func visit<Value, Stored: CompiledCodable>(
        _ name: String, _ value: inout Value, as store: (Value) -> Stored, from load: (Stored) -> Value
    ) throws(CompiledFormError) {
        var stored = store(value)
        try visit(name, &stored)
        value = load(stored)
    }
}

/// A value whose compiled form is its stored properties, written and read in the
/// order ``visitCompiledFields(_:_:)`` visits them.
protocol CompiledByFields: CompiledCodable {
    /// Visits every stored property, in the order written; a test checks the names against the type's properties.
    static func visitCompiledFields<Visitor: CompiledFieldVisitor>(
        _ value: inout Self, _ visitor: inout Visitor
    ) throws(CompiledFormError)
    /// An empty value, for reading the fields into.
    init()
}

/// Writes each field.
private struct CompiledFieldWriter: CompiledFieldVisitor {
    var writer = CompiledWriter()
    mutating func visit<Value: CompiledCodable>(_ name: String, _ value: inout Value) { writer.write(value) }
}

/// Reads each field in place.
private struct CompiledFieldReader: CompiledFieldVisitor {
    var reader: CompiledReader
    mutating func visit<Value: CompiledCodable>(_ name: String, _ value: inout Value) throws(CompiledFormError) {
        value = try reader.read()
    }
}

/// Notes each field's name.
private struct CompiledFieldNames: CompiledFieldVisitor {
    var names: [String] = []
    mutating func visit<Value: CompiledCodable>(_ name: String, _ value: inout Value) { names.append(name) }
}

extension CompiledByFields {
    func write(to writer: inout CompiledWriter) {
        var copy = self
        // Swapped in and out, not copied: a copy of the bytes written so far would be copied again on the next write.
        var visitor = CompiledFieldWriter()
        swap(&writer, &visitor.writer)
        defer { swap(&writer, &visitor.writer) }
        // The writer throws nothing.
        try? Self.visitCompiledFields(&copy, &visitor)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init()
        var visitor = CompiledFieldReader(reader: reader)
        try Self.visitCompiledFields(&self, &visitor)
        reader = visitor.reader
    }

    /// The names of the fields, in the order written, for the test that checks them against the properties.
    static var compiledFieldNames: [String] {
        var value = Self()
        var visitor = CompiledFieldNames()
        try? visitCompiledFields(&value, &visitor)
        return visitor.names
    }
}
