import Foundation

// Tables the compiled form lays out as bytes and the engine reads where they lie,
// so that reading the embedded knowledge base makes no Swift strings, arrays or
// dictionaries for them (making them was most of the start-up's time).
//
// Numbers are written in fixed groups of seven bits (as ``CompiledWriter/writeFixed(_:bits:)``
// does), the same number of bytes for each number of a table, so that the n-th is
// found without reading the others and the stream stays valid UTF-8.

extension CompiledWriter {
    /// `value`, which must be below 2^(7 × `width`), in `width` bytes of seven bits each.
    mutating func writeFixed(_ value: Int, width: Int) {
        writeFixed(UInt64(value), bits: 7 * width)
    }
}

/// Reads the number of `width` bytes at `offset` of `bytes` (the caller checked the bounds).
@inline(__always)
private func fixedNumber(_ bytes: UnsafeRawBufferPointer, at offset: Int, width: Int) -> Int {
    var value = 0
    var shift = 0
    for index in offset..<offset + width {
        value |= Int(bytes[index] & 127) << shift
        shift += 7
    }
    return value
}

/// The bytes a table's numbers take each: enough for the largest.
private func fixedWidth(for largest: Int) -> Int {
    var width = 1
    while largest >> (7 * width) > 0 { width += 1 }
    return width
}

/// A list of whole numbers that are never negative: an array while it is built,
/// or fixed-width bytes of the compiled form, read where they lie.
struct NumberList: Sendable {
    private enum Storage: Sendable {
        case array([Int])
        case packed(PackedBytes, width: Int)
    }

    private var storage: Storage
    private(set) var count: Int

    init(_ numbers: [Int] = []) {
        storage = .array(numbers)
        count = numbers.count
    }

    subscript(index: Int) -> Int {
        switch storage {
        case .array(let numbers): return numbers[index]
        case .packed(let bytes, let width):
            precondition(index >= 0 && index < count, "a number out of range")
            return bytes.withBytes { fixedNumber($0, at: index * width, width: width) }
        }
    }

    /// Adds `number` at the end (while building: a compiled list is copied out first).
    mutating func append(_ number: Int) {
        if case .array(var numbers) = storage {
            storage = .array([])
            numbers.append(number)
            storage = .array(numbers)
        } else {
            storage = .array(Array(self) + [number])
        }
        count += 1
    }

    /// Calls `body` with each number of `range`, in order, reading the bytes once.
    func forEach(in range: Range<Int>, _ body: (Int) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "numbers out of range")
        switch storage {
        case .array(let numbers): for index in range { body(numbers[index]) }
        case .packed(let bytes, let width):
            bytes.withBytes { bytes in
                for index in range { body(fixedNumber(bytes, at: index * width, width: width)) }
            }
        }
    }
}

extension NumberList: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }
}

extension NumberList: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        let width = fixedWidth(for: self.max() ?? 0)
        writer.write(UInt64(count))
        writer.write(UInt64(width))
        for number in self { writer.writeFixed(number, width: width) }
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let count = try reader.readCount()
        let width = Int(try reader.readUInt())
        guard width >= 1, width <= 9, count <= Int.max / width else {
            throw CompiledFormError("a table of numbers in the compiled knowledge base is malformed")
        }
        storage = .packed(try reader.readPacked(count * width), width: width)
        self.count = count
    }
}

// Reflection (the compiled form's check against the loaded knowledge base) sees the numbers, however stored.
extension NumberList: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["numbers": Array(self)]) }
}

/// Byte strings one after the other (words, or records of the compiled form),
/// the n-th found by where it ends.
struct ByteStrings: Sendable {
    private enum Storage: Sendable {
        case array([UInt8])
        case packed(PackedBytes)
    }

    private var storage: Storage
    /// Where each ends in the bytes.
    private var ends: NumberList

    init() {
        storage = .array([])
        ends = NumberList()
    }

    var count: Int { ends.count }

    /// Adds `bytes` at the end (while building).
    mutating func append(_ bytes: some Collection<UInt8>) {
        var all = allBytes
        storage = .array([])
        all.append(contentsOf: bytes)
        storage = .array(all)
        ends.append(all.count)
    }

    private var allBytes: [UInt8] {
        switch storage {
        case .array(let bytes): return bytes
        case .packed(let bytes): return bytes.withBytes { Array($0) }
        }
    }

    /// Calls `body` with the bytes of the string at `index`.
    func withBytes<Result>(at index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        switch storage {
        case .array(let bytes): return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        case .packed(let bytes): return bytes.withBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        }
    }

    /// The string at `index`, as text.
    func string(at index: Int) -> String {
        withBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }
}

extension ByteStrings: CompiledCodable {
    /// The strings must be valid UTF-8 each (text, or records written by a ``CompiledWriter``), to keep the stream so.
    func write(to writer: inout CompiledWriter) {
        writer.write(ends)
        let bytes = allBytes
        writer.write(UInt64(bytes.count))
        writer.append(bytes)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        ends = try reader.read()
        let bytes = try reader.readPacked(try reader.readCount())
        var previous = 0
        for end in ends {
            guard end >= previous, end <= bytes.count else {
                throw CompiledFormError("a table of strings in the compiled knowledge base is malformed")
            }
            previous = end
        }
        guard previous == bytes.count else { throw CompiledFormError("a table of strings in the compiled knowledge base is malformed") }
        storage = .packed(bytes)
    }
}

