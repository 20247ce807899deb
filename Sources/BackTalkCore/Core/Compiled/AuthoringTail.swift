import Foundation

/// What only writing a knowledge base reads of it (the files its entries came from, with
/// their lines, and the out-of-scope examples): read from the embedded compiled form the
/// first time it is asked for, not at every start (a tenth of reading the knowledge base).
final class AuthoringTail: @unchecked Sendable {
    // @unchecked: `cached` is only read and written under `lock`; the bytes are the embedded literal's.
    typealias Value = (
        entryFiles: [String: (path: String, lines: [String: Int])], outOfScope: [String],
        exampleLines: [String: [Int]], outOfScopeFile: (path: String, lines: [Int])
    )

    private let bytes: PackedBytes?
    private let lock = NSLock()
    private var cached: Value?

    /// The tail already read.
    init(_ value: Value) {
        bytes = nil
        cached = value
    }

    /// The tail as the compiled form lays it out, in bytes that last as long as the program.
    init(deferred bytes: PackedBytes) {
        self.bytes = bytes
    }

    /// The tail, read now if it has not been.
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        // The build read these bytes back and checked them: they do not fail here.
        let read = bytes?.withBytes { buffer -> Value? in
            var reader = CompiledReader(buffer, constant: true)
            return try? Self.read(&reader)
        }
        let value = (read ?? nil) ?? Self.empty
        cached = value
        return value
    }

    static let empty: Value = ([:], [], [:], ("", []))

    /// Writes the tail as ``read(_:)`` reads it.
    static func write(_ value: Value, to writer: inout CompiledWriter) {
        writer.write(value.entryFiles.mapValues { CompiledPair($0.path, $0.lines) })
        writer.write(value.outOfScope)
        writer.write(value.exampleLines)
        writer.write(CompiledPair(value.outOfScopeFile.path, value.outOfScopeFile.lines))
    }

    /// Reads the tail.
    static func read(_ reader: inout CompiledReader) throws(CompiledFormError) -> Value {
        let entryFiles: [String: CompiledPair<String, [String: Int]>] = try reader.read()
        let outOfScope: [String] = try reader.read()
        let exampleLines: [String: [Int]] = try reader.read()
        let outOfScopeFile: CompiledPair<String, [Int]> = try reader.read()
        return (
            entryFiles.mapValues { (path: $0.first, lines: $0.second) }, outOfScope, exampleLines,
            (path: outOfScopeFile.first, lines: outOfScopeFile.second)
        )
    }
}

// Reflection (the compiled form's check against the loaded knowledge base) sees the tail, read or not.
extension AuthoringTail: CustomReflectable {
    var customMirror: Mirror {
        let value = self.value
        return Mirror(
            self,
            children: [
                "entryFiles": value.entryFiles, "outOfScope": value.outOfScope, "exampleLines": value.exampleLines,
                "outOfScopeFile": value.outOfScopeFile,
            ])
    }
}
