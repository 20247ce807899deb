/// Reads a free-text reply to a yes / no question: "yep a bit", "nope", "dunno".
///
/// A reply is an answer only when it is one. "Do I have to tell my parents?"
/// and "I do have osteoporosis" are a question and a new fact, not a "yes":
/// the caller answers them as what they are and asks again.
struct AnswerReader: Sendable {
    /// What a reply means.
    enum Reading: Sendable, Hashable {
        case answer(Answer)
        /// "skip", "stop", "never mind": leave the questions.
        case stop
        /// "go on", "check me": takes up an offer of the check, but answers no question about a symptom.
        case accept
    }

    /// Phrases that answer at the start of a reply, whatever follows: "yes", "nope", "not sure".
    var leading: [(pattern: PhrasePattern, reading: Reading)]
    /// Phrases that answer only as the whole reply: "I do", "a bit", "I think so", "skip".
    var whole: [(pattern: PhrasePattern, reading: Reading)]
    /// Words that may stand around an answer: "ok", "thanks", "please".
    var courtesy: Set<String>

    /// Reads a reply as an answer.
    ///
    /// - Parameters:
    ///   - words: the reply's words.
    ///   - tokens: where sentences and clauses break.
    ///   - termStarts: where words of a finding start: "no fever" denies a
    ///     fever rather than answering "no" to a question about something else.
    /// - Returns: The answer `words` give, or `nil` if the reply is something else.
    func read(_ words: [String], tokens: [Token], termStarts: Set<Int>) -> Reading? {
        var start = 0
        var end = words.count
        while start < end, courtesy.contains(words[start]) { start += 1 }
        while end > start, courtesy.contains(words[end - 1]) { end -= 1 }
        guard start < end else { return nil }

        // The whole reply is an answer phrase.
        for (pattern, reading) in whole {
            if pattern.match(words, at: start, end: end) == end { return reading }
        }
        for (pattern, reading) in leading {
            if pattern.match(words, at: start, end: end) == end { return reading }
        }
        // A reply that starts with an answer: the longest phrase at the start.
        var best: (end: Int, reading: Reading)?
        for (pattern, reading) in leading {
            if let stop = pattern.match(words, at: start, end: end), stop > (best?.end ?? start) { best = (stop, reading) }
        }
        guard let (stop, reading) = best else { return nil }
        let breaks = tokens[stop].clause != tokens[stop - 1].clause
        if case .answer(.no) = reading, !breaks, termStarts.contains(stop) {
            // "no fever": a denial, not an answer.
            return nil
        }
        return reading
    }

    /// Every word the answers use, so that typos are corrected towards them.
    var vocabularyWords: [String] {
        (leading + whole).flatMap { $0.pattern.words }.compactMap { word in
            if case .word(let text) = word { return text }
            return nil
        }
    }
}
