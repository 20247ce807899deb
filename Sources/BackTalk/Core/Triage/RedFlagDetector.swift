/// What one message says about a red flag.
enum FlagStatus: String, Sendable, Hashable, Codable, Comparable {
    /// Denied: "no numbness".
    case absent
    /// Mentioned with doubt: "not sure if it's numb".
    case uncertain
    /// Reported.
    case present

    static func < (lhs: FlagStatus, rhs: FlagStatus) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int {
        switch self {
        case .absent: 0
        case .uncertain: 1
        case .present: 2
        }
    }
}

/// Finds red flags in a message's words, with negation and uncertainty.
///
/// Negation follows the NegEx idea: a cue ("no", "not", "without") denies the
/// signs in the few words after it, up to a word that turns the sentence
/// ("but", "and my…"). An uncertainty cue anywhere in a sign's clause makes
/// it uncertain, which is asked about, never taken as a denial.
struct RedFlagDetector: Sendable {
    let rules: RedFlagRules
    /// First word → phrases (sign index, pattern) that start with it.
    private let byFirstWord: [String: [(Int, PhrasePattern)]]
    /// First letter → phrases that start with a word start (`numb*`); `#` for numbers.
    private let byFirstLetter: [Character: [(Int, PhrasePattern)]]

    /// How many words after a negation cue it reaches.
    static let negationReach = 5
    /// Never look further back than this for a cue, however long the list.
    static let longestList = 24
    /// Words that end a negation's reach.
    static let scopeEnders: Set<String> = [
        "but", "however", "although", "though", "except", "apart", "yet", "just", "only", "which", "because",
        "since", "so", "when", "while", "then", "now", "until", "after", "before", "instead",
    ]
    /// Words that continue a list of denied signs: "no numbness, tingling or weakness".
    static let listWords: Set<String> = ["or", "nor", "and", "any", "either", "no", "not"]

    init(rules: RedFlagRules) {
        self.rules = rules
        var byFirstWord: [String: [(Int, PhrasePattern)]] = [:]
        var byFirstLetter: [Character: [(Int, PhrasePattern)]] = [:]
        for (index, sign) in rules.signs.enumerated() {
            for phrase in sign.phrases {
                switch phrase.words.first {
                case .word(let first): byFirstWord[first, default: []].append((index, phrase))
                case .prefix(let start): if let letter = start.first { byFirstLetter[letter, default: []].append((index, phrase)) }
                case .atLeast, .below: byFirstLetter["#", default: []].append((index, phrase))
                case nil: break
                }
            }
        }
        self.byFirstWord = byFirstWord
        self.byFirstLetter = byFirstLetter
    }

    /// A sign found in a message.
    struct Occurrence {
        var sign: Int
        var range: Range<Int>
        var negated = false
        var uncertain = false

        var status: FlagStatus { negated ? .absent : uncertain ? .uncertain : .present }
    }

    /// What a message says about red flags.
    struct Detection {
        /// The status of every rule the message mentions.
        var statuses: [String: FlagStatus] = [:]
        /// Tokens of signs the person denied ("no numbness"), which the
        /// matcher should not read as the subject of the message.
        var deniedTokens = Set<Int>()
    }

    /// What the message says about each rule. `known` holds what the
    /// conversation already established, for rules that need an earlier flag.
    func detect(words: [String], tokens: [Token], known: [String: FlagStatus]) -> Detection {
        // Sentence by sentence: the signs of one alternative must share a sentence.
        var sentences: [[Int: [Occurrence]]] = []
        var denied = Set<Int>()
        var start = 0
        while start < words.count {
            var end = start
            while end < words.count && tokens[end].sentence == tokens[start].sentence { end += 1 }
            let found = occurrences(words: words, tokens: tokens, in: start..<end)
            if !found.isEmpty { sentences.append(Dictionary(grouping: found, by: \.sign)) }
            for occurrence in found where occurrence.negated { denied.formUnion(occurrence.range) }
            start = end
        }
        var result: [String: FlagStatus] = [:]
        // Rules without a precondition first; then those that need one, which
        // may be met by this very message ("I had cancer and my leg is weak").
        for pass in 0..<2 {
            for rule in rules.rules where rule.requires.isEmpty == (pass == 0) {
                if pass == 1 && !rule.requires.contains(where: { known[$0] == .present || result[$0] == .present }) {
                    continue
                }
                var best: FlagStatus?
                for bySign in sentences {
                    for alternative in rule.alternatives {
                        if let status = status(of: alternative, in: bySign), best.map({ status > $0 }) ?? true {
                            best = status
                        }
                    }
                }
                if let best { result[rule.id] = best }
            }
        }
        return Detection(statuses: result, deniedTokens: denied)
    }

