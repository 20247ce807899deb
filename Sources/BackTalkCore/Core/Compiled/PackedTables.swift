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
    // The common widths unrolled (a table's width is the same for every number, so the branch is predicted):
    // the loop cost every lookup of a slot, an end or a model feature.
    switch width {
    case 1: return Int(bytes[offset] & 127)
    case 2: return Int(bytes[offset] & 127) | Int(bytes[offset + 1] & 127) << 7
    case 3: return Int(bytes[offset] & 127) | Int(bytes[offset + 1] & 127) << 7 | Int(bytes[offset + 2] & 127) << 14
    case 5:
        return Int(bytes[offset] & 127) | Int(bytes[offset + 1] & 127) << 7 | Int(bytes[offset + 2] & 127) << 14
            | Int(bytes[offset + 3] & 127) << 21 | Int(bytes[offset + 4] & 127) << 28
    default: break
    }
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

    // Inlined: a reply reads thousands of these (postings, second words, slots), and a call each cost it a sixth of its time.
    @inline(__always)
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
    @inline(__always)
    func forEach(in range: Range<Int>, _ body: (Int) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "numbers out of range")
        switch storage {
        case .array(let numbers): for index in range { body(numbers[index]) }
        case .packed(let bytes, let width):
            // The widths postings have, unrolled: a loop over a width not known here cost summing postings a third of its time.
            bytes.withBytes { bytes in
                switch width {
                case 1: for index in range { body(Int(bytes[index] & 127)) }
                case 2:
                    for index in range {
                        let offset = 2 * index
                        body(Int(bytes[offset] & 127) | Int(bytes[offset + 1] & 127) << 7)
                    }
                case 3:
                    for index in range {
                        let offset = 3 * index
                        body(Int(bytes[offset] & 127) | Int(bytes[offset + 1] & 127) << 7 | Int(bytes[offset + 2] & 127) << 14)
                    }
                default: for index in range { body(fixedNumber(bytes, at: index * width, width: width)) }
                }
            }
        }
    }
}

extension NumberList: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }
}

// Equal when the numbers are, however stored.
extension NumberList: Hashable {
    static func == (lhs: NumberList, rhs: NumberList) -> Bool { lhs.elementsEqual(rhs) }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for number in self { hasher.combine(number) }
    }
}

/// Lists of numbers by position (the examples or entries that hold a term), one
/// after the other: read where the compiled form lies, so that loading them makes
/// no array per list.
struct NumberLists: Sendable {
    /// Where each list ends in `items`.
    private let ends: NumberList
    private let items: NumberList

    init(_ lists: [[Int]]) {
        var ends: [Int] = []
        var items: [Int] = []
        ends.reserveCapacity(lists.count)
        for list in lists {
            items += list
            ends.append(items.count)
        }
        self.ends = NumberList(ends)
        self.items = NumberList(items)
    }

    /// How many lists there are.
    var count: Int { ends.count }

    /// Where the list at `position` lies in the items.
    private func range(_ position: Int) -> Range<Int> { (position == 0 ? 0 : ends[position - 1])..<ends[position] }

    /// How many numbers the list at `position` holds.
    func count(at position: Int) -> Int { range(position).count }

    /// Calls `body` with each number of the list at `position`, in order.
    @inline(__always)
    func forEach(at position: Int, _ body: (Int) -> Void) {
        items.forEach(in: range(position), body)
    }

    /// The list at `position`.
    subscript(position: Int) -> [Int] { Array(items[range(position)]) }
}

extension NumberLists: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(ends)
        writer.write(items)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        ends = try reader.read()
        items = try reader.read()
        // Checked once here, so that a list can be read without checking; the library's own
        // bytes were checked when the build read them.
        guard !reader.isConstant else { return }
        var previous = 0
        for end in ends {
            guard end >= previous, end <= items.count else { throw CompiledFormError("lists in the compiled knowledge base are malformed") }
            previous = end
        }
        guard previous == items.count else { throw CompiledFormError("lists in the compiled knowledge base are malformed") }
    }
}

// Reflection sees the lists, however stored.
extension NumberLists: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["lists": (0..<count).map { self[$0] }]) }
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
    @inline(__always)
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
        storage = .packed(bytes)
        // The library's own bytes were checked when the build read them: going through
        // every end again was a tenth of start-up. Others are checked here, once.
        guard !reader.isConstant else { return }
        var previous = 0
        for end in ends {
            guard end >= previous, end <= bytes.count else {
                throw CompiledFormError("a table of strings in the compiled knowledge base is malformed")
            }
            previous = end
        }
        guard previous == bytes.count else { throw CompiledFormError("a table of strings in the compiled knowledge base is malformed") }
    }
}

