/// Reads what ``CompiledWriter`` wrote, in place, checking every bound.
struct CompiledReader {
    private let bytes: UnsafeRawBufferPointer
    /// Whether `bytes` are constant for the life of the program (the embedded literal).
    private let constant: Bool
    private(set) var offset = 0

    /// Reads `bytes`, which must outlive the reader; `constant` if they never change
    /// or go while the program runs, so that what is read may point into them.
    init(_ bytes: UnsafeRawBufferPointer, constant: Bool = false) {
        self.bytes = bytes
        self.constant = constant
    }

    /// Whether the bytes are constant for the life of the program (the embedded
    /// literal, which the build checked): what is read from them needs no checking.
    var isConstant: Bool { constant }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// How many bytes are left to read.
    var remaining: Int { bytes.count - offset }

    private mutating func byte() throws(CompiledFormError) -> UInt8 {
        guard offset < bytes.count else { throw CompiledFormError("the compiled knowledge base ends early (at byte \(offset))") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt() throws(CompiledFormError) -> UInt64 {
        // Most numbers (counts, lengths, tags) are below 64, one byte: read without the loop.
        if offset < bytes.count, bytes[offset] < 64 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard next < 128, shift < 64 else { throw CompiledFormError("a number in the compiled knowledge base is malformed") }
            value |= UInt64(next & 63) << shift
            if next < 64 { return value }
            shift += 6
        }
    }

    mutating func readInt() throws(CompiledFormError) -> Int {
        let zigzag = try readUInt()
        return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    mutating func readTag() throws(CompiledFormError) -> Int {
        try readInt()
    }

    /// A count of things that follow, each taking at least one byte: a larger one is corrupt.
    mutating func readCount() throws(CompiledFormError) -> Int {
        let count = try readUInt()
        guard count <= UInt64(bytes.count - offset) else { throw CompiledFormError("a count in the compiled knowledge base is too large") }
        return Int(count)
    }

    mutating func readFixed(bits count: Int) throws(CompiledFormError) -> UInt64 {
        let length = (count + 6) / 7
        guard length <= bytes.count - offset else { throw CompiledFormError("the compiled knowledge base ends early") }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        // Shifts below 64 (at most ten bytes), so the unchecked shift gives what `<<` gives.
        for byte in UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]) {
            value |= UInt64(byte & 127) &<< shift
            shift &+= 7
        }
        offset += length
        return value
    }

    mutating func readString() throws(CompiledFormError) -> String {
        let count = try readCount()
        let start = offset
        offset += count
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// A string's bytes, where they lie: valid while the bytes being read are.
    mutating func readSlice() throws(CompiledFormError) -> UnsafeRawBufferPointer {
        let count = try readCount()
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func readBool() throws(CompiledFormError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CompiledFormError("a yes/no in the compiled knowledge base is malformed (at byte \(offset - 1))")
        }
    }

    /// The next `count` bytes, kept as they are: where they lie if they are
    /// constant, otherwise copied.
    mutating func readPacked(_ count: Int) throws(CompiledFormError) -> PackedBytes {
        guard count >= 0, count <= bytes.count - offset else { throw CompiledFormError("the compiled knowledge base ends early") }
        defer { offset += count }
        let region = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        return constant ? PackedBytes(constant: region) : PackedBytes(owned: Array(region))
    }
}

/// The compiled form of a knowledge base could not be read: it is corrupt, or
/// was written by another version of the engine.
struct CompiledFormError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
