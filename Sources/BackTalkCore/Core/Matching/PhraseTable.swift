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

    /// How many filler words a phrase may have inside it (``match(_:at:within:fillers:)``).
    static let mostFillers = 2

    /// The concept and length of the longest phrase starting at `start`.
    ///
    /// Failing a phrase word for word, one with up to ``mostFillers`` filler words inside it
    /// (where `fillers` is true: "feeling *really* low") is taken for the phrase without them.
    func match(_ stems: [String], at start: Int, within end: Int, fillers: [Bool] = []) -> (concept: String, length: Int)? {
        guard let longestHere = starts[stems[start]] else { return nil }
        var length = min(longestHere, end - start)
        while length > 0 {
            if let concept = phrases[Array(stems[start..<start + length])] { return (concept, length) }
            length -= 1
        }
        guard !fillers.isEmpty, longestHere > 1 else { return nil }
        // The phrase's words with the fillers left out, and where each of them ends in the message.
        var kept = [stems[start]]
        var ends = [start + 1]
        var skipped = 0
        var index = start + 1
        while index < end, kept.count < longestHere {
            if fillers[index] {
                guard skipped < Self.mostFillers else { break }
                skipped += 1
            } else {
                kept.append(stems[index])
                ends.append(index + 1)
            }
            index += 1
        }
        guard skipped > 0 else { return nil }
        for count in stride(from: kept.count, through: 2, by: -1) where ends[count - 1] - start > count {
            if let concept = phrases[Array(kept[0..<count])] { return (concept, ends[count - 1] - start) }
        }
        return nil
    }
}
