/// Adds up weighted postings lists by item, touching only the items the lists reach.
///
/// Items come out in ascending order, each total added up list by list in the
/// order of the lists, so that the totals are bit for bit those of adding every
/// list into an array with a slot per item. When the postings are many for the
/// number of items they do go through such an array (zeroing and scanning it then
/// costs no more than the postings); when they are few they are sorted instead,
/// so that a large knowledge base is not swept for a message that reaches little of it.
enum PostingSums {
    /// An array of slots is used when the postings are at least this share of the items.
    static let denseShare = 4

    /// For every item in `lists`, the sum of `weight` over the lists that hold it.
    ///
    /// `lists` are positions in `postings`, each with its weight.
    static func sums(of lists: [(list: Int, weight: Double)], in postings: NumberLists, itemCount: Int) -> [(item: Int, sum: Double)] {
        let total = lists.reduce(0) { $0 + postings.count(at: $1.list) }
        var result: [(item: Int, sum: Double)] = []
        guard total > 0 else { return result }
        if total * denseShare >= itemCount {
            var sums = [Double](repeating: 0, count: itemCount)
            for (list, weight) in lists {
                postings.forEach(at: list) { item in sums[item] += weight }
            }
            // At most one result a posting: reserved once, not grown item by item.
            result.reserveCapacity(min(total, itemCount))
            // Every weight is positive: a sum above zero is an item reached.
            for item in 0..<itemCount where sums[item] > 0 { result.append((item, sums[item])) }
            return result
        }
        var keys: [UInt64] = []
        keys.reserveCapacity(total)
        for (list, entry) in lists.enumerated() {
            postings.forEach(at: entry.list) { item in keys.append(UInt64(item) << 32 | UInt64(list)) }
        }
        keys.sort()
        for key in keys {
            let item = Int(key >> 32)
            let weight = lists[Int(key & 0xFFFF_FFFF)].weight
            if let last = result.last, last.item == item {
                result[result.count - 1].sum += weight
            } else {
                result.append((item, 0 + weight))
            }
        }
        return result
    }

    /// Each entry's best similarity to one of its examples, indexed by entry: the cosine
    /// `sum / (norm × example.norm)` of ``sums(of:in:itemCount:)`` over the examples the
    /// lists reach, and 0 for an entry none of whose examples they reach.
    ///
    /// The same sums as ``sums(of:in:itemCount:)``, added in the same order, folded into
    /// one number per entry as they are read instead of listed first.
    static func bestSimilarities(
        of lists: [(list: Int, weight: Double)], in postings: NumberLists, examples: [IntentIndex.Example],
        norm: Double, entryCount: Int
    ) -> [Double] {
        var best = [Double](repeating: 0, count: entryCount)
        let total = lists.reduce(0) { $0 + postings.count(at: $1.list) }
        guard total > 0 else { return best }
        let itemCount = examples.count
        if total * denseShare >= itemCount {
            var sums = [Double](repeating: 0, count: itemCount)
            sums.withUnsafeMutableBufferPointer { sums in
                for (list, weight) in lists {
                    postings.forEach(at: list) { item in sums[item] += weight }
                }
                examples.withUnsafeBufferPointer { examples in
                    best.withUnsafeMutableBufferPointer { best in
                        // Every weight is positive: a sum above zero is an example reached.
                        for item in 0..<itemCount where sums[item] > 0 {
                            let example = examples[item]
                            best[example.entry] = max(best[example.entry], sums[item] / (norm * example.norm))
                        }
                    }
                }
            }
            return best
        }
        for (item, sum) in sums(of: lists, in: postings, itemCount: itemCount) {
            let example = examples[item]
            best[example.entry] = max(best[example.entry], sum / (norm * example.norm))
        }
        return best
    }

    /// For every entry in `lists`, the sum of weight × credit over the lists that
    /// hold it, and the sum of weight over those that hold it with full credit.
    ///
    /// `lists` are positions in `postings`, each with its weight; an entry of a list
    /// is as ``IntentIndex/coveragePostings`` holds it (see ``IntentIndex/coverage(of:)``).
    static func coverage(
        of lists: [(list: Int, weight: Double)], in postings: NumberLists, entryCount: Int
    ) -> [(entry: Int, coverage: Double, strong: Double)] {
        let total = lists.reduce(0) { $0 + postings.count(at: $1.list) }
        var result: [(entry: Int, coverage: Double, strong: Double)] = []
        guard total > 0 else { return result }
        if total * denseShare >= entryCount {
            var coverage = [Double](repeating: 0, count: entryCount)
            var strong = [Double](repeating: 0, count: entryCount)
            for (list, weight) in lists {
                postings.forEach(at: list) { item in
                    let posting = IntentIndex.coverage(of: item)
                    coverage[posting.entry] += weight * posting.credit
                    if posting.credit == 1 { strong[posting.entry] += weight }
                }
            }
            result.reserveCapacity(min(total, entryCount))
            // Weights and credits are positive: coverage above zero is an entry reached.
            for entry in 0..<entryCount where coverage[entry] > 0 { result.append((entry, coverage[entry], strong[entry])) }
            return result
        }
        var keys: [(key: UInt64, credit: Double)] = []
        keys.reserveCapacity(total)
        for (list, entry) in lists.enumerated() {
            postings.forEach(at: entry.list) { item in
                let posting = IntentIndex.coverage(of: item)
                keys.append((UInt64(posting.entry) << 32 | UInt64(list), posting.credit))
            }
        }
        keys.sort { $0.key < $1.key }
        for (key, credit) in keys {
            let entry = Int(key >> 32)
            let weight = lists[Int(key & 0xFFFF_FFFF)].weight
            if result.last?.entry != entry { result.append((entry, 0, 0)) }
            result[result.count - 1].coverage += weight * credit
            if credit == 1 { result[result.count - 1].strong += weight }
        }
        return result
    }
}
