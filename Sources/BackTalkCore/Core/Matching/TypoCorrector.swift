/// Corrects misspelt words against a fixed list of known words.
///
/// Known words are grouped by first letter (rarely the one mistyped, and
/// requiring it keeps "flight" from becoming "light") and sorted by length, so a
/// lookup compares a word with the few dozen known words it could be.
/// Building it is nearly free, which keeps start-up fast.
struct TypoCorrector: Sendable {
    struct Known: Sendable {
        var bytes: [UInt8]
        var frequency: Int
        var word: String
    }

    /// Known words by first letter (a-z), each bucket sorted by length then word.
    let buckets: [[Known]]

    /// Creates a corrector for `vocabulary`, a word → frequency table.
    init(vocabulary: [String: Int]) {
        var buckets = [[Known]](repeating: [], count: 26)
        for (word, frequency) in vocabulary {
            let bytes = Array(word.utf8)
            guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { continue }
            buckets[Int(bytes[0] - 97)].append(Known(bytes: bytes, frequency: frequency, word: word))
        }
        self.buckets = buckets.map { $0.sorted { ($0.bytes.count, $0.word) < ($1.bytes.count, $1.word) } }
    }

    /// The edit distance accepted for a word of `length` letters.
    static func allowedDistance(_ length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case 4...7: return 1
        default: return 2
        }
    }

    /// The known word closest to `word`, or `nil` when none is close enough.
    ///
    /// Ties go to the more frequent word, then to alphabetical order, so the
    /// answer never depends on hashing.
    func correction(for word: String) -> String? {
        let bytes = Array(word.utf8)
        let allowed = Self.allowedDistance(bytes.count)
        guard allowed > 0, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return nil }
        let lengths = (bytes.count - allowed)...(bytes.count + allowed)
        var best: (distance: Int, frequency: Int, word: String)?
        for known in buckets[Int(bytes[0] - 97)] {
            if known.bytes.count < lengths.lowerBound { continue }
            if known.bytes.count > lengths.upperBound { break }
            let distance = Self.distance(bytes, known.bytes, limit: allowed)
            guard distance <= allowed else { continue }
            if let current = best,
                (current.distance, -current.frequency, current.word) <= (distance, -known.frequency, known.word)
            {
                continue
            }
            best = (distance, known.frequency, known.word)
        }
        return best?.word
    }

    /// The known word that `word` becomes by swapping two neighbouring letters, or `nil`;
    /// ties go to the more frequent word, then to alphabetical order.
    func transposition(of word: String) -> String? {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return nil }
        var best: Known?
        // Buckets are sorted by length: only the words of this length are looked at.
        for known in buckets[Int(bytes[0] - 97)] {
            if known.bytes.count < bytes.count { continue }
            if known.bytes.count > bytes.count { break }
            guard Self.isSwap(bytes, known.bytes) else { continue }
            if let current = best, (-current.frequency, current.word) <= (-known.frequency, known.word) { continue }
            best = known
        }
        return best?.word
    }

    /// Whether `b` is `a` with two neighbouring letters swapped (the two are of one length).
    static func isSwap(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard let first = a.indices.first(where: { a[$0] != b[$0] }), first + 1 < a.count,
            a[first] == b[first + 1], a[first + 1] == b[first]
        else { return false }
        return a[(first + 2)...] == b[(first + 2)...]
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent swaps),
    /// returning `limit + 1` as soon as the distance must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
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
