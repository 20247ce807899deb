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
        // The byte first: most words have no full stop, and the search for one as text is slow.
        if word.utf8.contains(46), word.contains("."), let value = Double(word), value >= 0, value < 10000 { return Int(value) }
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
        // By index, not by copying each word of the phrase: this runs for every word of every message.
        let pattern = self.words
        guard !pattern.isEmpty, start < end, pattern[0].matches(words[start]) else { return nil }
        var position = start + 1
        var next = 1
        while next < pattern.count {
            var skipped = 0
            while position < end, skipped < maximumGap, !pattern[next].matches(words[position]), fillers.contains(words[position]) {
                position += 1
                skipped += 1
            }
            guard position < end, pattern[next].matches(words[position]) else { return nil }
            position += 1
            next += 1
        }
        return position
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Many phrases, indexed by how they start, so that finding every phrase in
/// a message costs a few hash lookups per word.
///
/// Each phrase is kept as the bytes of its compiled form (its words, its label and
/// its text) and matched from them, and the phrases by first word are a hash table
/// over bytes: read from the library's compiled form, neither is decoded at all,
/// which spares the start-up making thousands of strings, arrays and dictionaries.
///
/// `Label` is constrained by the extensions, not the type, so that the type is made
/// at run time without checking conformances (which searches every conformance of
/// the program, at every start).
struct PhraseSet<Label: Sendable>: Sendable {
    /// A phrase found in a message.
    struct Match: Sendable {
        var label: Label
        var range: Range<Int>
    }

    /// Each phrase and its label, as ``CompiledWriter`` writes a ``PhrasePattern`` and a `Label`.
    var records = ByteStrings()
    var byWord = StringKeyedLists()
    var byPrefix: [String: [Int]] = [:]
    var prefixLengths: [Int] = []
    var byNumber: [Int] = []
    /// The phrases of `byPrefix` by the first byte of their word start, each list shortest
    /// start first, so that finding a word's starts compares bytes instead of making
    /// and hashing a string for each length (see ``prefixGroups(_:lengths:)``).
    var prefixGroups: [[PhrasePrefixGroup]]? = []
    /// Each phrase's second word as a ``wordKey(_:)``, or 0.
    ///
    /// 0 when it has no second word or that word is not a plain ASCII word. A phrase
    /// whose second word is not within reach is passed over without reading it.
    ///
    /// Kept as an array, not read from the compiled bytes: the check runs for every
    /// phrase a word reaches, and reading each from bytes slowed replies by a tenth.
    var secondWords: [UInt32] = []
    let fillers: Set<String>
    let maximumGap: Int

    init(fillers: Set<String> = [], maximumGap: Int = 0) {
        self.fillers = fillers
        self.maximumGap = maximumGap
    }
}

extension PhraseSet.Match: Equatable where Label: Equatable {}
extension PhraseSet.Match: Hashable where Label: Hashable {}

extension PhraseSet where Label: CompiledCodable {

    /// Adds `pattern`, reported with `label` where it matches.
    mutating func add(_ pattern: PhrasePattern, label: Label) {
        guard let first = pattern.words.first else { return }
        let index = records.count
        records.append(CompiledWriter.bytes(of: CompiledPair(pattern, label)))
        secondWords.append(Self.secondWord(of: pattern))
        switch first {
        case .word(let word): byWord.append(index, to: word)
        case .prefix(let start):
            byPrefix[start, default: []].append(index)
            if !prefixLengths.contains(start.utf8.count) {
                prefixLengths.append(start.utf8.count)
                prefixLengths.sort()
            }
            prefixGroups = Self.prefixGroups(byPrefix, lengths: prefixLengths)
        case .atLeast, .below, .feverTemperature: byNumber.append(index)
        }
    }

    /// `byPrefix` grouped for ``matches(in:at:end:into:)``: by first byte, shortest first.
    ///
    /// Only starts of the lengths in `lengths` are kept, as the lookup by length kept
    /// them. `nil` when a start is not ASCII: ASCII strings are equal exactly when their
    /// bytes are, while other strings compare by canonical equivalence, so those keep
    /// the lookup by string.
    static func prefixGroups(_ byPrefix: [String: [Int]], lengths: [Int]) -> [[PhrasePrefixGroup]]? {
        guard !byPrefix.isEmpty else { return [] }
        var groups = [[PhrasePrefixGroup]](repeating: [], count: 128)
        for (prefix, indices) in byPrefix where lengths.contains(prefix.utf8.count) {
            guard let first = prefix.utf8.first, prefix.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            groups[Int(first)].append(PhrasePrefixGroup(prefix: Array(prefix.utf8), indices: indices))
        }
        // One word has at most one start of each length: by length is the order the lookup by length had
        // (and starts of one length by their bytes, so that the groups never depend on hashing).
        return groups.map { group in
            group.sorted { first, second in
                first.prefix.count != second.prefix.count
                    ? first.prefix.count < second.prefix.count : first.prefix.lexicographicallyPrecedes(second.prefix)
            }
        }
    }

