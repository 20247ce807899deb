/// Every candidate for one part of a message, unsorted, so that a caller that
/// needs one beyond the first few ("the best topic", "the best of this family")
/// finds exactly the one a full ranking would put first, without sorting them all.
///
/// Entries the message's words reach are kept as candidates. The others score
/// by the learnt model alone and are made on demand: in the model's order of
/// prior probability when the message has no feature the model knows, otherwise
/// from the probabilities it gave every entry.
struct CandidatePool: Sendable {
    /// Candidates of the entries the message's words reach, by entry.
    var reached: [Candidate] = []
    /// The model's probability of each class for the message; empty without the model.
    var probabilities: [Float] = []
    /// When `probabilities` are the model's prior: its classes, most probable first.
    var priorOrder: [Int32]?
    /// The entry kinds, to leave out small talk where it is not allowed.
    var kinds: [KnowledgeEntry.Kind] = []
    var allowSmalltalk = true
    var tuning = IntentMatcher.Tuning()

    /// A pool with no candidates.
    static let empty = CandidatePool()

    /// Whether `entry` is a candidate the words reach.
    func isReached(_ entry: Int) -> Bool {
        var low = 0
        var high = reached.count
        while low < high {
            let middle = (low + high) / 2
            if reached[middle].entry < entry { low = middle + 1 } else { high = middle }
        }
        return low < reached.count && reached[low].entry == entry
    }

    /// The candidate of an entry no word of the message reaches: the model's probability alone.
    func unreached(_ entry: Int) -> Candidate? {
        guard entry < kinds.count, allowSmalltalk || kinds[entry] != .smalltalk, entry < probabilities.count else { return nil }
        return tuning.candidate(
            entry: entry, similarity: 0, coverage: 0, strongCoverage: 0, keywordHit: false,
            probability: Double(probabilities[entry]), modelled: true)
    }

    /// The best candidate that satisfies `predicate`, as the first of a full ranking would be.
    func best(where predicate: (Candidate) -> Bool) -> Candidate? {
        var best: Candidate?
        for candidate in reached where predicate(candidate) {
            if let current = best, !TopCandidates.ranksBefore(candidate, current) { continue }
            best = candidate
        }
        if let priorOrder {
            // Best first: the first that qualifies is the best of the rest.
            for value in priorOrder {
                let entry = Int(value)
                guard entry < kinds.count, !isReached(entry) else { continue }
                guard let candidate = unreached(entry) else { continue }
                guard candidate.score > 0 else { break }
                guard predicate(candidate) else { continue }
                if best.map({ TopCandidates.ranksBefore(candidate, $0) }) ?? true { best = candidate }
                break
            }
        } else if !probabilities.isEmpty {
            var next = 0
            for entry in kinds.indices {
                while next < reached.count, reached[next].entry < entry { next += 1 }
                if next < reached.count, reached[next].entry == entry { continue }
                guard let candidate = unreached(entry), candidate.score > 0, predicate(candidate) else { continue }
                if best.map({ TopCandidates.ranksBefore(candidate, $0) }) ?? true { best = candidate }
            }
        }
        return best
    }
}
