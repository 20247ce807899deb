/// Reads a transcript's text, line by line, into a ``Transcript``.
///
/// Each line is a message (`>`), a comment (`#`), a check (`~ key: value`), a
/// reply line meant to vary (`~contains`, `~re`), an escaped reply line (`\`)
/// or reply text. A reply runs from its message to its checks, the next
/// comment or the next message; blank lines at its end separate turns.
struct TranscriptParser {
    let file: String

    /// Where the parser is within a turn.
    private enum Phase {
        case beforeFirstTurn, reply, checks, betweenTurns
    }

    /// A turn being read, with its check lines kept until the turn ends.
    private struct OpenTurn {
        var turn: Transcript.Turn
        var checkLines: [(key: String, values: [String], line: Int)] = []
    }

    func parse(_ text: String) throws(TranscriptParseError) -> Transcript {
        var lines = TranscriptSyntax.lines(of: text)
        // A turn cut off while it was being recorded starts with NUL; it and anything after it go.
        var unfinishedTurnLine: Int?
        if let unfinished = lines.firstIndex(where: { $0.first == TranscriptSyntax.unfinished }) {
            unfinishedTurnLine = unfinished + 1
            lines.removeSubrange(unfinished...)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }

        var transcript = Transcript()
        transcript.unfinishedTurnLine = unfinishedTurnLine
        var comments: [String] = []
        var open: OpenTurn?
        var phase = Phase.beforeFirstTurn

        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            func fail(_ message: String) -> TranscriptParseError {
                TranscriptParseError(file: file, line: number, message: message)
            }

            if line.first == TranscriptSyntax.message {
                if let finished = open { transcript.turns.append(try close(finished)) }
                var body = line.dropFirst()
                if body.first == " " { body = body.dropFirst() }
                guard let message = MessageEscaping.unescape(body) else {
                    throw fail("malformed \\u{...} escape in the message")
                }
                open = OpenTurn(turn: Transcript.Turn(comments: comments, message: message, reply: [], line: number))
                comments = []
                phase = .reply
                continue
            }
            if line.first == TranscriptSyntax.comment {
                var body = line.dropFirst()
                if body.first == " " { body = body.dropFirst() }
                comments.append(String(body))
                if phase != .beforeFirstTurn { phase = .betweenTurns }
                continue
            }
            if line.hasPrefix(TranscriptSyntax.checkPrefix) {
                guard phase == .reply || phase == .checks, var current = open else {
                    throw fail("a check must follow a reply; start a turn with `> message` first")
                }
                let body = line.dropFirst(TranscriptSyntax.checkPrefix.count)
                guard let colon = body.firstIndex(of: ":") else {
                    throw fail("a check is written `~ key: value`, for example `~ intent: causes`")
                }
                let key = body[..<colon].trimmingWhitespace()
                let value = body[body.index(after: colon)...].trimmingWhitespace()
                if let index = current.checkLines.firstIndex(where: { $0.key == key }) {
                    guard key == "suggestion", current.checkLines.count == index + 1 else {
                        throw fail("`\(key)` is checked twice in this turn")
                    }
                    current.checkLines[index].values.append(value)
                } else {
                    current.checkLines.append((key, [value], number))
                }
                open = current
                phase = .checks
                continue
            }

            // Everything else is part of a reply: text, a blank line, or a varying line.
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if phase == .reply { open?.turn.reply.append(.exact(String(line))) }
                if phase == .checks { phase = .betweenTurns }
                continue
            }
            switch phase {
            case .reply: break
            case .beforeFirstTurn: throw fail("expected `> message` or a `#` comment before the first turn")
            case .checks: throw fail("reply text after the checks; a reply line that starts with `~` is written `\\~`")
            case .betweenTurns: throw fail("reply text after a comment; a reply line that starts with `#` is written `\\#`")
            }
            // In the reply phase a turn is always open: its `>` line started the phase.
            let expected = try replyLine(line, fail: fail)
            open?.turn.reply.append(expected)
        }

        guard let finished = open else {
            throw TranscriptParseError(
                file: file, line: max(lines.count, 1),
                message: "no turns; a transcript needs at least one `> message` line")
        }
        transcript.turns.append(try close(finished))
        transcript.closingComments = comments
        return transcript
    }

    /// One reply line: escaped text, a varying line, or plain text.
    private func replyLine(_ line: Substring, fail: (String) -> TranscriptParseError) throws(TranscriptParseError) -> Transcript.Line {
        if line.first == TranscriptSyntax.escape { return .exact(String(line.dropFirst())) }
        if line.hasPrefix(TranscriptSyntax.containsPrefix) {
            let text = line.dropFirst(TranscriptSyntax.containsPrefix.count)
            guard !text.isEmpty else { throw fail("`~contains` needs the text the line should contain") }
            return .contains(String(text))
        }
        if line.hasPrefix(TranscriptSyntax.patternPrefix) {
            let pattern = String(line.dropFirst(TranscriptSyntax.patternPrefix.count))
            guard !pattern.isEmpty else { throw fail("`~re` needs a regular expression") }
            do throws(TranscriptPattern.SyntaxError) {
                _ = try TranscriptPattern(pattern)
            } catch {
                throw fail("`~re \(pattern)`: \(error.message)")
            }
            return .pattern(pattern)
        }
        if line.first == TranscriptSyntax.marker {
            throw fail("unknown `~` line; use `~ key: value`, `~contains TEXT` or `~re PATTERN`, or write `\\~` for text")
        }
        return .exact(String(line))
    }

    /// The finished turn: blank lines at the end of its reply dropped, its checks read.
    private func close(_ open: OpenTurn) throws(TranscriptParseError) -> Transcript.Turn {
        var turn = open.turn
        while let last = turn.reply.last, case .exact(let text) = last, text.allSatisfy({ $0 == " " || $0 == "\t" }) {
            turn.reply.removeLast()
        }
        for (key, values, line) in open.checkLines {
            switch Transcript.Check.parse(key: key, values: values) {
            case .success(let check): turn.checks.append(check)
            case .failure(let error): throw TranscriptParseError(file: file, line: line, message: error.message)
            }
        }
        return turn
    }
}