extension ByteStrings: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["strings": (0..<count).map { withBytes(at: $0) { Array($0) } }]) }
}

/// Strings by key, each with a list of numbers (the phrases that start with a
/// word): a dictionary while it is built, or the compiled form's hash table over
/// the keys' bytes, looked up where it lies.
///
/// Keys are kept in Unicode normalisation form C, and a key looked up is put into
/// that form first, so that the table finds what a dictionary of strings (which
/// compares them by canonical equivalence) finds. ASCII needs no normalising.
struct StringKeyedLists: Sendable {
    private enum Storage: Sendable {
        case dictionary([String: [Int]])
        /// Keys in their bytes' order; `slots` holds a key's index plus one at its hash (0: empty);
        /// `ends` where each key's list ends in `items`.
        case packed(keys: ByteStrings, slots: NumberList, ends: NumberList, items: NumberList)
    }

    private var storage: Storage

    init(_ dictionary: [String: [Int]] = [:]) {
        storage = .dictionary(dictionary)
    }

    /// The list of `key`, or `nil` if it has none.
    ///
    /// `body` gets the list, and what it returns is returned.
    func withList<Result>(of key: String, _ body: (NumberList.SubSequence) -> Result) -> Result? {
        switch storage {
        case .dictionary(let dictionary):
            guard let list = dictionary[key] else { return nil }
            return body(NumberList(list)[...])
        case .packed(let keys, let slots, let ends, let items):
            guard let index = Self.find(key, keys: keys, slots: slots) else { return nil }
            return body(items[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
        }
    }

    /// Whether there is no key.
    var isEmpty: Bool {
        switch storage {
        case .dictionary(let dictionary): return dictionary.isEmpty
        case .packed(let keys, _, _, _): return keys.count == 0
        }
    }

    /// Adds `number` to the list of `key` (while building).
    mutating func append(_ number: Int, to key: String) {
        var dictionary = self.dictionary
        storage = .dictionary([:])
        dictionary[key, default: []].append(number)
        storage = .dictionary(dictionary)
    }

    /// Every key and its list.
    var dictionary: [String: [Int]] {
        switch storage {
        case .dictionary(let dictionary): return dictionary
        case .packed(let keys, _, let ends, let items):
            var dictionary: [String: [Int]] = [:]
            for index in 0..<keys.count {
                dictionary[keys.string(at: index)] = Array(items[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
            }
            return dictionary
        }
    }

    /// The bytes a key is kept and looked up by: its UTF-8 in normalisation form C.
    private static func normalized(_ key: String) -> String {
        key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
    }

    /// FNV-1a of the bytes, 64 bits.
    private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var value: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Int(truncatingIfNeeded: value >> 1)
    }

    private static func find(_ key: String, keys: ByteStrings, slots: NumberList) -> Int? {
        guard slots.count > 0 else { return nil }
        var normalized = Self.normalized(key)
        return normalized.withUTF8 { target -> Int? in
            let mask = slots.count - 1
            var slot = hash(target) & mask
            // The table is at most half full: an empty slot ends every search.
            for _ in 0..<slots.count {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if keys.withBytes(at: entry - 1, { $0.elementsEqual(target) }) { return entry - 1 }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}

extension StringKeyedLists: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        // By the keys' bytes, so that the same lists always compile to the same bytes.
        let pairs = dictionary.map { (key: Array(Self.normalized($0.key).utf8), list: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var keys = ByteStrings()
        var ends: [Int] = []
        var items: [Int] = []
        for pair in pairs {
            keys.append(pair.key)
            items += pair.list
            ends.append(items.count)
        }
        var capacity = 1
        while capacity < 2 * pairs.count { capacity *= 2 }
        var slots = [Int](repeating: 0, count: pairs.isEmpty ? 0 : capacity)
        for (index, pair) in pairs.enumerated() {
            var slot = Self.hash(pair.key) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = index + 1
        }
        writer.write(keys)
        writer.write(NumberList(slots))
        writer.write(NumberList(ends))
        writer.write(NumberList(items))
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let keys: ByteStrings = try reader.read()
        let slots: NumberList = try reader.read()
        let ends: NumberList = try reader.read()
        let items: NumberList = try reader.read()
        // Checked once here, so that a lookup can trust them.
        let malformed = CompiledFormError("a table of the compiled knowledge base is malformed")
        guard ends.count == keys.count,
            slots.count == 0 ? keys.count == 0 : slots.count.nonzeroBitCount == 1 && slots.count >= 2 * keys.count
        else { throw malformed }
        var previous = 0
        for end in ends {
            guard end >= previous, end <= items.count else { throw malformed }
            previous = end
        }
        guard previous == items.count, slots.allSatisfy({ $0 <= keys.count }) else { throw malformed }
        storage = .packed(keys: keys, slots: slots, ends: ends, items: items)
    }
}

// Reflection sees the keys and their lists, however stored.
extension StringKeyedLists: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["lists": dictionary]) }
}
