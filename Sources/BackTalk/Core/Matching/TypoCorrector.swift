/// Corrects misspelt words against a fixed list of known words.
///
/// It indexes every known word by its one- and two-letter deletions (the
/// "symmetric delete" method), so a lookup costs a handful of hash probes
/// rather than a comparison with every word.
struct TypoCorrector: Sendable {
    private let words: [[UInt8]]
    private let frequencies: [Int]
    private var deletions: [[UInt8]: [Int32]] = [:]

    /// Creates a corrector for `vocabulary`, a word → frequency table.
    init(vocabulary: [String: Int]) {
        let sorted = vocabulary.keys.filter { $0.utf8.count >= 3 && $0.utf8.allSatisfy { $0 >= 97 && $0 <= 122 } }.sorted()
        words = sorted.map { Array($0.utf8) }
        frequencies = sorted.map { vocabulary[$0] ?? 0 }
        for (index, word) in words.enumerated() {
            for variant in Self.variants(of: word, depth: Self.allowedDistance(word.count)) {
                deletions[variant, default: []].append(Int32(index))
            }
        }
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
        var best: (distance: Int, frequency: Int, index: Int)?
        var seen = Set<Int32>()
        for variant in Self.variants(of: bytes, depth: allowed) {
            for candidate in deletions[variant] ?? [] where seen.insert(candidate).inserted {
                let target = words[Int(candidate)]
                // The first letter is rarely the one mistyped; requiring it avoids
                // turning unrelated words ("flight") into known ones ("light").
                guard target[0] == bytes[0] else { continue }
                let distance = Self.distance(bytes, target, limit: allowed)
                guard distance <= allowed else { continue }
                let option = (distance, frequencies[Int(candidate)], Int(candidate))
                if let current = best {
                    if (option.0, -option.1, option.2) < (current.distance, -current.frequency, current.index) { best = option }
                } else {
                    best = option
                }
            }
        }
        return best.map { String(decoding: words[$0.index], as: UTF8.self) }
    }

    /// `word` and every string made by deleting up to `depth` of its letters.
    static func variants(of word: [UInt8], depth: Int) -> Set<[UInt8]> {
        var result: Set<[UInt8]> = [word]
        var frontier: Set<[UInt8]> = [word]
        for _ in 0..<depth {
            var next: Set<[UInt8]> = []
            for item in frontier where item.count > 2 {
                for i in item.indices {
                    var shorter = item
                    shorter.remove(at: i)
                    if result.insert(shorter).inserted { next.insert(shorter) }
                }
            }
            frontier = next
        }
        return result
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent swaps),
    /// returning `limit + 1` as soon as the distance must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
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
        return a.isEmpty ? b.count : previous[b.count]
    }
}