extension ByteStrings: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["strings": (0..<count).map { withBytes(at: $0) { Array($0) } }]) }
}

/// Distinct strings, each found by its position: a hash table over their bytes,
/// looked up where the compiled form lays it out.
///
/// Strings are kept in Unicode normalisation form C, and a string looked up is put
/// into that form first, so that the table finds what a dictionary of strings (which
/// compares them by canonical equivalence) finds. ASCII needs no normalising.
struct StringIndex: Sendable {
    /// The strings, in their bytes' order.
    let keys: ByteStrings
    /// A string's position plus one at its hash (0: an empty slot); at most half full.
    private let slots: NumberList

    /// The table of `keys`, which must be distinct; `keys(at:)` then gives them in their bytes' order.
    init(_ keys: some Sequence<String>) {
        let sorted = keys.map { Array(Self.normalized($0).utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var strings = ByteStrings()
        for key in sorted { strings.append(key) }
        var capacity = 1
        while capacity < 2 * sorted.count { capacity *= 2 }
        var slots = [Int](repeating: 0, count: sorted.isEmpty ? 0 : capacity)
        for (index, key) in sorted.enumerated() {
            var slot = Self.hash(key) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = index + 1
        }
        self.keys = strings
        self.slots = NumberList(slots)
    }

    var count: Int { keys.count }

    /// The string at `position`.
    func key(at position: Int) -> String { keys.string(at: position) }

    /// The position of `key`, or `nil` if it is not in the table.
    func position(of key: String) -> Int? {
        guard slots.count > 0 else { return nil }
        // The bytes are hashed and checked for ASCII in one pass; only a string that is not ASCII is normalised.
        var text = key
        let ascii: Int?? = text.withUTF8 { bytes in Self.asciiHash(bytes).map { find(bytes, hash: $0) } }
        if let found = ascii { return found }
        var normalized = key.precomposedStringWithCanonicalMapping
        return normalized.withUTF8 { find($0, hash: Self.hash($0)) }
    }

    /// The position of the string of bytes `target`, whose ``hash(_:)`` is `hash`.
    @inline(__always)
    private func find(_ target: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        let mask = slots.count - 1
        var slot = hash & mask
        // The table is at most half full: an empty slot ends every search.
        for _ in 0..<slots.count {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if keys.withBytes(at: entry - 1, { Self.equal($0, target) }) { return entry - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether `key` holds the bytes of `target`: lengths and first bytes before the rest,
    /// as most slots a search passes hold another string.
    @inline(__always)
    private static func equal(_ key: UnsafeRawBufferPointer, _ target: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == target.count else { return false }
        guard let keyStart = key.baseAddress, let targetStart = target.baseAddress else { return true }
        return key[0] == target[0] && memcmp(keyStart, targetStart, key.count) == 0
    }

    /// The form a string is kept and looked up in: normalisation form C.
    static func normalized(_ key: String) -> String {
        key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
    }

    /// ``hash(_:)`` of `bytes` if they are ASCII, else `nil`.
    @inline(__always)
    private static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var value: UInt64 = 14_695_981_039_346_656_037
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            value = (value ^ UInt64(byte)) &* 1_099_511_628_211
        }
        return high < 0x80 ? Int(truncatingIfNeeded: value >> 1) : nil
    }

    /// FNV-1a of the bytes, 64 bits, made non-negative.
    private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var value: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Int(truncatingIfNeeded: value >> 1)
    }
}

extension StringIndex: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        writer.write(keys)
        writer.write(slots)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        keys = try reader.read()
        slots = try reader.read()
        // Checked once here, so that a lookup can trust them.
        guard slots.count == 0 ? keys.count == 0 : slots.count.nonzeroBitCount == 1 && slots.count >= 2 * keys.count,
            reader.isConstant || slots.allSatisfy({ $0 <= keys.count })
        else { throw CompiledFormError("a table of strings in the compiled knowledge base is malformed") }
    }
}

// Reflection sees the strings, however stored.
extension StringIndex: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["keys": (0..<count).map(key(at:))]) }
}

/// A column of values laid out one after another in the compiled form, the n-th read by
/// its position: what ``ValuesByString`` keeps beside its ``StringIndex``.
protocol PackedColumn: CompiledCodable, Sendable {
    associatedtype Value
    /// The column of `values`, in their order.
    init(packing values: [Value])
    var count: Int { get }
    func value(at position: Int) -> Value
}

extension NumberList: PackedColumn {
    init(packing values: [Int]) { self.init(values) }
    @inline(__always)
    func value(at position: Int) -> Int { self[position] }
}