    /// FNV-1a of an ASCII word, never 0; 0 for any other word (it may equal a word
    /// with other bytes: strings compare by canonical equivalence).
    ///
    /// Two ASCII words are equal only if their keys are.
    static func wordKey(_ word: String) -> UInt32 {
        var value: UInt32 = 2_166_136_261
        for byte in word.utf8 {
            guard byte < 0x80 else { return 0 }
            value = (value ^ UInt32(byte)) &* 16_777_619
        }
        return value == 0 ? 1 : value
    }

    /// The key of a phrase's second word, or 0 if it has no second word that is a plain word.
    static func secondWord(of pattern: PhrasePattern) -> UInt32 {
        guard pattern.words.count > 1, case .word(let word) = pattern.words[1] else { return 0 }
        return wordKey(word)
    }

    /// Tries the phrases at `indices` at `position`, adding those that match to `result`.
    ///
    /// `keys` are the ``wordKey(_:)`` of `words[base..<end]`: a phrase whose second word
    /// is a plain word can only match if that word comes within `maximumGap` words.
    private func attempt(
        _ indices: some Sequence<Int>, _ words: [String], keys: [UInt32], base: Int, at position: Int, end: Int,
        into result: inout [Match]
    ) {
        let reach = min(end, position + 2 + max(0, maximumGap))
        for index in indices {
            let second = secondWords[index]
            if second != 0 {
                var near = false
                var next = position + 1
                while next < reach {
                    let key = keys[next - base]
                    if key == second || key == 0 {
                        near = true
                        break
                    }
                    next += 1
                }
                guard near else { continue }
            }
            // The label is read only for a phrase that matches, and inside: the bytes may be an array's.
            let found = records.withBytes(at: index) { record -> Match? in
                guard
                    var found = PackedPhrase.match(
                        record, words, keys: keys, base: base, at: position, end: end, fillers: fillers, maximumGap: maximumGap),
                    let label = try? found.labelReader.read(Label.self)
                else { return nil }
                return Match(label: label, range: position..<found.end)
            }
            if let found { result.append(found) }
        }
    }

    /// Every phrase that starts at `position` and ends by `end`; `keys` as for
    /// ``attempt(_:_:keys:base:at:end:into:)``.
    private func matches(
        in words: [String], keys: [UInt32], base: Int, at position: Int, end: Int, into result: inout [Match]
    ) {
        var word = words[position]
        if let indices = byWord.list(of: word) {
            attempt(indices, words, keys: keys, base: base, at: position, end: end, into: &result)
        }
        if !byPrefix.isEmpty {
            if let groups = prefixGroups {
                word.withUTF8 { bytes in
                    guard let first = bytes.first, first < 0x80 else { return }
                    for group in groups[Int(first)] {
                        guard group.prefix.count <= bytes.count else { break }
                        if group.prefix.elementsEqual(UnsafeBufferPointer(rebasing: bytes[..<group.prefix.count])) {
                            attempt(group.indices, words, keys: keys, base: base, at: position, end: end, into: &result)
                        }
                    }
                }
            } else {
                let length = word.utf8.count
                for prefixLength in prefixLengths {
                    guard prefixLength <= length else { break }
                    if let indices = byPrefix[String(decoding: word.utf8.prefix(prefixLength), as: UTF8.self)] {
                        attempt(indices, words, keys: keys, base: base, at: position, end: end, into: &result)
                    }
                }
            }
        }
        if !byNumber.isEmpty, word.first?.isASCIIDigit == true {
            attempt(byNumber, words, keys: keys, base: base, at: position, end: end, into: &result)
        }
    }

