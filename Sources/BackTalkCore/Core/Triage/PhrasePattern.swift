/// One word of a phrase: a word, a word start (`numb*`), or a number bound
/// (`#>=50`, `#<20`, `#` for any number).
enum PatternWord: Sendable, Hashable {
    case word(String)
    case prefix(String)
    case atLeast(Int)
    case below(Int)
    /// A body temperature that is a fever: 37.8 to 44 degrees Celsius, or 100 to 111 Fahrenheit.
    case feverTemperature

    init(_ text: String) {
        if text == "#fever" {
            self = .feverTemperature
        } else if text == "#" {
            self = .atLeast(0)
        } else if text.hasPrefix("#>="), let bound = Int(text.dropFirst(3)) {
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
        case .feverTemperature:
            guard let value = Double(word), word.first?.isASCIIDigit == true else { return false }
            return (37.8...44).contains(value) || (100...111).contains(value)
        }
    }

    /// The number a word spells in digits: `72`, or a decade such as `60s`.
    static func number(in word: String) -> Int? {
        if word.contains("."), let value = Double(word), value >= 0, value < 10000 { return Int(value) }
        let digits = word.hasSuffix("s") ? word.dropLast() : Substring(word)
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }
}

/// A phrase as words to find in order, normalised like a message.
struct PhrasePattern: Sendable, Hashable {
    var words: [PatternWord]
    /// The phrase as written, for diagnostics.
    var text: String

    /// Reads a phrase as written in the knowledge base, normalised by `tokenizer`.
    init(_ text: String, tokenizer: Tokenizer) {
        self.text = text
        // Tokenize each written word so that "can't" in a phrase reads as
        // "can not", as it would in a message; markers pass through whole.
        words = text.split(separator: " ").flatMap { part -> [PatternWord] in
            let piece = String(part)
            if piece.hasPrefix("#") || piece.hasSuffix("*") { return [PatternWord(piece.lowercased())] }
            return tokenizer.tokenize(piece).map { PatternWord.word($0.word) }
        }
    }

    /// Where the phrase ends if it starts at `start`, never past `end`.
    ///
    /// Up to `maximumGap` words from `fillers` may come between two of its words.
    /// The bounded gap keeps every match attempt short, so that scanning a message
    /// stays linear in its length whatever the words.
    func match(_ words: [String], at start: Int, end: Int, fillers: Set<String> = [], maximumGap: Int = 0) -> Int? {
        guard let first = self.words.first, start < end, first.matches(words[start]) else { return nil }
        var position = start + 1
        for expected in self.words.dropFirst() {
            var skipped = 0
            while position < end, skipped < maximumGap, !expected.matches(words[position]), fillers.contains(words[position]) {
                position += 1
                skipped += 1
            }
            guard position < end, expected.matches(words[position]) else { return nil }
            position += 1
        }
        return position
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Many phrases, indexed by how they start, so that finding every phrase in
/// a message costs a few hash lookups per word.
struct PhraseSet<Label: Sendable & Hashable>: Sendable {
    /// A phrase found in a message.
    struct Match: Sendable, Hashable {
        var label: Label
        var range: Range<Int>
    }

    var patterns: [(pattern: PhrasePattern, label: Label)] = []
    var byWord: [String: [Int]] = [:]
    var byPrefix: [String: [Int]] = [:]
    var prefixLengths: [Int] = []
    var byNumber: [Int] = []
    let fillers: Set<String>
    let maximumGap: Int

    init(fillers: Set<String> = [], maximumGap: Int = 0) {
        self.fillers = fillers
        self.maximumGap = maximumGap
    }

    /// Adds `pattern`, reported with `label` where it matches.
    mutating func add(_ pattern: PhrasePattern, label: Label) {
        guard let first = pattern.words.first else { return }
        let index = patterns.count
        patterns.append((pattern, label))
        switch first {
        case .word(let word): byWord[word, default: []].append(index)
        case .prefix(let start):
            byPrefix[start, default: []].append(index)
            if !prefixLengths.contains(start.utf8.count) {
                prefixLengths.append(start.utf8.count)
                prefixLengths.sort()
            }
        case .atLeast, .below, .feverTemperature: byNumber.append(index)
        }
    }

    /// Every phrase that starts at `position` and ends by `end`.
    func matches(in words: [String], at position: Int, end: Int, into result: inout [Match]) {
        let word = words[position]
        func attempt(_ indices: [Int]) {
            for index in indices {
                let (pattern, label) = patterns[index]
                if let stop = pattern.match(words, at: position, end: end, fillers: fillers, maximumGap: maximumGap) {
                    result.append(Match(label: label, range: position..<stop))
                }
            }
        }
        if let indices = byWord[word] { attempt(indices) }
        if !byPrefix.isEmpty {
            let length = word.utf8.count
            for prefixLength in prefixLengths {
                guard prefixLength <= length else { break }
                if let indices = byPrefix[String(decoding: word.utf8.prefix(prefixLength), as: UTF8.self)] { attempt(indices) }
            }
        }
        if !byNumber.isEmpty, word.first?.isASCIIDigit == true { attempt(byNumber) }
    }

    /// Every phrase in `words[range]`, in order of where it starts.
    func matches(in words: [String], range: Range<Int>) -> [Match] {
        var result: [Match] = []
        for position in range { matches(in: words, at: position, end: range.upperBound, into: &result) }
        return result
    }

    /// Every pattern, for lint and the typo corrector's vocabulary.
    var allPatterns: [(pattern: PhrasePattern, label: Label)] { patterns }
}
