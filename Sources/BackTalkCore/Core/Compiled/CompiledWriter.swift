/// Writes the compiled form of a knowledge base: a byte stream that reads back
/// without parsing or indexing anything.
///
/// Every byte it writes for a number is below 0x80 and every string is written
/// as its UTF-8, so the whole stream is valid UTF-8: the build embeds it in the
/// library as one string literal, which is read in place, with no decoding step.
struct CompiledWriter {
    private(set) var bytes: [UInt8] = []

    /// A whole number, six bits a byte, low bits first; bit 6 says more follow.
    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 64 {
            bytes.append(UInt8(truncatingIfNeeded: value & 63) | 64)
            value >>= 6
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// A signed number, zigzag-encoded so that small negative numbers stay short.
    mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    /// `count` bits of `value` in fixed groups of seven, so that every value takes the same room.
    mutating func writeFixed(_ value: UInt64, bits count: Int) {
        var shift = 0
        while shift < count {
            bytes.append(UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & 127))
            shift += 7
        }
    }

    /// A string: its length in bytes, then its UTF-8.
    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Bytes already written by another writer.
    mutating func append(_ written: [UInt8]) {
        bytes.append(contentsOf: written)
    }

    /// Bytes as they are: they must be valid UTF-8 (the text of a file), to keep the stream so.
    mutating func writeUTF8Bytes(_ value: [UInt8]) {
        write(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Which case of an enumeration follows.
    mutating func writeTag(_ tag: Int) {
        write(tag)
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }
}
