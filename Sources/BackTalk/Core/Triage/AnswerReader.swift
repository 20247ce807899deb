/// Reads a free-text reply to a yes / no question: "yep a bit", "nope", "dunno".
struct AnswerReader: Sendable {
    /// What a reply means.
    enum Reading: Sendable, Hashable {
        case answer(Answer)
        /// "skip", "stop", "never mind": leave the questions.
        case stop
    }

    /// Only this many words at the start of a reply are read for an answer, so
    /// that a new question ("what helps the pain?") is not taken as one.
    static let leadingWords = 4
    /// A reply longer than this is an answer only if it starts with one.
    static let shortReply = 8

    var phrases: [(pattern: PhrasePattern, reading: Reading)]

    /// The earliest phrase wins; at the same place, the longest.
    func read(_ words: [String]) -> Reading? {
        guard !words.isEmpty else { return nil }
        let horizon = words.count <= Self.shortReply ? min(words.count, Self.leadingWords) : 1
        for start in 0..<horizon {
            var best: (end: Int, reading: Reading)?
            for (pattern, reading) in phrases {
                if let end = pattern.match(words, at: start, end: words.count, fillers: []),
                   end > (best?.end ?? start) {
                    best = (end, reading)
                }
            }
            if let best { return best.reading }
        }
        return nil
    }
}
