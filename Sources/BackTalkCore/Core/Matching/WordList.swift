/// A sorted list of real words, for telling a real word from a typo.
///
/// Kept as the file's bytes and searched in place (binary search over lines),
/// so that loading it hashes none of its 65,000 words; the compiled form's copy
/// is searched where the library embeds it, without copying it.
struct WordList: Sendable {
    let bytes: PackedBytes
    /// Where the first word starts, after the comment lines.
    let start: Int

    /// An empty list: every word is unknown.
    init() {
        bytes = PackedBytes(owned: [])
        start = 0
    }

    /// The bytes of a list as ``init(text:)`` keeps them, and where its first word starts.
    init(bytes: PackedBytes, start: Int) {
        self.bytes = bytes
        self.start = start
    }

    /// Reads one word a line, sorted byte-wise, after `#` comment lines.
    init(text: String) {
        var bytes = Array(text.utf8)
        if bytes.last != 10 { bytes.append(10) }
        var start = 0
        while start < bytes.count, bytes[start] == 35 {
            while start < bytes.count, bytes[start] != 10 { start += 1 }
            start += 1
        }
        self.bytes = PackedBytes(owned: bytes)
        self.start = min(start, bytes.count)
    }

    /// Lines out of order, for lint: the search needs them sorted.
    var firstUnsortedLine: Int? {
        bytes.withBytes { bytes in firstUnsortedLine(in: bytes) }
    }

    private func firstUnsortedLine(in bytes: UnsafeRawBufferPointer) -> Int? {
        var previous = bytes[0..<0]
        var line = bytes[..<start].filter { $0 == 10 }.count + 1
        var position = start
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let word = bytes[position..<end]
            if !previous.isEmpty, !previous.lexicographicallyPrecedes(word) { return line }
            previous = word
            position = end + 1
            line += 1
        }
        return nil
    }

    func contains(_ word: String) -> Bool {
        let target = Array(word.utf8)
        return bytes.withBytes { bytes in
            var low = start
            var high = bytes.count
            while low < high {
                // The line that holds the middle byte.
                var lineStart = (low + high) / 2
                while lineStart > low, bytes[lineStart - 1] != 10 { lineStart -= 1 }
                var lineEnd = lineStart
                while lineEnd < high, bytes[lineEnd] != 10 { lineEnd += 1 }
                let line = bytes[lineStart..<lineEnd]
                if line.elementsEqual(target) { return true }
                if line.lexicographicallyPrecedes(target) { low = lineEnd + 1 } else { high = lineStart }
            }
            return false
        }
    }
}
