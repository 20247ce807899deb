/// One stored property of a type whose compiled form is a list of fields, named
/// as the property is so that a test can check the list against the type's
/// properties (``DialogueCues``, which others extend often).
struct CompiledField<Root> {
    let name: String
    let write: (Root, inout CompiledWriter) -> Void
    let read: (inout Root, inout CompiledReader) throws(CompiledFormError) -> Void

    /// A property written as it is.
    init<Value: CompiledCodable>(_ name: String, _ path: WritableKeyPath<Root, Value>) {
        self.name = name
        write = { root, writer in writer.write(root[keyPath: path]) }
        read = { (root: inout Root, reader: inout CompiledReader) throws(CompiledFormError) in root[keyPath: path] = try reader.read() }
    }

    /// A property written as another type (a list of tuples as a list of pairs).
    init<Value, Stored: CompiledCodable>(
        _ name: String, _ path: WritableKeyPath<Root, Value>, as store: @escaping (Value) -> Stored,
        from load: @escaping (Stored) -> Value
    ) {
        self.name = name
        write = { root, writer in writer.write(store(root[keyPath: path])) }
        read = { (root: inout Root, reader: inout CompiledReader) throws(CompiledFormError) in root[keyPath: path] = load(try reader.read())
        }
    }
}

/// A value whose compiled form is its ``compiledFields``, written and read in that order.
protocol CompiledByFields: CompiledCodable {
    /// Every stored property, in the order written; a test checks the list against the type's properties.
    static var compiledFields: [CompiledField<Self>] { get }
    /// An empty value, for reading the fields into.
    init()
}

extension CompiledByFields {
    func write(to writer: inout CompiledWriter) {
        for field in Self.compiledFields { field.write(self, &writer) }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init()
        for field in Self.compiledFields { try field.read(&self, &reader) }
    }
}
