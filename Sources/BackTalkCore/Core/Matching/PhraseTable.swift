/// Finds the vocabulary's phrases in a run of stems, longest match first.
struct PhraseTable: Sendable {
    var phrases: [[String]: String] = [:]
    /// First stem of a phrase → the longest phrase starting with it, so most
    /// words are passed over with one lookup.
    var starts: [String: Int] = [:]
    var longest = 0

    /// Adds a phrase (as stems) that stands for `concept`.
    ///
    /// Returns the concept it already stood for, if any.
    @discardableResult
    mutating func add(_ stems: [String], concept: String) -> String? {
        guard !stems.isEmpty else { return nil }
        if let existing = phrases[stems], existing != concept { return existing }
        phrases[stems] = concept
        starts[stems[0]] = max(starts[stems[0]] ?? 0, stems.count)
        longest = max(longest, stems.count)
        return nil
    }

    /// The concept and length of the longest phrase starting at `start`.
    func match(_ stems: [String], at start: Int, within end: Int) -> (concept: String, length: Int)? {
        guard let longestHere = starts[stems[start]] else { return nil }
        var length = min(longestHere, end - start)
        while length > 0 {
            if let concept = phrases[Array(stems[start..<start + length])] { return (concept, length) }
            length -= 1
        }
        return nil
    }
}