    /// How an alternative fares in one sentence. The first sign is the
    /// symptom, and its status decides ("no numbness in my legs" denies the
    /// numbness, not the legs); the others need only be within the window.
    private func status(of alternative: [Int], in bySign: [Int: [Occurrence]]) -> FlagStatus? {
        guard let anchors = alternative.first.flatMap({ bySign[$0] }) else { return nil }
        let others = alternative.dropFirst().map { bySign[$0] ?? [] }
        var best: FlagStatus?
        for anchor in anchors where best.map({ anchor.status > $0 }) ?? true {
            let position = anchor.range.lowerBound
            if others.allSatisfy({ hasOccurrence(in: $0, near: position) }) { best = anchor.status }
        }
        return best
    }

    /// Whether `list` (in text order) has an occurrence within the window of `position`.
    private func hasOccurrence(in list: [Occurrence], near position: Int) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].range.lowerBound < position - rules.window { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low].range.lowerBound <= position + rules.window
    }

    /// Every sign in `range`, marked negated or uncertain.
    private func occurrences(words: [String], tokens: [Token], in range: Range<Int>) -> [Occurrence] {
        var found: [Occurrence] = []
        for position in range {
            let word = words[position]
            let letter: Character? = word.first.map { $0.isNumber ? "#" : $0 }
            let candidates = (byFirstWord[word] ?? []) + (letter.flatMap { byFirstLetter[$0] } ?? [])
            for (sign, phrase) in candidates {
                if let end = phrase.match(words, at: position, end: range.upperBound, fillers: rules.fillers) {
                    found.append(Occurrence(sign: sign, range: position..<end))
                }
            }
        }
        guard !found.isEmpty else { return [] }
        let ignored = cues(rules.ignored, words: words, in: range)
        if !ignored.isEmpty {
            found.removeAll { occurrence in ignored.contains { $0.overlaps(occurrence.range) } }
        }

        let uncertainCues = cues(rules.uncertaintyCues, words: words, in: range)
        let uncertainClauses = Set(uncertainCues.map { tokens[$0.lowerBound].clause })
        // "not sure" is an uncertainty, not a "not".
        var cueEndingAt: [Int: [Range<Int>]] = [:]
        for cue in cues(rules.negationCues, words: words, in: range) where !uncertainCues.contains(where: { $0.overlaps(cue) }) {
            cueEndingAt[cue.upperBound, default: []].append(cue)
        }
        var insideSign = Set<Int>()
        for occurrence in found { insideSign.formUnion(occurrence.range) }
        let signStarts = Set(found.map(\.range.lowerBound))

        for index in found.indices {
            let sign = found[index].range
            found[index].uncertain = uncertainClauses.contains(tokens[sign.lowerBound].clause)
            guard !cueEndingAt.isEmpty else { continue }
            var end = sign.lowerBound
            while end >= max(range.lowerBound, sign.lowerBound - Self.longestList) {
                if let cues = cueEndingAt[end],
                   cues.contains(where: { negates($0, sign, words: words, tokens: tokens, insideSign: insideSign, signStarts: signStarts) }) {
                    found[index].negated = true
                    break
                }
                end -= 1
            }
        }
        return found
    }

    /// Whether the cue at `cue` denies the sign at `sign`.
    private func negates(_ cue: Range<Int>, _ sign: Range<Int>, words: [String], tokens: [Token],
                         insideSign: Set<Int>, signStarts: Set<Int>) -> Bool {
        let cueClause = tokens[cue.lowerBound].clause
        var reach = 0
        for position in cue.upperBound..<sign.lowerBound {
            let word = words[position]
            if Self.scopeEnders.contains(word) { return false }
            // "no fever and my legs…": a conjunction followed by anything but a
            // sign starts a new statement.
            if word == "and" && !signStarts.contains(position + 1) { return false }
            let partOfSign = insideSign.contains(position)
            // Across a comma only while the words are a bare list of signs.
            if tokens[position].clause != cueClause
                && !(partOfSign || Self.listWords.contains(word) || rules.fillers.contains(word)) {
                return false
            }
            if !partOfSign { reach += 1 }
            if reach > Self.negationReach { return false }
        }
        return true
    }

    /// Where the cue phrases occur in `range`.
    private func cues(_ patterns: [PhrasePattern], words: [String], in range: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for position in range {
            for pattern in patterns {
                if let end = pattern.match(words, at: position, end: range.upperBound, fillers: []) {
                    found.append(position..<end)
                }
            }
        }
        return found
    }
}