extension ByteStrings: PackedColumn {
    init(packing values: [String]) {
        self.init()
        for value in values { append(value.utf8) }
    }
    func value(at position: Int) -> String { string(at: position) }
}

/// Values by string, looked up where the compiled form lays them out: a term's id
/// (``NumbersByString``), a word's stem (``StringsByString``).
///
/// `Column` is constrained in the extensions, not here, so that making the type at run
/// time does not search the program's conformances (as with ``PhraseSet``).
struct ValuesByString<Column: Sendable>: Sendable {
    fileprivate let index: StringIndex
    /// The value of each string of `index`, in its order.
    fileprivate let values: Column
}

extension ValuesByString where Column: PackedColumn {
    init(_ dictionary: [String: Column.Value]) {
        index = StringIndex(dictionary.keys)
        var ordered = [Column.Value?](repeating: nil, count: dictionary.count)
        for (key, value) in dictionary {
            if let position = index.position(of: key) { ordered[position] = value }
        }
        values = Column(packing: ordered.compactMap { $0 })
    }

    subscript(key: String) -> Column.Value? { index.position(of: key).map { values.value(at: $0) } }

    /// Every string and its value.
    var dictionary: [String: Column.Value] {
        Dictionary(uniqueKeysWithValues: (0..<index.count).map { (index.key(at: $0), values.value(at: $0)) })
    }
}

/// Numbers by string (a term's id).
typealias NumbersByString = ValuesByString<NumberList>
/// Strings by string (a word's stem).
typealias StringsByString = ValuesByString<ByteStrings>

extension ValuesByString: CompiledCodable where Column: PackedColumn {
    func write(to writer: inout CompiledWriter) {
        writer.write(index)
        writer.write(values)
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        index = try reader.read()
        values = try reader.read()
        guard values.count == index.count else { throw CompiledFormError("a table of the compiled knowledge base is malformed") }
    }
}

extension ValuesByString: CustomReflectable where Column: PackedColumn {
    var customMirror: Mirror { Mirror(self, children: ["values": dictionary]) }
}

/// Strings by key, each with a list of numbers (the phrases that start with a
/// word): a dictionary while it is built, or the compiled form's ``StringIndex``
/// and lists, looked up where they lie.
struct StringKeyedLists: Sendable {
    private enum Storage: Sendable {
        case dictionary([String: [Int]])
        /// `ends` says where each key's list ends in `items`.
        case packed(index: StringIndex, ends: NumberList, items: NumberList)
    }

    private var storage: Storage

    init(_ dictionary: [String: [Int]] = [:]) {
        storage = .dictionary(dictionary)
    }

    /// The list of `key`, or `nil` if it has none: read where it lies, as a reply reads
    /// one for each word (copying each into an array cost an allocation a word).
    func list(of key: String) -> Slice<NumberList>? {
        switch storage {
        case .dictionary(let dictionary): return dictionary[key].map { NumberList($0)[...] }
        case .packed(let index, let ends, let items):
            guard let position = index.position(of: key) else { return nil }
            return items[(position == 0 ? 0 : ends[position - 1])..<ends[position]]
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
        case .packed(let index, let ends, let items):
            var dictionary: [String: [Int]] = [:]
            for position in 0..<index.count {
                dictionary[index.key(at: position)] = Array(items[(position == 0 ? 0 : ends[position - 1])..<ends[position]])
            }
            return dictionary
        }
    }
}

extension StringKeyedLists: CompiledCodable {
    func write(to writer: inout CompiledWriter) {
        let dictionary = self.dictionary
        let index = StringIndex(dictionary.keys)
        var ends: [Int] = []
        var items: [Int] = []
        for position in 0..<index.count {
            items += dictionary[index.key(at: position)] ?? []
            ends.append(items.count)
        }
        writer.write(index)
        writer.write(NumberList(ends))
        writer.write(NumberList(items))
    }

    init(from reader: inout CompiledReader) throws(CompiledFormError) {
        let index: StringIndex = try reader.read()
        let ends: NumberList = try reader.read()
        let items: NumberList = try reader.read()
        // Checked once here, so that a lookup can trust them.
        let malformed = CompiledFormError("a table of the compiled knowledge base is malformed")
        guard ends.count == index.count else { throw malformed }
        storage = .packed(index: index, ends: ends, items: items)
        // The library's own bytes were checked when the build read them.
        guard !reader.isConstant else { return }
        var previous = 0
        for end in ends {
            guard end >= previous, end <= items.count else { throw malformed }
            previous = end
        }
        guard previous == items.count else { throw malformed }
    }
}

// Reflection sees the keys and their lists, however stored.
extension StringKeyedLists: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["lists": dictionary]) }
}
