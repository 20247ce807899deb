import Foundation

/// The examples of every entry and every triage rule, as the compiled form lays them out,
/// left unread until authoring (lint, evaluation, the topics list) first asks for one:
/// replies never read them, and decoding them was a third of the strings read at every start.
final class DeferredExamples: @unchecked Sendable {
    // @unchecked: `cached` is only read and written under `lock`; the bytes are the embedded literal's.
    private let bytes: PackedBytes
    private let lock = NSLock()
    private var cached: [[String]]?

    /// The lists as ``write(_:to:)`` wrote them, in bytes that last as long as the program.
    init(_ bytes: PackedBytes) {
        self.bytes = bytes
    }

    /// The list at `index`, all the lists read now if they have not been.
    func list(at index: Int) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let lists: [[String]]
        if let cached {
            lists = cached
        } else {
            // The build read these bytes back and checked them: they do not fail here.
            let read = bytes.withBytes { buffer -> [[String]]? in
                var reader = CompiledReader(buffer, constant: true)
                return try? reader.read([[String]].self)
            }
            lists = read ?? []
            cached = lists
        }
        return lists.indices.contains(index) ? lists[index] : []
    }

    /// Writes `lists` as a block that a reader can pass over without reading a string of it.
    static func write(_ lists: [[String]], to writer: inout CompiledWriter) {
        var block = CompiledWriter()
        block.write(lists)
        writer.write(UInt64(lists.count))
        writer.write(UInt64(block.bytes.count))
        writer.append(block.bytes)
    }

    /// Reads the block ``write(_:to:)`` wrote: left where it lies if the bytes are constant,
    /// otherwise read now (bytes handed in are checked as they are read).
    static func read(_ reader: inout CompiledReader) throws(CompiledFormError) -> [ExampleList] {
        let count = try reader.readCount()
        let length = try reader.readCount()
        if reader.isConstant {
            let table = DeferredExamples(try reader.readPacked(length))
            return (0..<count).map { ExampleList(deferred: table, at: $0) }
        }
        let start = reader.offset
        let lists: [[String]] = try reader.read()
        guard lists.count == count, reader.offset - start == length else {
            throw CompiledFormError("the compiled knowledge base's examples are malformed")
        }
        return lists.map(ExampleList.init)
    }
}
