/// One word of a red-flag phrase: a word, a word start (`numb*`), or a number
/// bound (`#>=50`, `#<20`).
enum PatternWord: Sendable, Hashable {
    case word(String)
    case prefix(String)
    case atLeast(Int)
    case below(Int)

    init(_ text: String) {
        if text.hasPrefix("#>="), let bound = Int(text.dropFirst(3)) {
            self = .atLeast(bound)
        } else if text.hasPrefix("#<"), let bound = Int(text.dropFirst(2)) {
            self = .below(bound)
        } else if text.hasSuffix("*"), text.count > 1 {
            self = .prefix(String(text.dropLast()))
        } else {
            self = .word(text)
        }
    }

    func matches(_ word: String) -> Bool {
        switch self {
        case .word(let expected): return word == expected
        case .prefix(let start): return word.hasPrefix(start)
        case .atLeast(let bound): return Self.number(in: word).map { $0 >= bound } ?? false
        case .below(let bound): return Self.number(in: word).map { $0 < bound } ?? false
        }
    }

    /// The number a word spells in digits: `72`, or a decade such as `60s`.
    private static func number(in word: String) -> Int? {
        let digits = word.hasSuffix("s") ? word.dropLast() : Substring(word)
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }
}

/// A phrase of a red-flag sign, as words to find in order.
struct PhrasePattern: Sendable, Hashable {
    var words: [PatternWord]
    /// The phrase as written, for diagnostics.
    var text: String

    /// Reads a phrase as written in `red_flags.yaml`, normalised like a message.
    init(_ text: String) {
        self.text = text
        // Tokenize each written word so that "can't" in a phrase reads as
        // "can not", as it would in a message; markers pass through whole.
        words = text.split(separator: " ").flatMap { part -> [PatternWord] in
            let piece = String(part)
            if piece.hasPrefix("#") || piece.hasSuffix("*") { return [PatternWord(piece.lowercased())] }
            return Tokenizer.tokenize(piece).map { PatternWord.word($0.word) }
        }
    }

    /// Where the phrase ends if it starts at `start`, skipping `fillers`
    /// between its words but never past `end`.
    func match(_ words: [String], at start: Int, end: Int, fillers: Set<String>) -> Int? {
        guard let first = self.words.first, start < end, first.matches(words[start]) else { return nil }
        var position = start + 1
        for expected in self.words.dropFirst() {
            while position < end, !expected.matches(words[position]), fillers.contains(words[position]) {
                position += 1
            }
            guard position < end, expected.matches(words[position]) else { return nil }
            position += 1
        }
        return position
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
