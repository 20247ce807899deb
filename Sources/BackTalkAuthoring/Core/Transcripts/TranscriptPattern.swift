/// The regular expression of a `~re` line, matched against a whole reply line in
/// time linear in the line's length, whatever the pattern.
///
/// Swift's `Regex` backtracks and has no time limit: `(.*?)*X$` against a line
/// without `X` takes longer than anyone waits. This is a Thompson automaton run
/// over the line's characters (never backtracking) for the subset of Swift
/// `Regex` syntax a transcript needs:
///
/// - characters, `.` (any character), escaped punctuation (`\.`, `\(`, `\\`...);
/// - classes `[abc]`, `[a-z]`, `[^...]`, and `\d \D \w \W \s \S` in or out of them;
/// - groups `(...)`, `(?:...)`, `(?<name>...)`, alternation `|`;
/// - quantifiers `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, greedy or lazy (`*?`);
/// - `^`, `$`, `\b` and `\B`.
///
/// Anything else (backreferences, lookaround, possessive quantifiers, options)
/// is refused when the transcript is read, with what is not supported.
struct TranscriptPattern: Sendable {
    /// Why a pattern cannot be used, in one sentence.
    struct SyntaxError: Error, Equatable {
        var message: String
    }

    /// The largest count in `{n,m}`, and the most steps the compiled pattern may have:
    /// what bounds the time per character.
    static let largestCount = 1_000
    static let largestProgram = 10_000
    /// How deeply groups may nest.
    static let deepestNesting = 100

    private let program: [Instruction]

    /// Compiles `pattern`.
    /// - Throws: ``SyntaxError`` for malformed or unsupported syntax, or a pattern too large.
    init(_ pattern: String) throws(SyntaxError) {
        var parser = Parser(characters: Array(pattern))
        let tree = try parser.parseWhole()
        var compiler = Compiler()
        try compiler.emit(tree)
        compiler.program.append(.match)
        program = compiler.program
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        let characters = Array(text)
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        add(0, at: 0, of: characters, to: &current)
        for position in characters.indices {
            if current.isEmpty { return false }
            next.clear()
            let character = characters[position]
            for pc in current.pcs {
                switch program[pc] {
                case .any:
                    add(pc + 1, at: position + 1, of: characters, to: &next)
                case .character(let expected) where expected == character:
                    add(pc + 1, at: position + 1, of: characters, to: &next)
                case .set(let set) where set.contains(character):
                    add(pc + 1, at: position + 1, of: characters, to: &next)
                default:
                    break
                }
            }
            swap(&current, &next)
        }
        return current.pcs.contains { program[$0] == .match }
    }

    /// Adds `start` and everything reachable from it without consuming a character
    /// at `position`; each step at most once, so empty loops end.
    private func add(_ start: Int, at position: Int, of characters: [Character], to list: inout ThreadList) {
        var pending = [start]
        while let pc = pending.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .split(let first, let second):
                pending += [second, first]
            case .jump(let target):
                pending.append(target)
            case .assertion(let assertion):
                if assertion.holds(at: position, in: characters) { pending.append(pc + 1) }
            case .character, .any, .set, .match:
                break
            }
        }
    }
}

// MARK: - Matching

private enum Instruction: Equatable, Sendable {
    case character(Character)
    case any
    case set(CharacterSet)
    case split(Int, Int)
    case jump(Int)
    case assertion(Assertion)
    case match
}

private enum Assertion: Equatable, Sendable {
    case start, end, wordBoundary, notWordBoundary

    func holds(at position: Int, in characters: [Character]) -> Bool {
        switch self {
        case .start: return position == 0
        case .end: return position == characters.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && CharacterClass.word.contains(characters[position - 1])
            let after = position < characters.count && CharacterClass.word.contains(characters[position])
            return (before != after) == (self == .wordBoundary)
        }
    }
}

/// The steps alive at one position, in order, without repeats.
private struct ThreadList {
    private(set) var pcs: [Int] = []
    private var present: [Bool]

    init(capacity: Int) {
        present = Array(repeating: false, count: capacity)
    }

    var isEmpty: Bool { pcs.isEmpty }

    /// False if `pc` was already there.
    mutating func insert(_ pc: Int) -> Bool {
        if present[pc] { return false }
        present[pc] = true
        pcs.append(pc)
        return true
    }

    mutating func clear() {
        for pc in pcs { present[pc] = false }
        pcs.removeAll(keepingCapacity: true)
    }
}

/// `\d`, `\w` and `\s`, as Swift `Regex` reads them by default.
private enum CharacterClass: Equatable, Sendable {
    case digit, word, space

    func contains(_ character: Character) -> Bool {
        switch self {
        case .digit: character.isNumber && character.unicodeScalars.first?.properties.numericType == .decimal
        case .word: character.isLetter || character.isNumber || character == "_"
        case .space: character.isWhitespace
        }
    }
}

