/// A value that writes itself in the compiled form of a knowledge base and reads itself back.
///
/// Conformances list their stored properties by hand, for speed; the build
/// checks every compiled knowledge base against the one it was written from
/// (``StructuralDump``), so a property left out fails the build or the tests.
protocol CompiledCodable {
    func write(to writer: inout CompiledWriter)
    init(from reader: inout CompiledReader) throws(CompiledFormError)
}

extension CompiledWriter {
    mutating func write(_ value: some CompiledCodable) {
        value.write(to: &self)
    }
}

extension CompiledReader {
    mutating func read<Value: CompiledCodable>(_ type: Value.Type = Value.self) throws(CompiledFormError) -> Value {
        try Value(from: &self)
    }
}

extension CompiledWriter {
    /// The bytes `value` is written as, for sorting.
    static func bytes(of value: some CompiledCodable) -> [UInt8] {
        var writer = CompiledWriter()
        writer.write(value)
        return writer.bytes
    }
}

extension String: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.write(self) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) { self = try reader.readString() }
}

extension Int: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.write(self) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) { self = try reader.readInt() }
}

extension Int32: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.write(Int(self)) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let value = try reader.readInt()
        guard let narrow = Int32(exactly: value) else { throw CompiledFormError("a number in the compiled knowledge base is out of range") }
        self = narrow
    }
}

extension UInt32: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.write(UInt64(self)) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let value = try reader.readUInt()
        guard let narrow = UInt32(exactly: value) else {
            throw CompiledFormError("a number in the compiled knowledge base is out of range")
        }
        self = narrow
    }
}

extension UInt64: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.write(self) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) { self = try reader.readUInt() }
}

extension Bool: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.write(self) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) { self = try reader.readBool() }
}

// Floating-point numbers keep their exact bits: a compiled knowledge base must score like a loaded one.
extension Double: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.writeFixed(bitPattern, bits: 64) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) { self.init(bitPattern: try reader.readFixed(bits: 64)) }
}

extension Float: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.writeFixed(UInt64(bitPattern), bits: 32) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self.init(bitPattern: UInt32(truncatingIfNeeded: try reader.readFixed(bits: 32)))
    }
}

extension Unicode.Scalar: CompiledCodable {
    func write(to writer: inout CompiledWriter) { writer.write(UInt64(value)) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: try reader.readUInt())) else {
            throw CompiledFormError("a character in the compiled knowledge base is not a Unicode scalar")
        }
        self = scalar
    }
}

extension Optional: CompiledCodable where Wrapped: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(self != nil)
        if let self { writer.write(self) }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        self = try reader.readBool() ? try reader.read(Wrapped.self) : nil
    }
}

extension Array: CompiledCodable where Element: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(UInt64(count))
        for element in self { writer.write(element) }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let count = try reader.readCount()
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.read(Element.self)) }
    }
}

// Sets and dictionaries are written in the order of their elements' bytes, not
// their hash order, so that the same knowledge base always compiles to the same
// bytes and an unchanged one does not rebuild the library.
extension Set: CompiledCodable where Element: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(UInt64(count))
        var elements: [[UInt8]] = []
        for element in self { elements.append(CompiledWriter.bytes(of: element)) }
        for element in elements.sorted(by: { $0.lexicographicallyPrecedes($1) }) { writer.append(element) }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let count = try reader.readCount()
        self.init(minimumCapacity: count)
        for _ in 0..<count { insert(try reader.read(Element.self)) }
    }
}

extension Dictionary: CompiledCodable where Key: CompiledCodable, Value: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(UInt64(count))
        let pairs = map { (key: CompiledWriter.bytes(of: $0.key), value: $0.value) }
        for (key, value) in pairs.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            writer.append(key)
            writer.write(value)
        }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let count = try reader.readCount()
        self.init(minimumCapacity: count)
        for _ in 0..<count {
            let key = try reader.read(Key.self)
            self[key] = try reader.read(Value.self)
        }
    }
}

/// Enumerations with names write their name, so that reordering the cases changes nothing.
extension CompiledCodable where Self: RawRepresentable, RawValue == String {
    func write(to writer: inout CompiledWriter) { writer.write(rawValue) }
    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let name = try reader.readString()
        guard let value = Self(rawValue: name) else {
            throw CompiledFormError("`\(name)` in the compiled knowledge base is not a \(Self.self)")
        }
        self = value
    }
}