    /// Every phrase in `words[range]`, in order of where it starts.
    func matches(in words: [String], range: Range<Int>) -> [Match] {
        var result: [Match] = []
        let keys = words[range].map(Self.wordKey)
        for position in range {
            matches(in: words, keys: keys, base: range.lowerBound, at: position, end: range.upperBound, into: &result)
        }
        return result
    }

    /// Every pattern, for lint and the typo corrector's vocabulary (decoded: this is not for replies).
    var allPatterns: [(pattern: PhrasePattern, label: Label)] {
        (0..<records.count).compactMap { index in
            records.withBytes(at: index) { record in
                var reader = CompiledReader(record)
                guard let pair = try? reader.read(CompiledPair<PhrasePattern, Label>.self) else { return nil }
                return (pair.first, pair.second)
            }
        }
    }
}

/// A word start of a ``PhraseSet``'s `byPrefix`, as bytes, and the phrases that begin with it.
///
/// Not nested in the generic set: its type would then be made at run time, checking the
/// label's conformances, which costs the start-up more than the groups themselves.
struct PhrasePrefixGroup: Sendable {
    var prefix: [UInt8]
    var indices: [Int]
}

/// A phrase matched from its compiled bytes, as ``PhrasePattern/match(_:at:end:fillers:maximumGap:)``
/// matches it, without making its words.
enum PackedPhrase {
    /// One word of a phrase, pointing into its bytes.
    private enum Word {
        case word(UnsafeRawBufferPointer)
        case prefix(UnsafeRawBufferPointer)
        /// A number bound, which holds no string.
        case number(PatternWord)

        /// Whether `word`, whose ``PhraseSet/wordKey(_:)`` is `key`, is this word, as ``PatternWord/matches(_:)`` decides.
        func matches(_ word: String, key: UInt32) -> Bool {
            switch self {
            case .word(let text):
                // An ASCII word differs from a phrase word that starts with another ASCII byte, whatever follows
                // (an ASCII character neither decomposes nor combines with what comes before it).
                if key != 0, let first = text.first, first < 0x80, first != word.utf8.first { return false }
                // ASCII strings are equal exactly when their bytes are; others compare as strings.
                guard key != 0, text.allSatisfy({ $0 < 0x80 }) else { return word == String(decoding: text, as: UTF8.self) }
                return word.utf8.count == text.count && word.utf8.elementsEqual(text)
            case .prefix(let start):
                guard key != 0, start.allSatisfy({ $0 < 0x80 }) else { return word.hasPrefix(String(decoding: start, as: UTF8.self)) }
                return word.utf8.count >= start.count && word.utf8.prefix(start.count).elementsEqual(start)
            case .number(let bound): return bound.matches(word)
            }
        }
    }

    /// Reads the next word of a phrase, as ``PatternWord``'s compiled form has it.
    private static func word(_ reader: inout CompiledReader) throws(CompiledFormError) -> Word {
        switch try reader.readTag() {
        case 0: return .word(try reader.readSlice())
        case 1: return .prefix(try reader.readSlice())
        case 2: return .number(.atLeast(try reader.read()))
        case 3: return .number(.below(try reader.read()))
        case 4: return .number(.feverTemperature)
        default: throw CompiledFormError("a phrase word in the compiled knowledge base is malformed")
        }
    }

    /// Where the phrase of `record` ends if it starts at `start`, and a reader at its label (after its words and
    /// its text); `nil` if it does not match there.
    ///
    /// `keys` are the ``PhraseSet/wordKey(_:)`` of `words[base...]`.
    static func match(
        _ record: UnsafeRawBufferPointer, _ words: [String], keys: [UInt32], base: Int, at start: Int, end: Int,
        fillers: Set<String>, maximumGap: Int
    ) -> (end: Int, labelReader: CompiledReader)? {
        var reader = CompiledReader(record)
        guard let count = try? reader.readCount(), count > 0, start < end,
            let first = try? word(&reader), first.matches(words[start], key: keys[start - base])
        else { return nil }
        var position = start + 1
        for _ in 1..<count {
            guard let next = try? word(&reader) else { return nil }
            var skipped = 0
            while position < end, skipped < maximumGap, !next.matches(words[position], key: keys[position - base]),
                fillers.contains(words[position])
            {
                position += 1
                skipped += 1
            }
            guard position < end, next.matches(words[position], key: keys[position - base]) else { return nil }
            position += 1
        }
        // The phrase's text (for diagnostics) comes before the label.
        guard (try? reader.readSlice()) != nil else { return nil }
        return (position, reader)
    }
}
