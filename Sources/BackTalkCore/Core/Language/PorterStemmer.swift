/// The Porter (1980) stemming algorithm, on ASCII lowercase words.
///
/// It maps "spasms", "cramping" and "stretched" to the same form as their
/// plain words. Words with other characters are returned unchanged.
struct PorterStemmer: Stemmer {
    func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var w = Word(Array(word.utf8))
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        return String(decoding: w.b, as: UTF8.self)
    }

    private struct Word {
        var b: [UInt8]
        init(_ b: [UInt8]) { self.b = b }

        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 97, 101, 105, 111, 117: return false  // a e i o u
            case 121: return i == 0 ? true : !isConsonant(i - 1)  // y
            default: return true
            }
        }

        /// The number of vowel-consonant sequences in `b[0..<end]`.
        func measure(_ end: Int) -> Int {
            var n = 0
            var i = 0
            while i < end && isConsonant(i) { i += 1 }
            while i < end {
                while i < end && !isConsonant(i) { i += 1 }
                if i >= end { break }
                while i < end && isConsonant(i) { i += 1 }
                n += 1
            }
            return n
        }

        func hasVowel(_ end: Int) -> Bool { (0..<end).contains { !isConsonant($0) } }

        func endsWithDoubleConsonant(_ end: Int) -> Bool {
            end >= 2 && b[end - 1] == b[end - 2] && isConsonant(end - 1)
        }

        /// consonant-vowel-consonant, where the last is not w, x or y.
        func cvc(_ end: Int) -> Bool {
            guard end >= 3, isConsonant(end - 1), !isConsonant(end - 2), isConsonant(end - 3) else { return false }
            let c = b[end - 1]
            return c != 119 && c != 120 && c != 121
        }

        func ends(_ s: StaticString) -> Bool {
            let count = s.utf8CodeUnitCount
            guard b.count >= count else { return false }
            return s.withUTF8Buffer { suffix in
                var i = 0
                while i < count {
                    if b[b.count - count + i] != suffix[i] { return false }
                    i += 1
                }
                return true
            }
        }

        mutating func setEnd(_ suffixLength: Int, _ replacement: StaticString) {
            b.removeLast(suffixLength)
            replacement.withUTF8Buffer { b.append(contentsOf: $0) }
        }

        /// Replaces the first matching suffix when the stem's measure exceeds `minimum`.
        mutating func replace(_ rules: [(StaticString, StaticString)], minimum: Int) {
            for (suffix, replacement) in rules where ends(suffix) {
                let stemEnd = b.count - suffix.utf8CodeUnitCount
                if measure(stemEnd) > minimum { setEnd(suffix.utf8CodeUnitCount, replacement) }
                return
            }
        }

        mutating func step1a() {
            if ends("sses") {
                setEnd(4, "ss")
            } else if ends("ies") {
                setEnd(3, "i")
            } else if ends("ss") {
            } else if ends("s") {
                b.removeLast()
            }
        }

        mutating func step1b() {
            if ends("eed") {
                if measure(b.count - 3) > 0 { b.removeLast() }
                return
            }
            var removed = false
            if ends("ed"), hasVowel(b.count - 2) {
                b.removeLast(2)
                removed = true
            } else if ends("ing"), hasVowel(b.count - 3) {
                b.removeLast(3)
                removed = true
            }
            guard removed else { return }
            if ends("at") || ends("bl") || ends("iz") {
                b.append(101)
            } else if endsWithDoubleConsonant(b.count), ![108, 115, 122].contains(b[b.count - 1]) {
                b.removeLast()
            } else if measure(b.count) == 1 && cvc(b.count) {
                b.append(101)
            }
        }

        mutating func step1c() {
            if ends("y"), hasVowel(b.count - 1) { b[b.count - 1] = 105 }
        }

        static let step2Rules: [(StaticString, StaticString)] = [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ]

        mutating func step2() { replace(Self.step2Rules, minimum: 0) }

        static let step3Rules: [(StaticString, StaticString)] = [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ]

        mutating func step3() { replace(Self.step3Rules, minimum: 0) }

        /// Longest first, so that "ement" is tried before "ment" and "ent".
        static let step4Suffixes: [StaticString] = [
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ion", "ism", "ate", "iti", "ous", "ive", "ize",
            "al", "er", "ic", "ou",
        ]

        mutating func step4() {
            for suffix in Self.step4Suffixes where ends(suffix) {
                let stemEnd = b.count - suffix.utf8CodeUnitCount
                if suffix.utf8CodeUnitCount == 3 && ends("ion") {
                    guard stemEnd > 0, b[stemEnd - 1] == 115 || b[stemEnd - 1] == 116 else { return }
                }
                if measure(stemEnd) > 1 { b.removeLast(suffix.utf8CodeUnitCount) }
                return
            }
        }

        mutating func step5() {
            if ends("e") {
                let m = measure(b.count - 1)
                if m > 1 || (m == 1 && !cvc(b.count - 1)) { b.removeLast() }
            }
            if ends("ll"), measure(b.count) > 1 { b.removeLast() }
        }
    }
}
