/// Finds the vocabulary's phrases in a run of stems, longest match first.
///
/// Dictionaries while it is built; read from the compiled form, tables over bytes
/// looked up where they lie (``StringsByString``, ``NumbersByString``), a phrase by
/// its stems joined with ``separator``: decoding a dictionary keyed by lists of
/// stems was a tenth of start-up.
struct PhraseTable: Sendable {
    private enum Storage: Sendable {
        case building(phrases: [[String]: String], starts: [String: Int])
        case packed(phrases: StringsByString, starts: NumbersByString)
    }

    private var storage: Storage = .building(phrases: [:], starts: [:])
    private(set) var longest = 0

    /// What a compiled phrase's stems are joined with: a control character, which no stem holds.
    static let separator = "\u{1F}"

    /// Adds a phrase (as stems) that stands for `concept`.
    ///
    /// Returns the concept it already stood for, if any.
    @discardableResult
    mutating func add(_ stems: [String], concept: String) -> String? {
        guard !stems.isEmpty else { return nil }
        // Taken out before changing, so that the dictionaries are not copied.
        var (phrases, starts) = tables
        storage = .building(phrases: [:], starts: [:])
        defer { storage = .building(phrases: phrases, starts: starts) }
        if let existing = phrases[stems], existing != concept { return existing }
        phrases[stems] = concept
        starts[stems[0]] = max(starts[stems[0]] ?? 0, stems.count)
        longest = max(longest, stems.count)
        return nil
    }

    /// The phrases, each with its concept, and the length of the longest phrase by first stem.
    var tables: (phrases: [[String]: String], starts: [String: Int]) {
        switch storage {
        case .building(let phrases, let starts): return (phrases, starts)
        case .packed(let phrases, let starts):
            var byStems: [[String]: String] = [:]
            for (key, concept) in phrases.dictionary {
                byStems[key.split(separator: Character(Self.separator), omittingEmptySubsequences: false).map(String.init)] = concept
            }
            return (byStems, starts.dictionary)
        }
    }

    /// The length of the longest phrase that starts with `stem`.
    private func longestPhrase(startingWith stem: String) -> Int? {
        switch storage {
        case .building(_, let starts): return starts[stem]
        case .packed(_, let starts): return starts[stem]
        }
    }

    /// The concept the phrase of `stems` stands for.
    private func concept(of stems: ArraySlice<String>) -> String? {
        switch storage {
        case .building(let phrases, _): return phrases[Array(stems)]
        case .packed(let phrases, _): return phrases[stems.joined(separator: Self.separator)]
        }
    }

    /// How many filler words a phrase may have inside it (``match(_:at:within:fillers:)``).
    static let mostFillers = 2

    /// The concept and length of the longest phrase starting at `start`.
    ///
    /// Failing a phrase word for word, one with up to ``mostFillers`` filler words inside it
    /// (where `fillers` is true: "feeling *really* low") is taken for the phrase without them.
    func match(_ stems: [String], at start: Int, within end: Int, fillers: [Bool] = []) -> (concept: String, length: Int)? {
        guard let longestHere = longestPhrase(startingWith: stems[start]) else { return nil }
        var length = min(longestHere, end - start)
        while length > 0 {
            if let concept = concept(of: stems[start..<start + length]) { return (concept, length) }
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
            if let concept = concept(of: kept[0..<count]) { return (concept, ends[count - 1] - start) }
        }
        return nil
    }
}

extension PhraseTable {
    /// The table read from the compiled form: the phrases by their joined stems, the longest by first stem.
    init(packed phrases: StringsByString, starts: NumbersByString, longest: Int) {
        storage = .packed(phrases: phrases, starts: starts)
        self.longest = longest
    }
}

// Reflection (the compiled form's check against the loaded knowledge base) sees the tables, however stored.
extension PhraseTable: CustomReflectable {
    var customMirror: Mirror {
        let (phrases, starts) = tables
        return Mirror(self, children: ["phrases": phrases, "starts": starts, "longest": longest])
    }
}
