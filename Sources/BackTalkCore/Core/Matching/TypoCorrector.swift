/// Corrects misspelt words against a fixed list of known words.
///
/// Known words are grouped by first letter (rarely the one mistyped, and
/// requiring it keeps "flight" from becoming "light") and by length, so a lookup
/// compares a word with the few dozen known words it could be. The words are kept
/// as bytes, one after the other, which the compiled form's copy is read from where
/// it lies: building the corrector makes no string, which keeps start-up fast.
struct TypoCorrector: Sendable {
    /// Known words of three letters or more (a-z only), by first letter, then length, then bytes.
    let words: ByteStrings
    /// How often each word of `words` occurs in the knowledge base.
    let frequencies: NumberList
    /// The longest known word's length.
    let longest: Int
    /// For each letter and each length up to `longest + 1`, where its words of at
    /// least that length start in `words` (see ``start(letter:length:)``).
    let starts: NumberList

    /// Creates a corrector for `vocabulary`, a word → frequency table.
    init(vocabulary: [String: Int]) {
        var known: [(bytes: [UInt8], frequency: Int)] = []
        for (word, frequency) in vocabulary {
            let bytes = Array(word.utf8)
            guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { continue }
            known.append((bytes, frequency))
        }
        // Bytes of a-z compare as the words do.
        known.sort { first, second in
            (first.bytes[0], first.bytes.count) != (second.bytes[0], second.bytes.count)
                ? (first.bytes[0], first.bytes.count) < (second.bytes[0], second.bytes.count)
                : first.bytes.lexicographicallyPrecedes(second.bytes)
        }
        let longest = known.map(\.bytes.count).max() ?? 0
        var words = ByteStrings()
        for word in known { words.append(word.bytes) }
        var starts: [Int] = []
        var position = 0
        for letter in 0..<26 {
            for length in 0...longest + 1 {
                while position < known.count,
                    Int(known[position].bytes[0] - 97) < letter
                        || (Int(known[position].bytes[0] - 97) == letter && known[position].bytes.count < length)
                {
                    position += 1
                }
                starts.append(position)
            }
        }
        starts.append(known.count)
        self.init(words: words, frequencies: NumberList(known.map(\.frequency)), longest: longest, starts: NumberList(starts))
    }

    init(words: ByteStrings, frequencies: NumberList, longest: Int, starts: NumberList) {
        self.words = words
        self.frequencies = frequencies
        self.longest = longest
        self.starts = starts
    }

    /// Where the known words of `letter` (0 for a) and at least `length` letters start in `words`.
    private func start(letter: Int, length: Int) -> Int {
        length > longest + 1 ? start(letter: letter + 1, length: 0) : starts[letter * (longest + 2) + max(0, length)]
    }

    /// The positions in `words` of the known words of `letter` with a length in `lengths`.
    private func candidates(letter: Int, lengths: ClosedRange<Int>) -> Range<Int> {
        let lower = start(letter: letter, length: lengths.lowerBound)
        return lower..<max(lower, start(letter: letter, length: lengths.upperBound + 1))
    }

    /// The edit distance accepted for a word of `length` letters.
    static func allowedDistance(_ length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case 4...7: return 1
        default: return 2
        }
    }

    /// Whether the known word at `position` goes before the one at `other`, for breaking ties.
    private func precedes(_ position: Int, _ other: Int) -> Bool {
        words.withBytes(at: position) { word in words.withBytes(at: other) { word.lexicographicallyPrecedes($0) } }
    }

    /// The known word closest to `word`, or `nil` when none is close enough.
    ///
    /// Ties go to the more frequent word, then to alphabetical order, so the
    /// answer never depends on hashing.
    func correction(for word: String) -> String? {
        let bytes = Array(word.utf8)
        let allowed = Self.allowedDistance(bytes.count)
        guard allowed > 0, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return nil }
        var best: (distance: Int, frequency: Int, position: Int)?
        bytes.withUnsafeBytes { bytes in
            for position in candidates(letter: Int(bytes[0] - 97), lengths: (bytes.count - allowed)...(bytes.count + allowed)) {
                let distance = words.withBytes(at: position) { Self.distance(bytes, $0, limit: allowed) }
                guard distance <= allowed else { continue }
                let frequency = frequencies[position]
                if let current = best,
                    (current.distance, -current.frequency) < (distance, -frequency)
                        || ((current.distance, -current.frequency) == (distance, -frequency) && !precedes(position, current.position))
                {
                    continue
                }
                best = (distance, frequency, position)
            }
        }
        return best.map { words.string(at: $0.position) }
    }

    /// The known word that `word` becomes by swapping two neighbouring letters, or `nil`;
    /// ties go to the more frequent word, then to alphabetical order.
    func transposition(of word: String) -> String? {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return nil }
        var best: (frequency: Int, position: Int)?
        bytes.withUnsafeBytes { bytes in
            // Only the words of this length are looked at.
            for position in candidates(letter: Int(bytes[0] - 97), lengths: bytes.count...bytes.count) {
                guard words.withBytes(at: position, { Self.isSwap(bytes, $0) }) else { continue }
                let frequency = frequencies[position]
                if let current = best,
                    current.frequency > frequency || (current.frequency == frequency && !precedes(position, current.position))
                {
                    continue
                }
                best = (frequency, position)
            }
        }
        return best.map { words.string(at: $0.position) }
    }

    /// Whether `b` is `a` with two neighbouring letters swapped (the two are of one length).
    static func isSwap(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard let first = a.indices.first(where: { a[$0] != b[$0] }), first + 1 < a.count,
            a[first] == b[first + 1], a[first + 1] == b[first]
        else { return false }
        return a[(first + 2)...].elementsEqual(b[(first + 2)...])
    }

    /// ``distance(_:_:limit:)-(UnsafeRawBufferPointer,_,_)`` of two arrays.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBytes { a in b.withUnsafeBytes { b in distance(a, b, limit: limit) } }
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent swaps),
    /// returning `limit + 1` as soon as the distance must exceed `limit`.
    static func distance(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        // Three rows on the stack, not three arrays: a lookup compares a word with dozens of known words.
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { storage -> Int in
            guard var previous2 = storage.baseAddress else { return limit + 1 }
            var previous = previous2 + width
            var current = previous + width
            for j in 0..<width {
                previous2[j] = 0
                previous[j] = j
                current[j] = 0
            }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return previous[b.count]
        }
    }
}
