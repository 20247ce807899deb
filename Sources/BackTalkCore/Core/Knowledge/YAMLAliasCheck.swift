import Yams

/// Finds YAML anchors (`&name`) and aliases (`*name`) without letting the YAML
/// library expand them.
///
/// The knowledge base never needs them, and composing a file that has them can
/// take forever: nine lines of aliases of aliases stand for 10^10 nodes, which
/// the library hashes in full when one is a mapping key (an "alias bomb").
///
/// A `*` or `&` is also ordinary text in a quoted string, a block scalar, a
/// comment or inside a plain scalar ("R&D", "see *note*"), so the characters
/// alone do not tell. The check composes a copy of the text in which every `*`
/// and `&` is replaced by `x`: the copy can have no aliases, so composing it is
/// linear, and since the characters before the first real anchor or alias are
/// read the same way in both, a real one becomes a plain scalar that starts a
/// node exactly where the `*` or `&` was, while text stays inside a node that
/// started elsewhere. If the copy does not parse, any `*` or `&` where a token
/// can start counts, for such a file is refused either way.
enum YAMLAliasCheck {
    /// An anchor or alias, located.
    struct Finding: Equatable {
        /// The 1-based line.
        var line: Int
        /// `*` for an alias, `&` for an anchor.
        var indicator: Character
    }

    /// The first anchor or alias in `text`, if any.
    static func first(in text: String) -> Finding? {
        let bytes = Array(text.utf8)
        guard bytes.contains(asterisk) || bytes.contains(ampersand) else { return nil }

        let candidates = locate(text)
        guard !candidates.isEmpty else { return nil }
        let neutral = String(decoding: bytes.map { $0 == asterisk || $0 == ampersand ? x : $0 }, as: UTF8.self)

        let nodeStarts: Set<Position>
        do {
            guard let root = try Yams.compose(yaml: neutral) else { return nil }
            nodeStarts = starts(of: root)
        } catch {
            // The copy is not YAML: the file is refused anyway. Name a `*` or `&`
            // that could start a token, if there is one, as the likeliest reason.
            return candidates.first { $0.atTokenStart }.map { Finding(line: $0.position.line, indicator: $0.indicator) }
        }
        for candidate in candidates {
            // After a tag (`!t &a v`) the node starts at the tag: the anchor is still the node's.
            if nodeStarts.contains(candidate.position) || candidate.afterNodeStartingTag(in: nodeStarts) {
                return Finding(line: candidate.position.line, indicator: candidate.indicator)
            }
        }
        return nil
    }

    // MARK: - Positions

    private static let asterisk = UInt8(ascii: "*"), ampersand = UInt8(ascii: "&"), x = UInt8(ascii: "x")

    /// A line and column as the YAML library counts them: from 1, columns in Unicode scalars.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// A `*` or `&` in the text.
    struct Candidate {
        var position: Position
        var indicator: Character
        /// Whether a token could start here: at the start of a line, or after
        /// a space, a tab or punctuation, rather than inside a word.
        var atTokenStart: Bool
        /// Where a tag (`!...`) right before it, separated by spaces, starts.
        var tagStart: Position?

        func afterNodeStartingTag(in starts: Set<Position>) -> Bool {
            tagStart.map(starts.contains) ?? false
        }
    }

    /// Every `*` and `&`, with YAML's line breaks: LF, CR, CR LF, NEL, LS and PS.
    static func locate(_ text: String) -> [Candidate] {
        var candidates: [Candidate] = []
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        // The current run of non-blank characters, and the last run that ended before blanks.
        var wordStart: Position?
        var wordFirst: Unicode.Scalar?
        var lastWord: (start: Position, first: Unicode.Scalar)?
        let scalars = Array(text.unicodeScalars)
        var index = 0
        if scalars.first == "\u{FEFF}" {  // a byte-order mark takes a column, and is not a word
            index = 1
            column = 2
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                line += 1
                column = 1
                previous = nil
                wordStart = nil
                lastWord = nil
                index += 1
                continue
            case " ", "\t":
                if let start = wordStart, let first = wordFirst { lastWord = (start, first) }
                wordStart = nil
            default:
                if wordStart == nil {
                    wordStart = Position(line: line, column: column)
                    wordFirst = scalar
                }
            }
            if scalar == "*" || scalar == "&" {
                let atTokenStart = previous.map { !($0.properties.isAlphabetic || ("0"..."9").contains($0)) } ?? true
                let afterBlank = previous == " " || previous == "\t"
                let tag = afterBlank && lastWord?.first == "!" ? lastWord?.start : nil
                candidates.append(
                    Candidate(
                        position: Position(line: line, column: column),
                        indicator: Character(scalar), atTokenStart: atTokenStart, tagStart: tag))
            }
            previous = scalar
            column += 1
            index += 1
        }
        return candidates
    }

    /// Where every node of `root` starts.
    ///
    /// Without aliases the nodes form a tree, so this visits each once.
    private static func starts(of root: Node) -> Set<Position> {
        var starts = Set<Position>()
        var pending = [root]
        while let node = pending.popLast() {
            if let mark = node.mark { starts.insert(Position(line: mark.line, column: mark.column)) }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { pending += [key, value] }
            case .sequence(let sequence):
                pending += Array(sequence)
            case .scalar, .alias:
                break
            }
        }
        return starts
    }
}
