/// The learnt model's weights: floats as training leaves them, or as the
/// compiled form stores them (five bytes of seven bits each), read where they lie.
///
/// The compiled weights are most of the compiled knowledge base (about 1.5
/// million floats): decoding them all would cost the start-up most of its time,
/// while a reply reads only the rows of the words it has.
struct WeightTable: Sendable {
    private enum Storage: Sendable {
        case floats([Float])
        case packed(PackedBytes)
    }

    private let storage: Storage
    let count: Int

    init(_ floats: [Float]) {
        storage = .floats(floats)
        count = floats.count
    }

    /// `count` floats packed as ``CompiledWriter/writeFixed(_:bits:)`` writes them.
    init(packed bytes: PackedBytes, count: Int) {
        storage = .packed(bytes)
        self.count = count
    }

    /// Bytes a packed float takes.
    static let packedWidth = 5

    /// Adds `scores.count` weights starting at `start` to `scores`.
    func add(from start: Int, to scores: inout [Float]) {
        // The bounds are checked once, not for every weight: a reply adds a row per word it knows.
        precondition(start >= 0 && start + scores.count <= count, "a row of weights out of range")
        switch storage {
        case .floats(let floats):
            floats.withUnsafeBufferPointer { source in
                scores.withUnsafeMutableBufferPointer { target in
                    for index in target.indices { target[index] += source[start + index] }
                }
            }
        case .packed(let packed):
            packed.withBytes { bytes in
                precondition((start + scores.count) * Self.packedWidth <= bytes.count, "a row of weights out of range")
                scores.withUnsafeMutableBufferPointer { target in
                    var offset = start * Self.packedWidth
                    for index in target.indices {
                        target[index] += Self.unpack(bytes, at: offset)
                        offset += Self.packedWidth
                    }
                }
            }
        }
    }

    /// Every weight, in order.
    var floats: [Float] {
        switch storage {
        case .floats(let floats): return floats
        case .packed(let packed):
            return packed.withBytes { bytes in (0..<count).map { Self.unpack(bytes, at: $0 * Self.packedWidth) } }
        }
    }

    @inline(__always)
    private static func unpack(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Float {
        var bits = UInt32(bytes[offset])
        bits |= UInt32(bytes[offset + 1]) << 7
        bits |= UInt32(bytes[offset + 2]) << 14
        bits |= UInt32(bytes[offset + 3]) << 21
        bits |= UInt32(bytes[offset + 4]) << 28
        return Float(bitPattern: bits)
    }

    /// The packed bytes, to write them again as they are.
    var packedBytes: PackedBytes? {
        if case .packed(let packed) = storage { return packed }
        return nil
    }
}

extension WeightTable: Hashable {
    static func == (lhs: WeightTable, rhs: WeightTable) -> Bool {
        lhs.count == rhs.count && lhs.floats == rhs.floats
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
    }
}

// Reflection (the compiled form's check against the loaded knowledge base) sees the weights, however stored.
extension WeightTable: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["weights": floats]) }
}

/// Bytes of the compiled form kept as they are: an array of their own, or the
/// library's embedded compiled form, which lives as long as the program.
struct PackedBytes: @unchecked Sendable {
    // @unchecked: the pointer is only ever to the embedded string literal, constant for the life of the program.
    private enum Storage {
        case owned([UInt8])
        case constant(UnsafeRawBufferPointer)
    }

    private let storage: Storage

    init(owned bytes: [UInt8]) {
        storage = .owned(bytes)
    }

    /// Bytes that never move or change while the program runs: a string literal's.
    init(constant bytes: UnsafeRawBufferPointer) {
        storage = .constant(bytes)
    }

    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch storage {
        case .owned(let bytes): return bytes.withUnsafeBytes(body)
        case .constant(let bytes): return body(bytes)
        }
    }

    var count: Int {
        switch storage {
        case .owned(let bytes): return bytes.count
        case .constant(let bytes): return bytes.count
        }
    }
}

// Reflection (the compiled form's check against the loaded knowledge base) sees the bytes, wherever they lie.
extension PackedBytes: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["bytes": withBytes { Array($0) }]) }
}
