/// Finds the vocabulary's phrases in a run of stems, longest match first.
struct PhraseTable: Sendable {
    private var phrases: [[String]: String] = [:]
    private(set) var longest = 0

    /// Adds a phrase (as stems) that stands for `concept`. Returns the concept
    /// it already stood for, if any.
    @discardableResult
    mutating func add(_ stems: [String], concept: String) -> String? {
        guard !stems.isEmpty else { return nil }
        if let existing = phrases[stems], existing != concept { return existing }
        phrases[stems] = concept
        longest = max(longest, stems.count)
        return nil
    }

    /// The concept and length of the longest phrase starting at `start`.
    func match(_ stems: [String], at start: Int, within end: Int) -> (concept: String, length: Int)? {
        var length = min(longest, end - start)
        while length > 0 {
            if let concept = phrases[Array(stems[start..<start + length])] { return (concept, length) }
            length -= 1
        }
        return nil
    }
}