/// A bracketed class, or one of `\d \w \s` and their negations.
private struct CharacterSet: Equatable, Sendable {
    enum Member: Equatable, Sendable {
        case character(Character)
        case range(Unicode.Scalar, Unicode.Scalar)
        case `class`(CharacterClass, negated: Bool)
    }

    var members: [Member]
    var negated: Bool

    func contains(_ character: Character) -> Bool {
        members.contains { member in
            switch member {
            case .character(let expected):
                return expected == character
            case .range(let low, let high):
                guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
                return low <= scalar && scalar <= high
            case .class(let characterClass, let negated):
                return characterClass.contains(character) != negated
            }
        } != negated
    }
}

// MARK: - Parsing

private indirect enum Node {
    case empty
    case character(Character)
    case any
    case set(CharacterSet)
    case assertion(Assertion)
    case sequence([Node])
    case alternation([Node])
    /// `node{minimum,maximum}`; a nil maximum is unbounded.
    case repetition(Node, minimum: Int, maximum: Int?)
}

private struct Parser {
    let characters: [Character]
    var index = 0
    var depth = 0

    typealias SyntaxError = TranscriptPattern.SyntaxError

    mutating func parseWhole() throws(SyntaxError) -> Node {
        let node = try parseAlternation()
        if index < characters.count {
            throw SyntaxError(message: "unbalanced `)` at position \(index + 1)")
        }
        return node
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private mutating func parseAlternation() throws(SyntaxError) -> Node {
        var branches = [try parseSequence()]
        while current == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(SyntaxError) -> Node {
        var items: [Node] = []
        while let character = current, character != "|", character != ")" {
            var atom = try parseAtom()
            if let (minimum, maximum) = try parseQuantifier() {
                if case .assertion = atom {
                    throw SyntaxError(message: "nothing to repeat before the quantifier at position \(index)")
                }
                atom = .repetition(atom, minimum: minimum, maximum: maximum)
                if current == "?" {
                    index += 1  // lazy: the same as greedy for whether the whole line matches
                } else if current == "+" {
                    throw unsupported("possessive quantifiers (`*+`, `++`, `?+`)")
                }
                if let next = current, next == "*" || next == "+" || next == "?" || (next == "{" && isCountAhead) {
                    throw SyntaxError(message: "a quantifier follows another at position \(index + 1); put the first in a group")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .sequence(items))
    }

    /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`, as (minimum, maximum); nil if none is here.
    private mutating func parseQuantifier() throws(SyntaxError) -> (Int, Int?)? {
        switch current {
        case "*":
            index += 1
            return (0, nil)
        case "+":
            index += 1
            return (1, nil)
        case "?":
            index += 1
            return (0, 1)
        case "{" where isCountAhead:
            index += 1
            let minimum = try parseCount()
            var maximum: Int? = minimum
            if current == "," {
                index += 1
                maximum = current == "}" ? nil : try parseCount()
            }
            guard current == "}" else { throw SyntaxError(message: "unclosed `{` in a quantifier") }
            index += 1
            if let maximum, maximum < minimum {
                throw SyntaxError(message: "`{\(minimum),\(maximum)}` has its bounds the wrong way round")
            }
            return (minimum, maximum)
        default:
            return nil
        }
    }

    /// Whether a `{` here starts a count (`{2}`, `{2,}`, `{2,5}`) rather than standing for itself.
    private var isCountAhead: Bool {
        var probe = index + 1
        var digits = 0
        while probe < characters.count, characters[probe].isASCII, characters[probe].isNumber {
            probe += 1
            digits += 1
        }
        return digits > 0 && probe < characters.count && (characters[probe] == "}" || characters[probe] == ",")
    }

    private mutating func parseCount() throws(SyntaxError) -> Int {
        var value = 0
        var digits = 0
        while let character = current, character.isASCII, let digit = character.wholeNumberValue {
            value = value * 10 + digit
            digits += 1
            index += 1
            if value > TranscriptPattern.largestCount {
                throw SyntaxError(message: "a count above \(TranscriptPattern.largestCount) in `{}`")
            }
        }
        guard digits > 0 else { throw SyntaxError(message: "a count in `{}` must be a number") }
        return value
    }

    private mutating func parseAtom() throws(SyntaxError) -> Node {
        guard let character = current else { return .empty }
        index += 1
        switch character {
        case "(":
            return try parseGroup()
        case "[":
            return .set(try parseSet())
        case ".":
            return .any
        case "^":
            return .assertion(.start)
        case "$":
            return .assertion(.end)
        case "\\":
            return try parseEscape()
        case "*", "+", "?":
            throw SyntaxError(message: "nothing to repeat before `\(character)` at position \(index)")
        case "{" where isCountAhead(from: index - 1):
            throw SyntaxError(message: "nothing to repeat before `{` at position \(index)")
        default:
            return .character(character)
        }
    }

    private func isCountAhead(from position: Int) -> Bool {
        var copy = self
        copy.index = position
        return copy.isCountAhead
    }

    private mutating func parseGroup() throws(SyntaxError) -> Node {
        depth += 1
        defer { depth -= 1 }
        if depth > TranscriptPattern.deepestNesting {
            throw SyntaxError(message: "groups nested more than \(TranscriptPattern.deepestNesting) deep")
        }
        if current == "?" {
            index += 1
            switch current {
            case ":":
                index += 1
            case "<" where index + 1 < characters.count && characters[index + 1] != "=" && characters[index + 1] != "!":
                // A named group: its name is not needed to tell whether the line matches.
                index += 1
                while let character = current, character != ">" { index += 1 }
                guard current == ">" else { throw SyntaxError(message: "unclosed group name") }
                index += 1
            case "=", "!": throw unsupported("lookahead (`(?=` and `(?!`)")
            case "<": throw unsupported("lookbehind (`(?<=` and `(?<!`)")
            case ">": throw unsupported("atomic groups (`(?>`)")
            default: throw unsupported("group options such as `(?i)`")
            }
        }
        let inner = try parseAlternation()
        guard current == ")" else { throw SyntaxError(message: "missing `)`") }
        index += 1
        return inner
    }

    private mutating func parseEscape() throws(SyntaxError) -> Node {
        guard let character = current else { throw SyntaxError(message: "a `\\` at the end of the pattern") }
        index += 1
        switch character {
        case "d", "D", "w", "W", "s", "S":
            return .set(CharacterSet(members: [Self.classMember(character)], negated: false))
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "t": return .character("\t")
        default:
            return .character(try Self.escapedLiteral(character))
        }
    }

    private static func classMember(_ letter: Character) -> CharacterSet.Member {
        let negated = letter.isUppercase
        switch letter.lowercased() {
        case "d": return .class(.digit, negated: negated)
        case "w": return .class(.word, negated: negated)
        default: return .class(.space, negated: negated)
        }
    }

    /// The character an escape such as `\.` stands for; letters and digits are refused,
    /// for in Swift `Regex` they mean something (`\1`, `\p{...}`, `\u{...}`).
    private static func escapedLiteral(_ character: Character) throws(SyntaxError) -> Character {
        if character.isLetter || character.isNumber {
            throw SyntaxError(message: "`\\\(character)` is not supported in `~re` (see Transcripts/README.md for what is)")
        }
        return character
    }

    private mutating func parseSet() throws(SyntaxError) -> CharacterSet {
        var set = CharacterSet(members: [], negated: false)
        if current == "^" {
            set.negated = true
            index += 1
        }
        if current == "]" { throw SyntaxError(message: "an empty class `[]`; write a `]` in a class as `\\]`") }
        while true {
            guard let character = current else { throw SyntaxError(message: "missing `]`") }
            index += 1
            if character == "]" { return set }
            if character == "[" && (current == ":" || current == "=" || current == ".") {
                throw unsupported("POSIX classes and nested sets inside `[...]`")
            }
            var low: Character = character
            if character == "\\" {
                guard let escaped = current else { throw SyntaxError(message: "missing `]`") }
                index += 1
                if "dDwWsS".contains(escaped) {
                    set.members.append(Self.classMember(escaped))
                    continue
                }
                low = escaped == "t" ? "\t" : try Self.escapedLiteral(escaped)
            }
            if current == "-", index + 1 < characters.count, characters[index + 1] != "]" {
                index += 1
                guard var high = current else { throw SyntaxError(message: "missing `]`") }
                index += 1
                if high == "\\" {
                    guard let escaped = current else { throw SyntaxError(message: "missing `]`") }
                    index += 1
                    high = try Self.escapedLiteral(escaped)
                }
                guard low.unicodeScalars.count == 1, high.unicodeScalars.count == 1,
                    let from = low.unicodeScalars.first, let to = high.unicodeScalars.first, from <= to
                else { throw SyntaxError(message: "the range `\(low)-\(high)` is out of order") }
                set.members.append(.range(from, to))
            } else {
                set.members.append(.character(low))
            }
        }
    }

    private func unsupported(_ what: String) -> SyntaxError {
        SyntaxError(message: "\(what) not supported in `~re`, which is matched without backtracking (see Transcripts/README.md)")
    }
}

// MARK: - Compiling

private struct Compiler {
    var program: [Instruction] = []

    mutating func emit(_ node: Node) throws(TranscriptPattern.SyntaxError) {
        guard program.count <= TranscriptPattern.largestProgram else {
            throw TranscriptPattern.SyntaxError(message: "the pattern is too large once its counts are expanded; simplify it")
        }
        switch node {
        case .empty:
            break
        case .character(let character):
            program.append(.character(character))
        case .any:
            program.append(.any)
        case .set(let set):
            program.append(.set(set))
        case .assertion(let assertion):
            program.append(.assertion(assertion))
        case .sequence(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split L2, ... ; last branch
            var jumps: [Int] = []
            for (position, branch) in branches.enumerated() {
                if position < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let minimum, let maximum):
            for _ in 0..<minimum { try emit(inner) }
            if let maximum {
                // Each optional copy: split into it or past all the rest.
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try emit(inner)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                // loop: split body, exit; body; jump loop
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
