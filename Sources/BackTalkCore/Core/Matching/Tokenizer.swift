import Foundation

/// A word of a message after normalisation, with where it stands.
struct Token: Sendable, Hashable {
    /// Lower case, no diacritics, no punctuation; contractions expanded.
    var word: String
    /// Which sentence of the message the word is in (split on `.`, `!`, `?`, `;` and new lines).
    var sentence: Int
    /// Which clause of the message (split further on commas, dashes and "but").
    var clause: Int
    /// Whether the word's sentence ends with a question mark.
    var question = false
}

/// Splits free text into normalised words, safely, in time linear in its length.
///
/// Control characters and terminal escape sequences are dropped here, found as
/// ``TerminalSanitizer`` finds them, so that nothing downstream ever sees (or repeats) them.
/// Contractions and shorthand are expanded, and clauses split, by the language's ``Lexicon``.
struct Tokenizer: Sendable {
    let lexicon: Lexicon

    func tokenize(_ text: String) -> [Token] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return tokenizeASCII(text) }
        let folded = Self.fold(Self.stripControls(text))
        var tokens: [Token] = []
        var sentence = 0
        var clause = 0
        var word = String.UnicodeScalarView()

        func flush() {
            guard !word.isEmpty else { return }
            var text = String(word)
            word.removeAll(keepingCapacity: true)
            // Apostrophes at the edges are quotes, not contractions.
            while text.hasPrefix("'") { text.removeFirst() }
            while text.hasSuffix("'") { text.removeLast() }
            guard !text.isEmpty else { return }
            if lexicon.clauseWords.contains(text) { clause += 1 }
            for expanded in expand(text) {
                tokens.append(Token(word: expanded, sentence: sentence, clause: clause))
            }
        }

        // A hyphen between two letters joins a word ("rear-ended"); decided when the next character comes.
        var hyphenAfterWord = false
        // A full stop after a digit may be a decimal point ("38.7°C"); decided by the next character.
        var pointAfterDigit = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if pointAfterDigit {
                pointAfterDigit = false
                if ("0"..."9").contains(scalar) {
                    word.append(".")
                    word.append(scalar)
                    continue
                }
                flush()
                if tokens.last.map({ $0.sentence == sentence }) ?? false {
                    sentence += 1
                    clause += 1
                }
            }
            if hyphenAfterWord {
                hyphenAfterWord = false
                if !isWordCharacter, tokens.last.map({ $0.clause == clause }) ?? false { clause += 1 }
            }
            if isWordCharacter {
                word.append(scalar)
            } else if scalar == "'" {
                word.append(scalar)
            } else {
                let afterWord = !word.isEmpty
                if scalar == ".", let last = word.last, ("0"..."9").contains(last) {
                    pointAfterDigit = true
                    continue
                }
                flush()
                switch scalar {
                case "-" where afterWord:
                    hyphenAfterWord = true
                case ".", "!", "?", ";", "\n", ":":
                    if scalar == "?" { Self.markQuestion(&tokens, sentence: sentence) }
                    if tokens.last.map({ $0.sentence == sentence }) ?? false {
                        sentence += 1
                        clause += 1
                    }
                case ",", "(", ")", "-", "\u{2013}", "\u{2014}", "/":
                    if tokens.last.map({ $0.clause == clause }) ?? false { clause += 1 }
                case "&":
                    tokens.append(Token(word: "and", sentence: sentence, clause: clause))
                default:
                    break
                }
            }
        }
        flush()
        if pointAfterDigit, tokens.last.map({ $0.sentence == sentence }) ?? false { sentence += 1 }
        return tokens
    }

    /// The same as `tokenize`, on bytes: most messages are ASCII, and this path
    /// is several times faster than walking Unicode scalars.
    private func tokenizeASCII(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var sentence = 0
        var clause = 0
        var word: [UInt8] = []
        let bytes = Array(text.utf8)

        func flush() {
            var start = 0
            var end = word.count
            while start < end && word[start] == 39 { start += 1 }
            while end > start && word[end - 1] == 39 { end -= 1 }
            defer { word.removeAll(keepingCapacity: true) }
            guard start < end else { return }
            let text = String(decoding: word[start..<end], as: UTF8.self)
            if lexicon.clauseWords.contains(text) { clause += 1 }
            for expanded in expand(text) {
                tokens.append(Token(word: expanded, sentence: sentence, clause: clause))
            }
        }

        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 46
            where i > 0 && i + 1 < bytes.count && (48...57).contains(bytes[i - 1]) && (48...57).contains(bytes[i + 1])
                && !word.isEmpty:
                word.append(byte)  // "38.7": a decimal point inside a number, not the end of a sentence.
            case 97...122, 48...57:
                word.append(byte)
            case 65...90:
                word.append(byte + 32)
            case 39, 96:  // ' and `
                word.append(39)
            case 0x1B:
                flush()
                // The whole escape sequence goes, as the terminal sanitiser finds it.
                if let end = TerminalSanitizer.endOfSequence(in: bytes, at: i) { i = end - 1 }
            default:
                flush()
                switch byte {
                case 46, 33, 63, 59, 10, 58:  // . ! ? ; newline :
                    if byte == 63 { Self.markQuestion(&tokens, sentence: sentence) }
                    if tokens.last.map({ $0.sentence == sentence }) ?? false {
                        sentence += 1
                        clause += 1
                    }
                case 45 where i > 0 && i + 1 < bytes.count && Self.isWordByte(bytes[i - 1]) && Self.isWordByte(bytes[i + 1]):
                    break  // "rear-ended", "co-codamol": a hyphen inside a word joins, it does not break the clause.
                case 44, 40, 41, 45, 47:  // , ( ) - /
                    if tokens.last.map({ $0.clause == clause }) ?? false { clause += 1 }
                case 38:  // & is "and": "A&E" reads as "a and e", as the phrases spell it.
                    tokens.append(Token(word: "and", sentence: sentence, clause: clause))
                default:
                    break
                }
            }
            i += 1
        }
        flush()
        return tokens
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte)
    }

    /// Marks the words of the sentence under way as a question.
    ///
    /// Each word is marked at most once (a marked sentence stops the walk), so this stays linear.
    private static func markQuestion(_ tokens: inout [Token], sentence: Int) {
        var index = tokens.count - 1
        while index >= 0, tokens[index].sentence == sentence, !tokens[index].question {
            tokens[index].question = true
            index -= 1
        }
    }

    /// Expands contractions and chat shorthand; drops a possessive `'s`.
    func expand(_ word: String) -> [String] {
        if let expansion = lexicon.expansions[word] { return expansion }
        // "10yo", "55f", "6wks": a number run into its unit reads as two words
        // (a decade such as "70s" stays whole).
        let digits = word.utf8.prefix { $0 >= 48 && $0 <= 57 }.count
        if digits > 0, digits < word.utf8.count, word.utf8.count - digits > 1 || word.utf8.last != 115 {
            let rest = String(decoding: word.utf8.dropFirst(digits), as: UTF8.self)
            if rest.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
                return [String(decoding: word.utf8.prefix(digits), as: UTF8.self)] + expand(rest)
            }
        }
        // The byte first: most words have no apostrophe, and the search for one as text is slow.
        guard word.utf8.contains(39), word.contains("'") else { return [word] }
        for (suffix, replacement) in lexicon.apostropheSuffixes where word.hasSuffix(suffix) {
            let base = String(word.dropLast(suffix.count))
            if suffix == lexicon.possessive, !lexicon.possessiveReadAsWordAfter.contains(base) { return expand(base) }
            return expand(base) + [replacement]
        }
        return [word.replacingOccurrences(of: "'", with: "")]
    }

    /// Turns terminal escape sequences (as ``TerminalSanitizer`` finds them) and other
    /// control characters into spaces, curly apostrophes into straight ones, and drops format characters.
    static func stripControls(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        TerminalSanitizer.forEachPiece(of: text) { piece in
            guard case .scalar(let scalar) = piece else { return result.append(" ") }
            switch scalar.value {
            case 0x0A:
                result.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F:
                result.append(" ")
            case 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4:
                result.append("'")
            default:
                if scalar.properties.generalCategory == .format { return }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Lower case without diacritics or width variants; ASCII takes a fast path.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
