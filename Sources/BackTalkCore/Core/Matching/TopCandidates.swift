/// The best few candidates seen so far, best first: a top-k selection, so that
/// ranking a message never sorts every entry.
struct TopCandidates: Sendable {
    /// How many are kept.
    let capacity: Int
    /// The best so far, best first.
    private(set) var best: [Candidate] = []

    init(capacity: Int) {
        self.capacity = capacity
        best.reserveCapacity(capacity + 1)
    }

    /// Whether `first` ranks before `second`: the higher score, ties to the earlier entry.
    @inline(__always)
    static func ranksBefore(_ first: Candidate, _ second: Candidate) -> Bool {
        first.score > second.score || (first.score == second.score && first.entry < second.entry)
    }

    /// Whether the selection is full and `candidate` would not enter it.
    func excludes(_ candidate: Candidate) -> Bool {
        guard best.count == capacity, let last = best.last else { return false }
        return !Self.ranksBefore(candidate, last)
    }

    /// Keeps `candidate` if it is among the best `capacity` so far.
    mutating func insert(_ candidate: Candidate) {
        guard capacity > 0, !excludes(candidate) else { return }
        var position = best.count
        while position > 0, Self.ranksBefore(candidate, best[position - 1]) { position -= 1 }
        best.insert(candidate, at: position)
        if best.count > capacity { best.removeLast() }
    }
}
